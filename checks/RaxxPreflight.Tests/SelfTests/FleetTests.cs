using System.Text.Json.Nodes;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>
/// Every Raxx service in one run (.config/fleet.json: four services, a few lines each, the rest found from the
/// pipelines and staging's vars): per service, exactly which items fail in each of Raxx's incidents, the items that do
/// not apply said so, and a wrong service (its pipeline, its workflow, its name) failing alone while the others run.
/// </summary>
public class FleetTests
{
    private static string FleetConfig => Path.Combine(Repo.Root, ".config", "fleet.json");

    public static TheoryData<string, string[]> Incidents =>
        new()
        {
            { ScenarioNames.FleetClear, [] },
            { ScenarioNames.FleetConsoleMissingVars, ["raxx-console/prod-config-vars-present"] },
            { ScenarioNames.FleetApiPushDeploysProd, ["raxx-api/deploy-gate-configured"] },
            {
                ScenarioNames.FleetNoProductionEnvironment,
                ["raxx-api/deploy-gate-configured", "raxx-console/deploy-gate-configured", "raxx-velvet/deploy-gate-configured"]
            },
            {
                ScenarioNames.FleetApiNeverDeployed,
                [
                    "raxx-api/prod-dynos-up",
                    "raxx-api/prod-formation-set",
                    "raxx-api/prod-healthy",
                    "raxx-api/prod-release-deployed",
                    "raxx-api/prod-startup-logs-clean",
                ]
            },
            {
                ScenarioNames.FleetApiCrashLooping,
                ["raxx-api/prod-config-vars-present", "raxx-api/prod-dynos-up", "raxx-api/prod-healthy", "raxx-api/prod-startup-logs-clean"]
            },
            { ScenarioNames.FleetConsoleOldSlug, ["raxx-console/prod-release-deployed"] },
        };

    [Theory]
    [MemberData(nameof(Incidents))]
    public async Task Each_incident_fails_exactly_its_services_items(string scenario, string[] failing)
    {
        var outcome = await RunAsync(scenario);

        outcome.Services.ShouldBe(["raxx-api", "raxx-console", "raxx-queue", "raxx-velvet"], outcome.Render());
        outcome.Results.Count.ShouldBe(4 * Items.Ids.Count, outcome.Render());
        outcome.Results.Where(r => r.Failed).Select(r => r.Key).Order(StringComparer.Ordinal).ToArray().ShouldBe(failing, outcome.Render());
        outcome.Results.Where(r => r.Status == CheckStatus.NotChecked).ShouldBeEmpty(outcome.Render());

        // What does not apply says why: velvet has no database, Stripe or Sentry; console no database or Stripe.
        NotApplicable(outcome, "raxx-velvet")
            .ShouldBe(
                [
                    CheckIds.PostgresExtensionsParity,
                    CheckIds.PostgresPlanParity,
                    CheckIds.PostgresSchemaParity,
                    CheckIds.PostgresVersionParity,
                    CheckIds.ProdDatabaseReachable,
                    CheckIds.ProdSchemaMigrated,
                    CheckIds.SentryDsnPerEnvironment,
                    CheckIds.StripeKeyVerified,
                    CheckIds.StripeKeysLive,
                ],
                outcome.Render()
            );
        NotApplicable(outcome, "raxx-api").ShouldBe([CheckIds.StripeKeyVerified, CheckIds.StripeKeysLive], outcome.Render());
        NotApplicable(outcome, "raxx-queue").ShouldBeEmpty(outcome.Render());
        outcome.RunExitCode.ShouldBe(failing.Length == 0 ? 0 : 1, outcome.Render());
    }

    [Fact]
    public async Task A_production_environment_that_does_not_exist_is_named_as_such()
    {
        var outcome = await RunAsync(ScenarioNames.FleetNoProductionEnvironment, Phases.PreDeploy);

        Result(outcome, "raxx-api", CheckIds.DeployGateConfigured)
            .Reason!.ShouldStartWith(
                "the production environment does not exist in raxx-app/TradeMasterAPI: the deploy job's `environment:` creates it unprotected on first use"
            );
        Result(outcome, "raxx-queue", CheckIds.DeployGateConfigured)
            .Reason!.ShouldContain("the production environment does not exist in raxx-app/TradeMasterAPI");
    }

    [Fact]
    public async Task A_prod_never_deployed_fails_by_name_and_a_wrong_slug_names_both()
    {
        var never = await RunAsync(ScenarioNames.FleetApiNeverDeployed, Phases.PostDeploy);
        Result(never, "raxx-api", CheckIds.ProdReleaseDeployed)
            .Reason!.ShouldContain("raxx-api-prod has never had a build released: its 7 releases only set config vars");

        var old = await RunAsync(ScenarioNames.FleetConsoleOldSlug, Phases.PostDeploy);
        Result(old, "raxx-console", CheckIds.ProdReleaseDeployed)
            .Reason!.ShouldContain(
                $"v9 runs slug {FleetScenarios.SlugId("raxx-console", 11)}, but staging's newest build is slug {FleetScenarios.SlugId("raxx-console", 12)}"
            );
    }

