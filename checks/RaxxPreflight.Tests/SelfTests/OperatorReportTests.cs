using System.Text.Json;
using System.Xml.Linq;
using Json.Schema;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>The operator's report of real runs, built only from the items' results as data.</summary>
public class OperatorReportTests
{
    // What the hand-written checklist of 2026-05-18 listed as missing on prod, each with its command.
    private static readonly string[] SeedMissingVars = PreDeployScenarioTests.SeedMissingVars;

    [Fact]
    public async Task The_blocked_report_holds_every_blocker_and_command_of_the_seed_and_none_of_its_values()
    {
        var outcome = await Checklist.RunFakesAsync(Phases.PreDeploy, ScenarioNames.Blocked);

        var report = OperatorReport.Markdown(outcome, "fakes:blocked");

        report.ShouldStartWith("# raxx-queue deploy checklist: BLOCKED (10 passed, 3 failed, 2 warnings)");
        var blockers = Section(report, "## Blockers");
        blockers.ShouldContain("1. **`prod-config-vars-present`**: prod (raxx-queue-prod) lacks 9 config vars");
        foreach (var name in SeedMissingVars)
        {
            blockers.ShouldContain($"heroku config:set {name}=<");
        }

        // The seed's "Stripe keys for prod must be LIVE keys", and its live-key placeholders.
        blockers.ShouldContain("heroku config:set STRIPE_API_KEY=<sk_live_...> --app raxx-queue-prod");
        blockers.ShouldContain("heroku config:set STRIPE_PUBLISHABLE_KEY=<pk_live_...> --app raxx-queue-prod");
        blockers.ShouldContain("heroku config:set STRIPE_RESTRICTED_KEY=<rk_live_...> --app raxx-queue-prod");
        blockers.ShouldContain("heroku config:set STRIPE_WEBHOOK_SECRET=<whsec_...> --app raxx-queue-prod");
        blockers.ShouldContain("**`stripe-keys-live`**");

        // The seed's gate status and its Sentry note are warnings, not blockers.
        var warnings = Section(report, "## Warnings");
        warnings.ShouldContain("**`deploy-gate-configured`**: only the workflow's confirm gate guards prod");
        warnings.ShouldContain("**`sentry-dsn-per-environment`**: prod and staging share one Sentry DSN");

        // The seed's tables: the var diff by name with kinds, the plan delta, the gate, staging's health.
        Section(report, "## Config var diff").ShouldContain("| `QUEUE_SERVICE_TOKEN_RAPTOR` | hex64-token; staging: set; prod: MISSING |");
        Section(report, "## Config var diff").ShouldContain("| `DATABASE_URL` | postgres-url; staging: set; prod: set |");
        Section(report, "## Postgres delta").ShouldContain("| plan | heroku-postgresql:standard-0 | heroku-postgresql:standard-0 | same |");
        Section(report, "## Deploy gate")
            .ShouldContain("| `a manual dispatch -> deploy-prod` | deploy-prod's if: requires confirm == 'deploy-prod-now' |");
        Section(report, "## Deploy gate").ShouldContain("| `the production environment` | has no protection rules |");
        Section(report, "## Staging and prod").ShouldContain("| health | HTTP 200, status \"ok\", service \"raxx-queue\"");

        foreach (var secret in SeedScenarios.Blocked().SecretValues)
        {
            report.ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task The_seeds_post_deploy_report_names_the_formation_to_set_and_shows_every_look()
    {
        // The seed's step 3 (heroku ps:scale web=1 --app raxx-queue-prod) and its post-deploy criteria.
        var outcome = await Checklist.RunFakesAsync(Phases.PostDeploy, ScenarioNames.Blocked, settleSeconds: 1);

        var report = OperatorReport.Markdown(outcome, "fakes:blocked");

        Section(report, "## Blockers").ShouldContain("heroku ps:scale web=1:Standard-1X --app raxx-queue-prod");
        var verification = Section(report, "## Post-deploy verification");
        verification.ShouldContain("| ❌ | `prod-release-deployed` | v5 succeeded 'Set SENTRY_DSN_QUEUE config vars' (");
        verification.ShouldContain("| ❌ | `prod-dynos-up` | no web dyno (");
    }

    [Theory]
    [InlineData(ScenarioNames.Blocked, Phases.PreDeploy)]
    [InlineData(ScenarioNames.Settling, Phases.PostDeploy)]
    public async Task The_json_report_holds_to_its_published_schema(string scenario, string phase)
    {
        var outcome = await Checklist.RunFakesAsync(phase, scenario, settleSeconds: 30);
        var schema = JsonSchema.FromFile(Path.Combine(Repo.Root, "docs", "report.schema.json"));

        using var report = JsonDocument.Parse(OperatorReport.Json(outcome, $"fakes:{scenario}"));
        var result = schema.Evaluate(report.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        result.IsValid.ShouldBeTrue(
            string.Join(
                "\n",
                result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            )
        );
        report.RootElement.GetProperty("items").GetArrayLength().ShouldBe(outcome.Results.Count);
    }

    [Fact]
    public async Task The_junit_report_fails_the_failed_items_and_keeps_warnings_visible()
    {
        var outcome = await Checklist.RunFakesAsync(Phases.PreDeploy, ScenarioNames.Blocked);

        var junit = JUnitReport.Build(outcome);

        var cases = junit.Descendants("testcase").ToList();
        cases.Count.ShouldBe(13);
        cases
            .Where(c => c.Element("failure") is not null)
            .Select(c => ((string)c.Attribute("name")!).Split(':')[0])
            .Order(StringComparer.Ordinal)
            .ShouldBe([CheckIds.ProdConfigVarsPresent, CheckIds.StripeKeyVerified, CheckIds.StripeKeysLive]);
        var gate = cases.Single(c => ((string)c.Attribute("name")!).StartsWith("deploy-gate-configured:", StringComparison.Ordinal));
        ((string)gate.Element("system-out")!).ShouldStartWith("WARNING: only the workflow's confirm gate guards prod");
        gate.Descendants("property").Single().Attribute("value")!.Value.ShouldBe("warn");
    }

    [Fact]
    public async Task Selected_items_run_alone()
    {
        var outcome = await Checklist.RunFakesAsync(
            Phases.PreDeploy,
            ScenarioNames.Blocked,
            checkIds: [CheckIds.StripeKeysLive, CheckIds.StagingHealthy]
        );

        outcome.Results.Select(r => r.CheckId).ShouldBe([CheckIds.StagingHealthy, CheckIds.StripeKeysLive]);
        outcome.FailedIds.ShouldBe([CheckIds.StripeKeysLive]);
    }

    private static string Section(string report, string heading)
    {
        var start = report.IndexOf(heading, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"the report has no '{heading}' section:\n{report}");
        var end = report.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? report[start..] : report[start..end];
    }
}
