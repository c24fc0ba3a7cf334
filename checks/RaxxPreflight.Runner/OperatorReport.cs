using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RaxxPreflight.Reporting;

/// <summary>
/// The run as the operator's report, in the shape of the hand-written checklist it replaces: staging's state,
/// prod's state, the config var diff, the Postgres delta, the gate, the blockers with their commands, the
/// warnings, the post-deploy verification. Built only from the items' results as data.
/// </summary>
internal static class OperatorReport
{
    /// <summary>The JSON report's schema version; <c>docs/report.schema.json</c> describes it.</summary>
    public const int SchemaVersion = 1;

    /// <summary>
    /// The report as Markdown (also the GitHub step summary): for a run of several services, a summary table, then a
    /// section per service as a run of one would have it.
    /// </summary>
    public static string Markdown(ChecklistOutcome outcome, string target)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.SeveralServices)
        {
            return Markdown(outcome.Results, outcome, target, outcome.Services.Count > 0 ? outcome.Services[0] : "raxx-queue");
        }

        var text = new StringBuilder();
        var failed = outcome.Results.Count(r => r.Failed);
        text.AppendLine(
            CultureInfo.InvariantCulture,
            $"# Raxx deploy checklist: {(outcome.Passed ? "PASSED" : "BLOCKED")} ({outcome.Services.Count} services, {failed} item{(failed == 1 ? string.Empty : "s")} failed)"
        );
        text.AppendLine();
        text.AppendLine(
            CultureInfo.InvariantCulture,
            $"Target `{target}` · {outcome.StartedAt:yyyy-MM-dd HH:mm:ss} UTC · {(outcome.FinishedAt - outcome.StartedAt).TotalSeconds:0.#}s"
        );
        Table(text, "Services", string.Empty, "service", "verdict", "passed", "failed", "warnings", "not applicable");
        foreach (var service in outcome.Services)
        {
            var results = outcome.Results.Where(r => r.Service == service).ToList();
            var serviceFailed = results.Count(r => r.Failed);
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"| [{service}](#{service}) | {(serviceFailed == 0 ? "passed" : "BLOCKED")} | {results.Count(r => r.Status is CheckStatus.Pass or CheckStatus.Waived or CheckStatus.Warn)} | {serviceFailed} | {results.Count(r => r.Status == CheckStatus.Warn)} | {results.Count(r => r.Status == CheckStatus.NotApplicable)} |"
            );
        }

        foreach (var service in outcome.Services)
        {
            // A service's section is its own report, one heading level down.
            var section = Markdown([.. outcome.Results.Where(r => r.Service == service)], outcome, target, service);
            text.AppendLine();
            foreach (var line in section.Split('\n'))
            {
                text.AppendLine(line.StartsWith('#') ? "#" + line.TrimEnd('\r') : line.TrimEnd('\r'));
            }
        }

        return text.ToString();
    }

    private static string Markdown(IReadOnlyList<CheckResult> all, ChecklistOutcome outcome, string target, string service)
    {
        var text = new StringBuilder();
        var failed = all.Where(r => r.Failed).ToList();
        var warned = all.Where(r => r.Status == CheckStatus.Warn).ToList();
        var waived = all.Where(r => r.Waivers.Count > 0).ToList();
        var notApplicable = all.Where(r => r.Status == CheckStatus.NotApplicable).ToList();
        var phases = all.Select(r => r.Phase).Distinct(StringComparer.Ordinal).Select(Phases.Word);
        text.AppendLine(
            CultureInfo.InvariantCulture,
            $"# {service} deploy checklist: {(failed.Count == 0 && all.Count > 0 ? "PASSED" : "BLOCKED")} ({all.Count - failed.Count - notApplicable.Count} passed, {failed.Count} failed, {warned.Count} warnings{(all.Count(r => r.Status == CheckStatus.Waived) is > 0 and var w ? $", {w} waived" : string.Empty)}{(notApplicable.Count > 0 ? $", {notApplicable.Count} not applicable" : string.Empty)})"
        );
        text.AppendLine();
        text.AppendLine(
            CultureInfo.InvariantCulture,
            $"Target `{target}` · {string.Join(" and ", phases)} · {outcome.StartedAt:yyyy-MM-dd HH:mm:ss} UTC · {(outcome.FinishedAt - outcome.StartedAt).TotalSeconds:0.#}s"
        );
        if (all.Count == 0)
        {
            text.AppendLine();
            text.AppendLine("No checklist item ran: the phase or items matched nothing, or the checklist did not start.");
            return text.ToString();
        }

        Actions(text, all);
        Items(text, "Blockers", failed, numbered: true);
        Items(text, "Warnings", warned, numbered: false);
        Items(text, "Not applicable", notApplicable, numbered: false);
        Waivers(text, waived);
        States(text, all);
        Topic(text, all, EvidenceTopic.ConfigVars, "Config var diff (by name, never values)", ["var", "kind; staging; prod"]);
        Compared(text, all, EvidenceTopic.Postgres, "Postgres delta");
        Topic(text, all, EvidenceTopic.Gate, "Deploy gate", ["what", "status"]);
        Topic(text, all, EvidenceTopic.Source, "Deploy source", ["what", "seen"]);
        Verification(text, all.Where(r => r.Phase == Phases.PostDeploy).ToList());

        Table(text, "Every item", string.Empty, "item", "phase", "result");
        foreach (var result in all)
        {
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"| {Mark(result.Status)} | `{result.CheckId}` | {Phases.Word(result.Phase)} | {Cell(result.Reason ?? result.Title)} |"
            );
        }

        return text.ToString();
    }

    // The operator's actions, in order, each once, config vars of one app in one command.
    private static void Actions(StringBuilder text, IReadOnlyList<CheckResult> results)
    {
        var actions = OperatorActions.From(results);
        if (actions.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine("## Operator actions");
        text.AppendLine();
        text.AppendLine("```sh");
        foreach (var action in actions)
        {
            text.AppendLine(action);
        }

        text.AppendLine("```");
    }

    /// <summary>The report as JSON: the same content, for a deploy to attach as evidence.</summary>
    public static string Json(ChecklistOutcome outcome, string target)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var report = new JsonObject
        {
            ["schemaVersion"] = SchemaVersion,
            ["target"] = target,
            ["phases"] = new JsonArray([.. outcome.Results.Select(r => r.Phase).Distinct(StringComparer.Ordinal).Select(p => (JsonNode)p)]),
            ["startedAt"] = outcome.StartedAt.ToString("O", CultureInfo.InvariantCulture),
            ["finishedAt"] = outcome.FinishedAt.ToString("O", CultureInfo.InvariantCulture),
            ["passed"] = outcome.Passed,
            // Keyed by each status's one spelling, the one the items' "status" uses.
            ["counts"] = new JsonObject(
                Enum.GetValues<CheckStatus>()
                    .Select(s => KeyValuePair.Create(s.Word(), (JsonNode?)outcome.Results.Count(r => r.Status == s)))
            ),
            ["items"] = JsonSerializer.SerializeToNode(outcome.Results, RunEvent.Json),
        };
        return report.ToJsonString(new JsonSerializerOptions(RunEvent.Json) { WriteIndented = true });
    }

    private static void Items(StringBuilder text, string title, List<CheckResult> items, bool numbered)
    {
        if (items.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            text.AppendLine();
            var status = item.Status == CheckStatus.NotChecked ? " (not checked)" : string.Empty;
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"{(numbered ? $"{i + 1}." : "-")} **`{item.CheckId}`**{status}: {Inline(item.Reason ?? item.Title)}"
            );
            foreach (var found in item.Found)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   - {Inline(found)}");
            }

            if (item.Fixes.Count > 0)
            {
                text.AppendLine();
                text.AppendLine("   ```sh");
                foreach (var fix in item.Fixes)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"   {fix}");
                }

                text.AppendLine("   ```");
            }
        }
    }

    // Every waiver the run met, applied, expired or unused: who accepted what, why, and until when.
    private static void Waivers(StringBuilder text, List<CheckResult> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        Table(text, "Waivers", string.Empty, "item", "subject", "state", "owner", "until", "reason");
        foreach (var item in items)
        {
            foreach (var waiver in item.Waivers)
            {
                text.AppendLine(
                    CultureInfo.InvariantCulture,
                    $"| {Mark(item.Status)} | `{item.CheckId}` | `{Cell(waiver.Subject)}` | {waiver.State.Word()} | {Cell(waiver.Owner)} | {waiver.Expires} | {Cell(waiver.Reason)} |"
                );
            }
        }
    }

    private static void States(StringBuilder text, IReadOnlyList<CheckResult> results)
    {
        var seen = results.SelectMany(r => r.Evidence).Where(e => e.Topic == EvidenceTopic.State && e.Environment is not null).ToList();
        if (seen.Count == 0)
        {
            return;
        }

        Table(text, "Staging and prod", string.Empty, "staging", "prod");
        foreach (var name in seen.Select(e => e.Name).Distinct(StringComparer.Ordinal))
        {
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"| {Cell(name)} | {Cell(Value(seen, Stages.Staging, name))} | {Cell(Value(seen, Stages.Prod, name))} |"
            );
        }
    }

    private static void Compared(StringBuilder text, IReadOnlyList<CheckResult> results, EvidenceTopic topic, string title)
    {
        var seen = results.SelectMany(r => r.Evidence).Where(e => e.Topic == topic).ToList();
        if (seen.Count == 0)
        {
            return;
        }

        Table(text, title, string.Empty, "staging", "prod", string.Empty);
        foreach (var name in seen.Select(e => e.Name).Distinct(StringComparer.Ordinal))
        {
            var staging = Value(seen, Stages.Staging, name);
            var prod = Value(seen, Stages.Prod, name);
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"| {Cell(name)} | {Cell(staging)} | {Cell(prod)} | {(string.Equals(staging, prod, StringComparison.Ordinal) ? "same" : "**differs**")} |"
            );
        }
    }

    private static void Topic(StringBuilder text, IReadOnlyList<CheckResult> results, EvidenceTopic topic, string title, string[] columns)
    {
        var seen = results.SelectMany(r => r.Evidence).Where(e => e.Topic == topic).ToList();
        if (seen.Count == 0)
        {
            return;
        }

        Table(text, title, columns);
        foreach (var e in seen)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{e.Name}` | {Cell(e.Value)} |");
        }
    }

    private static void Verification(StringBuilder text, List<CheckResult> post)
    {
        if (post.Count == 0)
        {
            return;
        }

        Table(text, "Post-deploy verification", string.Empty, "item", "looks");
        foreach (var item in post)
        {
            var looks = item.Attempts.Count > 0 ? Attempt.Record(item.Attempts) : item.Reason ?? string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {Mark(item.Status)} | `{item.CheckId}` | {Cell(looks)} |");
        }
    }

    // A section that is a table: its heading, the header row and the separator.
    private static void Table(StringBuilder text, string title, params string[] columns)
    {
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
        text.AppendLine();
        text.Append('|').AppendJoin(string.Empty, columns.Select(c => c.Length == 0 ? " |" : $" {c} |")).AppendLine();
        text.Append('|').AppendJoin(string.Empty, columns.Select(_ => "---|")).AppendLine();
    }

    private static string Value(IReadOnlyList<Evidence> seen, string environment, string name) =>
        seen.LastOrDefault(e => e.Environment == environment && e.Name == name)?.Value ?? "—";

    private static string Mark(CheckStatus status) =>
        status switch
        {
            CheckStatus.Pass => "✅",
            CheckStatus.Warn => "⚠️",
            CheckStatus.Waived => "🔕",
            CheckStatus.NotChecked => "❓",
            CheckStatus.NotApplicable => "➖",
            _ => "❌",
        };

    private static string Inline(string text) => text.Replace("\n", " ", StringComparison.Ordinal);

    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