    [Fact]
    public async Task The_report_carries_each_items_service_and_a_section_per_service()
    {
        var outcome = await RunAsync(ScenarioNames.FleetConsoleMissingVars, Phases.PreDeploy);

        var json = JsonNode.Parse(OperatorReport.Json(outcome, "fakes:fleet-console-missing-vars"))!;
        var items = json["items"]!.AsArray();
        items.ShouldAllBe(i => i!["service"] != null && i["checkId"] != null && i["status"] != null);
        items.Single(i => (string)i!["service"]! == "raxx-console" && (string)i["checkId"]! == CheckIds.ProdConfigVarsPresent)!["status"]!
            .GetValue<string>()
            .ShouldBe("fail");

        var markdown = OperatorReport.Markdown(outcome, "fakes:fleet-console-missing-vars");
        markdown.ShouldStartWith("# Raxx deploy checklist: BLOCKED (4 services, 1 item failed)");
        markdown.ShouldContain("| [raxx-console](#raxx-console) | BLOCKED | ");
        foreach (var service in outcome.Services)
        {
            markdown.ShouldContain($"\n## {service} deploy checklist: ");
        }

        var junit = JUnitReport.Build(outcome);
        junit.Descendants("testsuite").Select(s => (string)s.Attribute("name")!).ShouldContain("raxx-console pre-deploy");
        outcome.Lines().ShouldContain($"FAIL  raxx-console/{CheckIds.ProdConfigVarsPresent}");
    }

    public static TheoryData<string, string, string> WrongServices =>
        new()
        {
            {
                """ "raxx-velvet": { "pipeline": "raxx-velvetx", "workflow": ".github/workflows/deploy-velvet.yml" } """,
                "raxx-velvet",
                "raxx-velvet: Heroku has no pipeline raxx-velvetx (services.raxx-velvet.pipeline): check the name (heroku pipelines), or name the apps"
            },
            {
                """ "raxx-velvet": { "pipeline": "raxx-velvet" } """,
                "raxx-velvet",
                "field services.raxx-velvet.github.workflow is missing"
            },
            {
                """ "raxx-velvet": { "pipeline": "raxx-velvet", "workflow": ".github/workflows/deploy-velvet.yml" }, "raxx-velvet": { "pipeline": "raxx-velvet", "workflow": ".github/workflows/deploy-velvet.yml" } """,
                "raxx-velvet",
                "field services.raxx-velvet is given twice; keep one"
            },
        };

    [Theory]
    [MemberData(nameof(WrongServices))]
    public async Task A_wrong_service_fails_alone_in_one_line_and_the_others_run(string velvet, string service, string line)
    {
        var outcome = await PreDeployWithConfigAsync(
            $$"""
            { "github": { "repository": "raxx-app/TradeMasterAPI" },
              "services": {
                "raxx-console": { "pipeline": "raxx-console", "workflow": ".github/workflows/deploy-console.yml" },
                {{velvet}} } }
            """
        );

        var broken = outcome.Results.Where(r => r.Service == service).ToList();
        broken.Count.ShouldBe(Items.Of(Phases.PreDeploy).Count, outcome.Render());
        broken.ShouldAllBe(r => r.Status == CheckStatus.NotChecked && r.Reason!.Contains(line), outcome.Render());
        outcome.Results.Where(r => r.Service == "raxx-console").ShouldAllBe(r => !r.Failed, outcome.Render());
    }

    [Fact]
    public async Task A_workflow_file_that_does_not_exist_fails_the_items_that_read_it_for_that_service_only()
    {
        var outcome = await PreDeployWithConfigAsync(
            """
            { "github": { "repository": "raxx-app/TradeMasterAPI" },
              "services": {
                "raxx-console": { "pipeline": "raxx-console", "workflow": ".github/workflows/deploy-console.yml" },
                "raxx-velvet": { "pipeline": "raxx-velvet", "workflow": ".github/workflows/deploy-velvett.yml",
                                 "health": { "path": "/healthz" } } } }
            """
        );

        outcome
            .Results.Where(r => r.Failed)
            .Select(r => r.Key)
            .Order(StringComparer.Ordinal)
            .ToArray()
            .ShouldBe(["raxx-velvet/deploy-gate-configured", "raxx-velvet/staging-deployed-from-main"], outcome.Render());
        Result(outcome, "raxx-velvet", CheckIds.DeployGateConfigured).Reason!.ShouldContain("404", Case.Sensitive, outcome.Render());
        outcome.Tail().ShouldContain("FAIL  raxx-velvet: ");
    }

