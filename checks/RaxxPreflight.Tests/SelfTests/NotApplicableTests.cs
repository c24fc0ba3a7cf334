using System.Text.Json.Nodes;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>
/// Not applicable is a status: a service without a database, Stripe or Sentry (the shape of raxx-velvet, and of the
/// world that once hung the run) gets those items as not applicable, each saying why, never a pass and never a fail.
/// </summary>
public class NotApplicableTests
{
    private static readonly string[] VarLists = ["required", "mayBeEqual", "mustDiffer"];

    private static readonly string[] Dropped =
    [
        "DATABASE_URL",
        "SENTRY_DSN_QUEUE",
        "STRIPE_API_KEY",
        "STRIPE_PUBLISHABLE_KEY",
        "STRIPE_RESTRICTED_KEY",
        "STRIPE_WEBHOOK_SECRET",
    ];

    [Fact]
    public async Task A_service_with_no_database_stripe_or_sentry_gets_those_items_as_not_applicable_with_why_and_passes()
    {
        var ready = SeedScenarios.Ready();
        var scenario = ready with { Staging = Bare(ready.Staging), Prod = Bare(ready.Prod) };
        await using var fakes = await PreDeployScenarioTests.WithDatabasesAsync(scenario);
        var config = WriteConfig();
        try
        {
            var outcome = await Checklist.RunAsync(
                Phases.PreDeploy,
                new Dictionary<string, string>(fakes.Variables) { [Settings.Config] = config }
            );

            var notApplicable = outcome
                .Results.Where(r => r.Status == CheckStatus.NotApplicable)
                .Select(r => r.CheckId)
                .Order(StringComparer.Ordinal);
            notApplicable.ShouldBe(
                [
                    CheckIds.PostgresExtensionsParity,
                    CheckIds.PostgresPlanParity,
                    CheckIds.PostgresSchemaParity,
                    CheckIds.PostgresVersionParity,
                    CheckIds.ProdDatabaseReachable,
                    CheckIds.SentryDsnPerEnvironment,
                    CheckIds.StripeKeyVerified,
                    CheckIds.StripeKeysLive,
                ],
                ignoreOrder: false,
                customMessage: outcome.Render()
            );
            outcome.FailedIds.ShouldBeEmpty(outcome.Render());
            outcome.Passed.ShouldBeTrue(outcome.Render());
            outcome.RunExitCode.ShouldBe(0);

            var render = outcome.Render();
            render.ShouldContain(
                $"n/a  {CheckIds.PostgresPlanParity.PadRight(ChecklistOutcome.IdWidth)}  Prod's heroku-postgresql plan equals staging's: not applicable: neither raxx-queue-staging nor raxx-queue-prod has a heroku-postgresql add-on: the service has no database to check"
            );
            render.ShouldContain(
                "not applicable: neither raxx-queue-staging nor raxx-queue-prod sets a Stripe key (STRIPE_API_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_RESTRICTED_KEY, STRIPE_WEBHOOK_SECRET): the service does not bill through Stripe"
            );
            render.ShouldContain("not applicable: neither raxx-queue-staging nor raxx-queue-prod sets SENTRY_DSN_QUEUE");
            render.ShouldContain("5 passed, 0 failed, 8 not applicable");

            // The reports say so too: JSON's status and counts, JUnit's skipped, Markdown's own section.
            var json = JsonNode.Parse(OperatorReport.Json(outcome, "fakes:bare"))!;
            ((int)json["counts"]!["not-applicable"]!).ShouldBe(8);
            json["items"]!.AsArray().Count(i => (string?)i!["status"] == "not-applicable").ShouldBe(8);
            JUnitReport.Build(outcome).Descendants("skipped").Count().ShouldBe(8);
            OperatorReport.Markdown(outcome, "fakes:bare").ShouldContain("## Not applicable");
        }
        finally
        {
            File.Delete(config);
        }
    }

    // The app without a Postgres add-on, a database URL, Stripe keys or a Sentry DSN.
    private static AppState Bare(AppState app) =>
        app with
        {
            Addons = [.. app.Addons.Where(a => a.Service != "heroku-postgresql")],
            ConfigVars = app.ConfigVars.Where(v => !Dropped.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
        };

    // The project's deploy description, requiring none of the dropped vars.
    private static string WriteConfig() =>
        Configs.Write(config =>
        {
            var vars = config["configVars"]!.AsObject();
            foreach (var list in VarLists)
            {
                var kept = vars[list]!.AsArray().Select(n => (string)n!).Where(n => !Dropped.Contains(n)).ToList();
                vars[list] = new JsonArray([.. kept.Select(n => (JsonNode?)JsonValue.Create(n))]);
            }

            foreach (var name in Dropped)
            {
                vars["kinds"]!.AsObject().Remove(name);
            }
        });
}
