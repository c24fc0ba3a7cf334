using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>
/// Waivers on the fakes' worlds, judged by verdict and line: a live one waives, a partial one leaves the rest failing,
/// an expired one fails its item naming its date, an unused one warns, and "not checked" is never waived.
/// </summary>
public sealed class WaiverTests : IDisposable
{
    private const string Owner = "ops@raxx.example";
    private readonly List<string> files = [];

    [Fact]
    public async Task Live_partial_expired_and_unused_waivers_on_the_seed_state()
    {
        var config = Config(
            Waiver(CheckIds.SentryDsnPerEnvironment, "SENTRY_DSN_QUEUE", "one Sentry project until the split", "2099-12-31"),
            Waiver(CheckIds.ProdConfigVarsPresent, "FLAG_QUEUE_BILLING", "billing ships dark, the flag comes later", "2099-12-31"),
            Waiver(CheckIds.StripeKeysLive, "STRIPE_API_KEY", "test keys during the pilot", "2020-01-31"),
            Waiver(CheckIds.PostgresExtensionsParity, "pg_trgm", "search is staging-only", "2099-12-31")
        );

        var outcome = await RunAsync(ScenarioNames.Blocked, config);
        var render = outcome.Render();
        CheckResult Item(string id) => outcome.Results.Single(r => r.CheckId == id);

        // Live: the shared DSN neither warns nor fails; the line says who accepted it, why and until when.
        var sentry = Item(CheckIds.SentryDsnPerEnvironment);
        sentry.Status.ShouldBe(CheckStatus.Waived, render);
        sentry.Reason.ShouldBe($"waived: SENTRY_DSN_QUEUE (one Sentry project until the split; owner {Owner}; until 2099-12-31)");
        sentry.Waivers.ShouldBe([
            new WaiverUse("SENTRY_DSN_QUEUE", "one Sentry project until the split", Owner, "2099-12-31", WaiverState.Applied),
        ]);
        render.ShouldContain($"waived  {CheckIds.SentryDsnPerEnvironment.PadRight(ChecklistOutcome.IdWidth)}  ");

        // Partial: the other eight missing vars still fail the item; the waived one is listed, its fix is not.
        var present = Item(CheckIds.ProdConfigVarsPresent);
        present.Status.ShouldBe(CheckStatus.Fail, render);
        present.Reason.ShouldEndWith("(1 waived: FLAG_QUEUE_BILLING)");
        present.Found.ShouldContain(f => f.StartsWith("waived: FLAG_QUEUE_BILLING: ", StringComparison.Ordinal));
        present.Found.Count(f => !f.StartsWith("waived: ", StringComparison.Ordinal)).ShouldBe(8);
        present.Fixes.ShouldNotContain(f => f.Contains("FLAG_QUEUE_BILLING", StringComparison.Ordinal));
        present.Findings.Select(f => f.Subject).ShouldNotContain("FLAG_QUEUE_BILLING");

        // Expired: the item fails, naming the waiver and its date, and says how to renew it.
        var stripe = Item(CheckIds.StripeKeysLive);
        stripe.Status.ShouldBe(CheckStatus.Fail, render);
        stripe.Reason!.ShouldStartWith($"the waiver of STRIPE_API_KEY expired on 2020-01-31 (owner {Owner}: test keys during the pilot): ");
        stripe.Fixes[0].ShouldStartWith($"fix what it covered, or (with {Owner}'s consent) set a later \"expires\"");
        stripe.Waivers.Single().State.ShouldBe(WaiverState.Expired);

        // Unused: a waiver of a finding that is not there warns, so that waivers do not rot.
        var extensions = Item(CheckIds.PostgresExtensionsParity);
        extensions.Status.ShouldBe(CheckStatus.Warn, render);
        extensions.Reason!.ShouldStartWith(
            "unused waiver: pg_trgm (search is staging-only; owner ops@raxx.example; until 2099-12-31): no finding matches it"
        );
        extensions.Fixes.ShouldContain($"remove the waiver of pg_trgm ({CheckIds.PostgresExtensionsParity}) from .config/preflight.json");

        outcome.FailedIds.ShouldBe([CheckIds.ProdConfigVarsPresent, CheckIds.StripeKeyVerified, CheckIds.StripeKeysLive], render);
        outcome.WaivedIds.ShouldBe([CheckIds.SentryDsnPerEnvironment]);

        // The reports carry them: the Markdown's table, the JSON (to its schema).
        var markdown = OperatorReport.Markdown(outcome, "fakes:blocked");
        markdown.ShouldContain("## Waivers");
        markdown.ShouldContain(
            $"| 🔕 | `{CheckIds.SentryDsnPerEnvironment}` | `SENTRY_DSN_QUEUE` | applied | {Owner} | 2099-12-31 | one Sentry project until the split |"
        );
        markdown.ShouldContain("| `pg_trgm` | unused |");
        var schema = JsonSchema.FromFile(Path.Combine(Repo.Root, "docs", "report.schema.json"));
        using var json = JsonDocument.Parse(OperatorReport.Json(outcome, "fakes:blocked"));
        schema.Evaluate(json.RootElement).IsValid.ShouldBeTrue();
        json.RootElement.GetProperty("counts").GetProperty("waived").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task An_item_that_could_not_be_checked_is_never_waived_and_says_nothing_of_its_waivers()
    {
        var config = Config(Waiver(CheckIds.ProdDatabaseReachable, "DATABASE_URL", "the database moves this week", "2099-12-31"));

        var outcome = await RunAsync(ScenarioNames.ProdDatabaseUnreachable, config);

        var database = outcome.Results.Single(r => r.CheckId == CheckIds.ProdDatabaseReachable);
        database.Status.ShouldBe(CheckStatus.NotChecked, outcome.Render());
        database.Waivers.ShouldBeEmpty();
        database.Reason!.ShouldNotContain("waive");
        outcome.WaivedIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_waiver_of_an_unknown_check_stops_the_run_with_one_line_naming_it()
    {
        var config = Config(Waiver("sentry-dsn", "SENTRY_DSN_QUEUE", "one Sentry project until the split", "2099-12-31"));

        var outcome = await RunAsync(ScenarioNames.Ready, config);

        outcome.RunExitCode.ShouldBe(2, outcome.Render());
        outcome.Results.ShouldAllBe(r => r.Status == CheckStatus.NotChecked);
        outcome
            .Results.Select(r => r.Reason)
            .Distinct()
            .ShouldHaveSingleItem()!
            .ShouldContain(
                "field waivers[0].check is not a check of this checklist: \"sentry-dsn\" (did you mean 'sentry-dsn-per-environment'?)"
            );
    }

    public void Dispose()
    {
        foreach (var file in files)
        {
            File.Delete(file);
        }
    }

    private static Task<ChecklistOutcome> RunAsync(string scenario, string config) =>
        Checklist.RunAsync(
            Selection.Of(Phases.PreDeploy),
            new Dictionary<string, string>(StringComparer.Ordinal) { [Settings.Target] = $"fakes:{scenario}", [Settings.Config] = config },
            null
        );

    private static JsonObject Waiver(string check, string subject, string reason, string expires) =>
        new()
        {
            ["check"] = check,
            ["subject"] = subject,
            ["reason"] = reason,
            ["owner"] = Owner,
            ["expires"] = expires,
        };

    private string Config(params JsonObject[] waivers)
    {
        var config = JsonNode.Parse(File.ReadAllText(Repo.DefaultConfig))!.AsObject();
        config["waivers"] = new JsonArray([.. waivers]);
        var path = Path.Combine(Path.GetTempPath(), $"preflight-waivers-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, config.ToJsonString());
        files.Add(path);
        return path;
    }
}