    [Fact]
    public async Task A_pipeline_without_a_prod_app_or_with_two_staging_apps_is_named()
    {
        var clear = FleetScenarios.Clear();
        var console = clear.Others[1];
        var velvet = clear.Others[2];
        var scenario = clear with
        {
            Others =
            [
                clear.Others[0],
                // The console's staging app coupled to velvet's pipeline, and velvet's prod to no production stage.
                console with
                {
                    Staging = console.Staging with { Pipeline = "raxx-velvet" },
                },
                velvet with
                {
                    Prod = velvet.Prod with { Stage = "development" },
                },
            ],
        };
        await using var fakes = await PreDeployScenarioTests.WithDatabasesAsync(scenario);
        var outcome = await Checklist.RunAsync(
            Selection.Of(Phases.PreDeploy),
            new Dictionary<string, string>(fakes.Variables) { [Settings.Config] = FleetConfig },
            null
        );

        Reasons(outcome, "raxx-console")
            .ShouldBe(
                [
                    "raxx-console: pipeline raxx-console has no staging app: heroku pipelines:add raxx-console --stage staging --app <app>, or name it (services.raxx-console.apps.staging)",
                ],
                outcome.Render()
            );
        Reasons(outcome, "raxx-velvet")
            .Single()
            .ShouldStartWith("raxx-velvet: pipeline raxx-velvet has ", Case.Sensitive, outcome.Render());
        Reasons(outcome, "raxx-velvet")
            .Single()
            .ShouldBeOneOf(
                "raxx-velvet: pipeline raxx-velvet has 2 apps in staging (raxx-console-staging, raxx-velvet-staging): name the one to check (services.raxx-velvet.apps.staging)",
                "raxx-velvet: pipeline raxx-velvet has no production app: heroku pipelines:add raxx-velvet --stage production --app <app>, or name it (services.raxx-velvet.apps.prod)"
            );
        outcome.Results.Where(r => r.Service is "raxx-api" or "raxx-queue").ShouldAllBe(r => !r.Failed, outcome.Render());
    }

    [Fact]
    public async Task The_operator_selects_services_by_name_and_an_unknown_one_is_a_usage_mistake()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { [Settings.Config] = FleetConfig };
        using (
            var run = Checklist.StartApp(
                ["run", "pre-deploy", "--fakes", ScenarioNames.FleetClear, "--service", "raxx-velvet"],
                environment
            )
        )
        {
            var output = await run.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await run.WaitForExitAsync(TestContext.Current.CancellationToken);
            run.ExitCode.ShouldBe(0, output);
            output.ShouldContain($"pass  {CheckIds.StagingHealthy}");
            output.ShouldNotContain("raxx-api");
        }

        using (
            var run = Checklist.StartApp(["run", "pre-deploy", "--fakes", ScenarioNames.FleetClear, "--service", "raxx-apx"], environment)
        )
        {
            var error = await run.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await run.WaitForExitAsync(TestContext.Current.CancellationToken);
            run.ExitCode.ShouldBe(2);
            error.ShouldStartWith(
                "run-preflight: no service is named 'raxx-apx'; the config describes raxx-api, raxx-console, raxx-queue, raxx-velvet"
            );
        }

