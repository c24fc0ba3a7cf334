using System.Globalization;
using System.Text;

namespace RaxxPreflight.Reporting;

/// <summary>What a checklist run produced: its exit code, each item's result as data, and everything else it printed.</summary>
/// <param name="ExitCode">The checklist process's exit code.</param>
/// <param name="Results">One result per item that ran, in the checklist's order.</param>
/// <param name="Output">Everything the process printed that was not an event.</param>
/// <param name="ReportXml">xunit's XML report, where a child process wrote one; empty otherwise.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Broke">What broke the facts' run before it ended on its own (xunit's runner threw), if anything.</param>
/// <param name="CutShort">Why the run ended before its items did (its bound passed, it was stopped), if it did.</param>
internal sealed record ChecklistOutcome(
    int ExitCode,
    IReadOnlyList<CheckResult> Results,
    string Output,
    string ReportXml,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string? Broke = null,
    string? CutShort = null
)
{
    /// <summary>
    /// True only when items ran, none failed or went unchecked (warnings pass), and one at least applied: a run where
    /// nothing applies checked nothing.
    /// </summary>
    public bool Passed => Results.Any(r => r.Status != CheckStatus.NotApplicable) && Results.All(r => !r.Failed) && IdleServices.Count == 0;

    /// <summary>The services of a run of several where no item applied: an error in the description (its apps), never a pass.</summary>
    public IReadOnlyList<string> IdleServices =>
        SeveralServices ? [.. Services.Where(s => Results.Where(r => r.Service == s).All(r => r.Status == CheckStatus.NotApplicable))] : [];

    /// <summary>
    /// What run-preflight.sh exits with: 0 when every item passed, 1 when an item failed on what it checked,
    /// 2 when the run could not check at all (no item ran, or none could be checked: no target, missing
    /// credentials, a bad config).
    /// </summary>
    public int RunExitCode =>
        Passed ? 0
        : Results.Count == 0 || Results.All(r => r.Status is CheckStatus.NotChecked or CheckStatus.NotApplicable) ? 2
        : 1;

    /// <summary>The ids (<c>service/id</c> in a run of several services) of the items that failed or could not be checked, sorted.</summary>
    public IReadOnlyList<string> FailedIds => [.. Results.Where(r => r.Failed).Select(NameOf).Order(StringComparer.Ordinal)];

    /// <summary>The ids of the items that passed with a warning, sorted.</summary>
    public IReadOnlyList<string> WarnedIds =>
        [.. Results.Where(r => r.Status == CheckStatus.Warn).Select(NameOf).Order(StringComparer.Ordinal)];

    /// <summary>The ids of the items whose findings a live waiver covers, sorted.</summary>
    public IReadOnlyList<string> WaivedIds =>
        [.. Results.Where(r => r.Status == CheckStatus.Waived).Select(NameOf).Order(StringComparer.Ordinal)];

    /// <summary>The services the results are of, in their order (one, for a run of one service).</summary>
    public IReadOnlyList<string> Services => [.. Results.Select(r => r.Service).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>True when the run checked more than one service: then lines and reports name each item's service.</summary>
    public bool SeveralServices => Services.Count > 1;

    /// <summary>How lines and reports name <paramref name="result"/>'s item: its id, or <c>service/id</c> in a run of several services.</summary>
    public string NameOf(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return SeveralServices ? result.Key : result.CheckId;
    }

    /// <summary>The width item ids are padded to in lines.</summary>
    public static int IdWidth => RaxxPreflight.Declarations.ChecklistCatalog.Current.Items.Max(c => c.Id.Length);

    /// <summary>The label an item's line starts with.</summary>
    public static string Label(CheckStatus status) =>
        status switch
        {
            CheckStatus.Pass => "pass",
            CheckStatus.Warn => "WARN",
            CheckStatus.Waived => "waived",
            CheckStatus.NotApplicable => "n/a",

            // Failed and could not be checked alike: the line says "not checked" in its reason.
            _ => "FAIL",
        };

    /// <summary>
    /// One item's line: <c>FAIL  stripe-keys-live  title: reason</c>; with <paramref name="service"/> (a run of several
    /// services), <c>FAIL  raxx-api/stripe-keys-live  title: reason</c>, padded to <paramref name="width"/>.
    /// </summary>
    public static string Line(CheckResult result, bool service = false, int? width = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var name = service ? result.Key : result.CheckId;
        var reason = result.Status switch
        {
            CheckStatus.NotChecked => $"not checked: {result.Reason}",
            CheckStatus.NotApplicable => $"not applicable: {result.Reason}",
            _ => result.Reason,
        };
        return FormattableString.Invariant(
            $"{Label(result.Status)}  {name.PadRight(width ?? IdWidth)}  {result.Title}{(reason is null ? string.Empty : $": {reason}")}"
        );
    }

    /// <summary>The verdict as an operator reads it: one line per item, then how to fix each item that did not pass cleanly.</summary>
    public string Render() => Lines() + Tail();

    /// <summary>One line per item; when nothing could be checked, the shared reason once.</summary>
    public string Lines()
    {
        var text = new StringBuilder();
        var width = Results.Count == 0 ? IdWidth : Results.Max(r => NameOf(r).Length);
        foreach (var result in Results)
        {
            text.AppendLine(Line(result, SeveralServices, Math.Max(width, IdWidth)));
        }

        return text.ToString();
    }

    /// <summary>What follows the lines: for each item that did not pass cleanly what was found and how to fix it, then the totals.</summary>
    public string Tail()
    {
        var text = new StringBuilder();
        if (Results.Count == 0)
        {
            text.AppendLine("FAIL  no checklist item ran: the phase or items matched nothing, or the checklist did not start. Its output:");
            text.AppendLine(Output);
            return text.ToString();
        }

        foreach (var result in Results.Where(r => r.Status != CheckStatus.Pass && r.Details.Count > 0))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{NameOf(result)}:");
            foreach (var line in result.Details)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
            }
        }

        var actions = OperatorActions.From(Results);
        if (actions.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Operator actions, in order:");
            for (var i = 0; i < actions.Count; i++)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1}. {actions[i]}");
            }
        }

        // In a run of several services, a line per service, in the config's order: the verdict at a glance.
        if (SeveralServices)
        {
            text.AppendLine();
            foreach (var service in Services)
            {
                var of = Results.Where(r => r.Service == service).ToList();
                var failedHere = of.Where(r => r.Failed).Select(r => r.CheckId).ToList();
                text.AppendLine(
                    FormattableString.Invariant(
                        $"{(failedHere.Count > 0 ? "FAIL" : "pass")}  {service}: {of.Count(r => r.Status is CheckStatus.Pass or CheckStatus.Warn or CheckStatus.Waived)} passed, {failedHere.Count} failed{(failedHere.Count > 0 ? $" ({string.Join(", ", failedHere)})" : string.Empty)}, {of.Count(r => r.Status == CheckStatus.NotApplicable)} not applicable"
                    )
                );
            }
        }

        foreach (var idle in IdleServices)
        {
            text.AppendLine();
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"FAIL  no item applies to {idle}: nothing of it was checked. Check its description (its pipeline, its apps): ./run-preflight.sh describe"
            );
        }

        var failed = FailedIds.Count;
        var notChecked = Results.Count(r => r.Status == CheckStatus.NotChecked);
        var notApplicable = Results.Count(r => r.Status == CheckStatus.NotApplicable);
        if (Broke is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"The checklist's run broke before it ended: {Broke}");
        }

        if (CutShort is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"The run ended before its items did: {CutShort}.");
        }

        text.AppendLine();
        text.AppendLine(
            FormattableString.Invariant(
                $"{Results.Count - failed - notApplicable} passed, {failed} failed{(notChecked > 0 ? $" ({notChecked} could not be checked)" : string.Empty)}{(notApplicable > 0 ? $", {notApplicable} not applicable" : string.Empty)}"
            )
        );
        if (WarnedIds.Count > 0)
        {
            text.AppendLine(FormattableString.Invariant($"{WarnedIds.Count} passed with warnings: {string.Join(", ", WarnedIds)}"));
        }

        if (WaivedIds.Count > 0)
        {
            text.AppendLine(FormattableString.Invariant($"{WaivedIds.Count} passed by waiver: {string.Join(", ", WaivedIds)}"));
        }

        if (notApplicable > 0 && notApplicable == Results.Count)
        {
            text.AppendLine("No item applies to this service: nothing was checked. Check the deploy description's apps.");
        }

        return text.ToString();
    }
}
