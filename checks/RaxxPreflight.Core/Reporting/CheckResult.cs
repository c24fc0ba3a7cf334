namespace RaxxPreflight.Reporting;

/// <summary>One checklist item's result, read from a run's report.</summary>
/// <param name="CheckId">The item's stable id.</param>
/// <param name="Phase">PreDeploy or PostDeploy.</param>
/// <param name="Title">The item's display name: the checklist line.</param>
/// <param name="Outcome">Pass, warn, fail or skip.</param>
/// <param name="Reason">One line: why it failed, or what it warns of.</param>
/// <param name="Details">The rest of the failure message: what was found, the commands that fix it.</param>
/// <param name="Warnings">Every warning the item raised.</param>
/// <param name="Output">What the item wrote, such as the record of a wait that ended well.</param>
public sealed record CheckResult(
    string CheckId,
    string Phase,
    string Title,
    CheckOutcome Outcome,
    string? Reason,
    IReadOnlyList<string> Details,
    IReadOnlyList<string> Warnings,
    string Output
);

/// <summary>How an item ended.</summary>
public enum CheckOutcome
{
    /// <summary>It held.</summary>
    Pass,

    /// <summary>It held, with a warning.</summary>
    Warn,

    /// <summary>It did not hold, or could not be checked.</summary>
    Fail,

    /// <summary>It was skipped, which a checklist run counts as a failure.</summary>
    Skip,
}
