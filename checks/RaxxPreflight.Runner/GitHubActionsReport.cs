namespace RaxxPreflight.Reporting;

/// <summary>A checklist run as GitHub Actions shows it: an annotation per item that failed or warned.</summary>
internal static class GitHubActionsReport
{
    /// <summary>GitHub shows at most this many annotations of each kind per step.</summary>
    public const int ShownPerKind = 10;

    /// <summary>
    /// The workflow commands: <c>::error title=...::reason</c> per item that failed or could not be checked,
    /// <c>::warning</c> per warning; a passing item is not a notice. Beyond what GitHub shows, one more says how many
    /// more there are and where to read them.
    /// </summary>
    public static IReadOnlyList<string> Annotations(ChecklistOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Results.Count == 0)
        {
            return ["::error title=preflight::no checklist item ran: the phase or items matched nothing, or the checklist did not start"];
        }

        var annotations = new List<string>();
        foreach (
            var (level, items) in new[]
            {
                ("error", outcome.Results.Where(r => r.Failed)),
                ("warning", outcome.Results.Where(r => r.Status == CheckStatus.Warn)),
            }
        )
        {
            var list = items.ToList();
            var shown = list.Count > ShownPerKind ? ShownPerKind - 1 : list.Count;
            foreach (var result in list.Take(shown))
            {
                var text = string.Join("\n", new[] { result.Reason ?? result.Title }.Concat(result.Details.Select(d => d.Trim())));
                annotations.Add($"::{level} title={Property($"{outcome.NameOf(result)}: {result.Title}")}::{Data(text)}");
            }

            if (list.Count > shown)
            {
                annotations.Add(
                    $"::{level} title=preflight::{list.Count - shown} more: {string.Join(", ", list.Skip(shown).Select(outcome.NameOf))} (see the step summary)"
                );
            }
        }

        return annotations;
    }

    // https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts: escapeData / escapeProperty.
    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
