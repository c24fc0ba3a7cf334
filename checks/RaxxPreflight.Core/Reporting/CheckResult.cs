using System.Globalization;
using System.Text.Json.Serialization;

namespace RaxxPreflight.Reporting;

/// <summary>
/// One checklist item's result, as data: what the rule found, what the item saw, and what fixes it. The checks
/// write it, the runner prints it and every report is built from it; nothing is read back out of text.
/// </summary>
/// <param name="CheckId">The item's stable id.</param>
/// <param name="Phase">PreDeploy or PostDeploy.</param>
/// <param name="Title">The checklist line.</param>
/// <param name="Status">Pass, warn, fail or not checked.</param>
/// <param name="Reason">One line: why it failed or warns, or how a wait held; null for a plain pass.</param>
/// <param name="Findings">Each thing wrong: subject, problem, and the command that fixes it.</param>
/// <param name="Found">What was found, a line each (the findings among them).</param>
/// <param name="Fixes">The exact commands or steps that fix it, in order, each once.</param>
/// <param name="Evidence">What the item saw, masked.</param>
/// <param name="Attempts">For an item that waits for the deploy to settle: every look, oldest first.</param>
/// <param name="Seconds">How long the item took.</param>
public sealed record CheckResult(
    string CheckId,
    string Phase,
    string Title,
    CheckStatus Status,
    string? Reason,
    IReadOnlyList<FindingData> Findings,
    IReadOnlyList<string> Found,
    IReadOnlyList<string> Fixes,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<AttemptData> Attempts,
    double Seconds
)
{
    /// <summary>The waivers this item met: applied to a finding, expired (which failed it), or unused.</summary>
    public IReadOnlyList<WaiverData> Waivers { get; init; } = [];

    /// <summary>True when the item failed or could not be checked.</summary>
    [JsonIgnore]
    public bool Failed => Status is CheckStatus.Fail or CheckStatus.NotChecked;

    /// <summary>An item that ran but left no result: a defect in the checklist, and a failure, never a pass.</summary>
    public static CheckResult Missing(string checkId, string phase, string title, string why) =>
        new(checkId, phase, title, CheckStatus.NotChecked, why, [], [], [], [], [], 0);

    /// <summary>The lines an operator reads under the item: what was found (a wait's looks among it), then the fixes.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Details
    {
        get
        {
            var lines = new List<string>();
            if (Found.Count > 0)
            {
                lines.Add("Found:");
                lines.AddRange(Found.Select(f => $"  {f}"));
            }

            if (Fixes.Count > 0)
            {
                lines.Add("Fix:");
                lines.AddRange(Fixes.Select(f => $"  {f}"));
            }

            return lines;
        }
    }
}

/// <summary>One thing wrong, as a rule found it.</summary>
/// <param name="Subject">What it is about: a config var's name, a job, an extension.</param>
/// <param name="Problem">What is wrong and what was found.</param>
/// <param name="Fix">The command that fixes it, when there is one.</param>
public sealed record FindingData(string Subject, string Problem, string? Fix);

/// <summary>A waiver as an item met it.</summary>
/// <param name="Subject">What the finding it names is about.</param>
/// <param name="Reason">Why it was accepted.</param>
/// <param name="Owner">Who answers for it.</param>
/// <param name="Expires">Its last day, <c>yyyy-MM-dd</c>.</param>
/// <param name="State"><c>applied</c> (a finding waived), <c>expired</c> (its finding failed the item) or <c>unused</c> (no finding matched).</param>
public sealed record WaiverData(string Subject, string Reason, string Owner, string Expires, string State)
{
    /// <summary>A waiver that covered a finding.</summary>
    public const string Applied = "applied";

    /// <summary>A waiver past its date whose finding failed the item.</summary>
    public const string ExpiredState = "expired";

    /// <summary>A waiver no finding matched.</summary>
    public const string Unused = "unused";
}

/// <summary>One look of a wait: when (seconds since the wait began) and what was seen.</summary>
/// <param name="At">Seconds since the wait began.</param>
/// <param name="Observed">What was seen, in words.</param>
public sealed record AttemptData(double At, string Observed)
{
    /// <summary><c>starting (10s)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Observed} ({At:0.#}s)");

    /// <summary>The looks as one line: <c>starting (0s) -> up (5s)</c>, the middle elided when long.</summary>
    public static string Record(IReadOnlyList<AttemptData> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        const int keep = 12;
        var shown =
            attempts.Count <= keep
                ? attempts.Select(a => a.ToString())
                : attempts
                    .Take(keep / 2)
                    .Select(a => a.ToString())
                    .Append($"... {attempts.Count - keep} more ...")
                    .Concat(attempts.TakeLast(keep / 2).Select(a => a.ToString()));
        return string.Join(" -> ", shown);
    }
}
