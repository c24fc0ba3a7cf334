using System.Text.RegularExpressions;

namespace RaxxPreflight.Reporting;

/// <summary>
/// The operator's actions, as the hand-written checklist ended with them: every fix of the items that failed or warned,
/// each once (two items that need the same var set say it once), the <c>heroku config:set</c> lines of one app made one
/// command (<c>heroku config:set A=&lt;...&gt; B=&lt;...&gt; --app raxx-queue-prod</c>), in the order to do them: what
/// blocks first (the failures, in the checklist's order), then what warns.
/// </summary>
internal static partial class OperatorActions
{
    /// <summary>The steps, numbered by their order; empty when nothing is to be done.</summary>
    public static IReadOnlyList<string> From(IReadOnlyList<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var ordered = results.Where(r => r.Failed).Concat(results.Where(r => r.Status == CheckStatus.Warn));
        var steps = new List<Step>();
        var byApp = new Dictionary<string, Step>(StringComparer.Ordinal);
        foreach (var fix in ordered.SelectMany(r => r.Findings.Select(f => f.Fix).OfType<string>().Concat(r.Fixes)))
        {
            if (ConfigSet().Match(fix) is { Success: true } set)
            {
                var app = set.Groups["app"].Value;
                if (!byApp.TryGetValue(app, out var step))
                {
                    step = new Step(app);
                    byApp[app] = step;
                    steps.Add(step);
                }

                foreach (Capture assignment in set.Groups["assignment"].Captures)
                {
                    step.Set(assignment.Value);
                }

                if (set.Groups["note"].Value.Trim() is { Length: > 0 } note)
                {
                    step.Note(note.Trim('(', ')', ' '));
                }
            }
            else if (!steps.Any(s => s.Command == fix))
            {
                steps.Add(new Step(null) { Command = fix });
            }
        }

        return [.. steps.Select(s => s.Render())];
    }

    // heroku config:set NAME=<value> [NAME=<value>...] --app APP [(a note)]
    [GeneratedRegex(@"^heroku config:set (?:(?<assignment>[A-Za-z_][A-Za-z0-9_]*=(?:<[^>]*>|\S+)) )+--app (?<app>[a-z0-9-]+)(?<note>.*)$")]
    private static partial Regex ConfigSet();

    private sealed class Step(string? app)
    {
        private readonly List<(string Name, string Assignment)> assignments = [];
        private readonly List<string> notes = [];

        public string? Command { get; init; }

        public void Set(string assignment)
        {
            var name = assignment[..assignment.IndexOf('=', StringComparison.Ordinal)];
            if (!assignments.Any(a => a.Name == name))
            {
                assignments.Add((name, assignment));
            }
        }

        public void Note(string note)
        {
            if (!notes.Contains(note, StringComparer.Ordinal))
            {
                notes.Add(note);
            }
        }

        public string Render() =>
            app is null
                ? Command!
                : $"heroku config:set {string.Join(' ', assignments.Select(a => a.Assignment))} --app {app}{(notes.Count == 0 ? string.Empty : $"  # {string.Join("; ", notes)}")}";
    }
}
