using System.Globalization;
using System.Text;

namespace RaxxPreflight.Reporting;

/// <summary>What a checklist run produced: its exit code, each item's result, and everything it printed.</summary>
/// <param name="ExitCode">The test process's exit code.</param>
/// <param name="Results">One result per item that ran.</param>
/// <param name="Output">Everything the process printed.</param>
/// <param name="ReportXml">The XML report as written.</param>
public sealed record ChecklistOutcome(int ExitCode, IReadOnlyList<CheckResult> Results, string Output, string ReportXml)
{
    /// <summary>True only when items ran and every one passed (warnings pass).</summary>
    public bool Passed => Results.Count > 0 && Results.All(r => r.Outcome is CheckOutcome.Pass or CheckOutcome.Warn);

    /// <summary>The ids of the items that did not pass, sorted.</summary>
    public IReadOnlyList<string> FailedIds =>
        [.. Results.Where(r => r.Outcome is CheckOutcome.Fail or CheckOutcome.Skip).Select(r => r.CheckId).Order(StringComparer.Ordinal)];

    /// <summary>The ids of the items that passed with a warning, sorted.</summary>
    public IReadOnlyList<string> WarnedIds =>
        [.. Results.Where(r => r.Outcome == CheckOutcome.Warn).Select(r => r.CheckId).Order(StringComparer.Ordinal)];

    /// <summary>The verdict as an operator reads it: one line per item, then how to fix each failure.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        if (Results.Count == 0)
        {
            text.AppendLine("FAIL  no checklist item ran: the phase matched nothing, or the checklist did not start. Its output:");
            text.AppendLine(Output);
            return text.ToString();
        }

        var width = Results.Max(r => r.CheckId.Length);

        // When nothing could be checked, every item fails with the same line: say it once.
        var shared =
            Results.Count > 1
            && Results.All(r => r.Outcome == CheckOutcome.Fail)
            && Results.Select(r => r.Reason).Distinct(StringComparer.Ordinal).Count() == 1
                ? Results[0].Reason
                : null;
        if (shared is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"FAIL  every item: {shared}");
        }

        foreach (var result in Results)
        {
            var label = result.Outcome switch
            {
                CheckOutcome.Pass => "pass",
                CheckOutcome.Warn => "WARN",
                CheckOutcome.Skip => "SKIP",
                _ => "FAIL",
            };
            text.Append(FormattableString.Invariant($"{label}  {result.CheckId.PadRight(width)}  {result.Title}"));
            text.AppendLine(
                result.Reason is null ? string.Empty
                : shared is not null ? ": as above"
                : $": {result.Reason}"
            );
        }

        foreach (var result in Results.Where(r => r.Outcome != CheckOutcome.Pass && r.Details.Count > 0))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{result.CheckId}:");
            foreach (var line in result.Details)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
            }
        }

        var failed = FailedIds.Count;
        text.AppendLine();
        text.AppendLine(FormattableString.Invariant($"{Results.Count - failed} passed, {failed} failed"));
        if (WarnedIds.Count > 0)
        {
            text.AppendLine(FormattableString.Invariant($"{WarnedIds.Count} passed with warnings: {string.Join(", ", WarnedIds)}"));
        }
        return text.ToString();
    }
}