        using (var run = Checklist.StartApp(["run", "services", "--json"], environment))
        {
            var output = await run.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await run.WaitForExitAsync(TestContext.Current.CancellationToken);
            output.Trim().ShouldBe("""["raxx-api","raxx-console","raxx-queue","raxx-velvet"]""");
        }
    }

    [Fact]
    public async Task A_relative_config_path_is_read_from_where_the_operator_ran_the_checklist()
    {
        // xunit makes the checks' folder the current directory before it finds the items: a path relative to the
        // operator's directory once gave every item "names no service".
        using var run = Checklist.StartApp(
            ["run", "pre-deploy", "--fakes", ScenarioNames.FleetClear, "--check", CheckIds.StagingHealthy],
            new Dictionary<string, string>(StringComparer.Ordinal) { [Settings.Config] = Path.Combine(".config", "fleet.json") },
            workingDirectory: Repo.Root
        );
        var output = run.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = run.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await run.WaitForExitAsync(TestContext.Current.CancellationToken);

        run.ExitCode.ShouldBe(0, await output + await error);
        foreach (var service in new[] { "raxx-api", "raxx-console", "raxx-queue", "raxx-velvet" })
        {
            (await output).ShouldContain($"pass  {service}/{CheckIds.StagingHealthy}");
        }
    }

    [Fact]
    public async Task Describe_prints_what_was_found_as_config_the_loader_reads_back()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { [Settings.Config] = FleetConfig };
        using var run = Checklist.StartApp(["run", "describe", "--fakes", ScenarioNames.FleetClear], environment);
        var output = await run.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await run.WaitForExitAsync(TestContext.Current.CancellationToken);

        run.ExitCode.ShouldBe(0, output);
        output.ShouldContain("// raxx-api: apps.prod = raxx-api-prod (found: pipeline raxx-api's production stage)");
        output.ShouldContain("// raxx-velvet: stripe = (none) (found: raxx-velvet-staging sets no Stripe key)");
        var description = RaxxPreflight.Configuration.PreflightConfigLoader.ParseDescription(output, "describe", Items.Catalog);
        description.Services.ShouldAllBe(s => s.Error == null);
        var api = description.Find("raxx-api")!.Config;
        (api.Staging.App, api.Prod.App).ShouldBe(("raxx-api-staging", "raxx-api-prod"));
        // WEBAUTHN_RP_ID is staging's own host (staging.raxx.app): prod's passkeys must be bound to prod's.
        api.ConfigVars.MustDiffer.ShouldBe(["DATABASE_URL", "QUEUE_BASE_URL", "SECRET_KEY", "WEBAUTHN_RP_ID"]);
        foreach (var secret in FleetScenarios.Clear().SecretValues)
        {
            output.ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task A_run_near_the_accounts_hourly_limit_stops_asking_heroku_and_says_so()
    {
        // 206 requests left, a floor of 200: the account's pipelines, couplings and apps (3 requests, for every service)
        // and the services' staging vars (4) take it to 199; then nothing more is asked, and the items whose reads were
        // refused are not checked, saying why; none passes on what it did not read.
        var scenario = FleetScenarios.Clear() with
        {
            HerokuRateRemaining = 206,
        };
        await using var fakes = await PreDeployScenarioTests.WithDatabasesAsync(scenario);
        var outcome = await Checklist.RunAsync(
            Selection.Of(Phases.PreDeploy),
            new Dictionary<string, string>(fakes.Variables) { [Settings.Config] = FleetConfig },
            null
        );

        var refused = outcome.Results.Where(r => r.Status == CheckStatus.NotChecked).ToList();
        refused.ShouldNotBeEmpty(outcome.Render());
        refused.ShouldAllBe(
            r => r.Reason!.Contains("requests left this hour (RateLimit-Remaining), under the floor of 200"),
            outcome.Render()
        );
        outcome.Results.Where(r => r.Failed).ShouldAllBe(r => r.Status == CheckStatus.NotChecked, outcome.Render());
        // What is asked and not yet answered counts against the floor: 3 lists, then 4 more reach 199, never more.
        fakes.Heroku.Requests.Count.ShouldBeLessThanOrEqualTo(206 - 199, outcome.Render());
        // 1, or 2 when the floor was met before any service was found (its discovery reads staging's vars): nothing checked.
        outcome.RunExitCode.ShouldBeOneOf(1, 2);
    }

    // The pre-deploy phase on fleet-clear, described by a config of the test's own (written, run, deleted).
    private static async Task<ChecklistOutcome> PreDeployWithConfigAsync(string json)
    {
        var config = Configs.Write(json);
        try
        {
            return await Checklist.RunAsync(
                Selection.Of(Phases.PreDeploy),
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [Settings.Target] = $"fakes:{ScenarioNames.FleetClear}",
                    [Settings.Config] = config,
                },
                null
            );
        }
        finally
        {
            File.Delete(config);
        }
    }

    private static Task<ChecklistOutcome> RunAsync(string scenario, string phase = "") =>
        Checklist.RunAsync(
            phase.Length == 0 ? Selection.Of(Phases.PreDeploy, Phases.PostDeploy) : Selection.Of(phase),
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [Settings.Target] = $"fakes:{scenario}",
                [Settings.Config] = FleetConfig,
                [Settings.SettleTimeout] = "2",
                [Settings.PollInterval] = "0.25",
            },
            null
        );

    private static CheckResult Result(ChecklistOutcome outcome, string service, string checkId) =>
        outcome.Results.Single(r => r.Service == service && r.CheckId == checkId);

    private static List<string> NotApplicable(ChecklistOutcome outcome, string service) =>
        [
            .. outcome
                .Results.Where(r => r.Service == service && r.Status == CheckStatus.NotApplicable)
                .Select(r => r.CheckId)
                .Order(StringComparer.Ordinal),
        ];

    private static List<string> Reasons(ChecklistOutcome outcome, string service) =>
        [.. outcome.Results.Where(r => r.Service == service).Select(r => r.Reason ?? string.Empty).Distinct(StringComparer.Ordinal)];
}
