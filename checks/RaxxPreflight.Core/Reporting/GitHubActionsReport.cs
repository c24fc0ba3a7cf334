using System.Globalization;
using System.Text;

namespace RaxxPreflight.Reporting;

/// <summary>A checklist run as GitHub Actions shows it: one annotation per item that failed or warned, and a step summary table.</summary>
public static class GitHubActionsReport
{
    /// <summary>The workflow commands: <c>::error title=...::reason</c> per failure, <c>::warning</c> per warning, <c>::notice</c> per pass.</summary>
    public static IReadOnlyList<string> Annotations(ChecklistOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Results.Count == 0)
        {
            return ["::error title=preflight::no checklist item ran: the phase matched nothing, or the checklist did not start"];
        }

        return
        [
            .. outcome.Results.Select(result =>
            {
                var level = result.Outcome switch
                {
                    CheckOutcome.Pass => "notice",
                    CheckOutcome.Warn => "warning",
                    _ => "error",
                };
                var text = string.Join("\n", new[] { result.Reason ?? result.Title }.Concat(result.Details.Select(d => d.Trim())));
                return $"::{level} title={Property($"{result.CheckId}: {result.Title}")}::{Data(text)}";
            }),
        ];
    }

    /// <summary>The step summary: a Markdown table of every item, then the fixes.</summary>
    public static string Summary(ChecklistOutcome outcome, string phase)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = new StringBuilder();
        var failed = outcome.FailedIds.Count;
        text.AppendLine(
            CultureInfo.InvariantCulture,
            $"### Preflight {phase}: {(outcome.Passed ? "passed" : "FAILED")} ({outcome.Results.Count - failed} passed, {failed} failed)"
        );
        text.AppendLine();
        text.AppendLine("| | check | item | reason |");
        text.AppendLine("|---|---|---|---|");
        foreach (var result in outcome.Results)
        {
            var mark = result.Outcome switch
            {
                CheckOutcome.Pass => "✅",
                CheckOutcome.Warn => "⚠️",
                _ => "❌",
            };
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"| {mark} | `{result.CheckId}` | {Cell(result.Title)} | {Cell(result.Reason ?? string.Empty)} |"
            );
        }

        foreach (var result in outcome.Results.Where(r => r.Outcome != CheckOutcome.Pass && r.Details.Count > 0))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"**{result.CheckId}**");
            text.AppendLine("```");
            foreach (var line in result.Details)
            {
                text.AppendLine(line);
            }

            text.AppendLine("```");
        }

        return text.ToString();
    }

    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    // https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts: escapeData / escapeProperty.
    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
