using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>The real pre-deploy facts, run in their own process against each scenario.</summary>
public class PreDeployScenarioTests
{
    internal static readonly string[] AllPreDeploy = [.. Items.Of(Phases.PreDeploy).Order(StringComparer.Ordinal)];

    internal static readonly string[] SeedMissingVars =
    [
        "FLAG_QUEUE_BILLING",
        "QUEUE_SERVICE_TOKEN_CONSOLE",
        "QUEUE_SERVICE_TOKEN_CRON",
        "QUEUE_SERVICE_TOKEN_RAPTOR",
        "RAPTOR_BASE_URL",
        "STRIPE_API_KEY",
        "STRIPE_PUBLISHABLE_KEY",
        "STRIPE_RESTRICTED_KEY",
        "STRIPE_WEBHOOK_SECRET",
    ];

    [Fact]
    public async Task Blocked_fails_exactly_the_seeds_blockers_and_warns_of_the_gate_and_the_shared_dsn()
    {
        var outcome = await Checklist.RunFakesAsync(Phases.PreDeploy, ScenarioNames.Blocked);

        outcome.Results.Select(r => r.CheckId).Order(StringComparer.Ordinal).ShouldBe(AllPreDeploy);
        outcome.FailedIds.ShouldBe([CheckIds.ProdConfigVarsPresent, CheckIds.StripeKeyVerified, CheckIds.StripeKeysLive]);
        outcome.WarnedIds.ShouldBe([CheckIds.DeployGateConfigured, CheckIds.SentryDsnPerEnvironment]);
        outcome.Passed.ShouldBeFalse();
        outcome.ExitCode.ShouldNotBe(0);

        var present = outcome.Results.Single(r => r.CheckId == CheckIds.ProdConfigVarsPresent);
        present.Reason.ShouldBe($"prod (raxx-queue-prod) lacks 9 config vars: {string.Join(", ", SeedMissingVars)}");
        foreach (var name in SeedMissingVars)
        {
            present.Details.ShouldContain(line =>
                line.Trim().StartsWith($"heroku config:set {name}=<", StringComparison.Ordinal)
                && line.TrimEnd().EndsWith("--app raxx-queue-prod", StringComparison.Ordinal)
            );
        }

        outcome
            .Results.Single(r => r.CheckId == CheckIds.DeployGateConfigured)
            .Reason.ShouldBe("only the workflow's confirm gate guards prod: the production environment has no protection rules");
        outcome
            .Results.Single(r => r.CheckId == CheckIds.StripeKeyVerified)
            .Reason.ShouldBe("prod has no STRIPE_API_KEY to verify with Stripe");
    }

    [Fact]
    public async Task A_deploy_on_push_with_no_environment_fails_the_gate_though_production_has_reviewers()
    {
        var outcome = await Checklist.RunFakesAsync(
            Phases.PreDeploy,
            ScenarioNames.ProdDeployedOnPush,
            checkIds: [CheckIds.DeployGateConfigured]
        );

        var gate = outcome.Results.ShouldHaveSingleItem();
        gate.Status.ShouldBe(CheckStatus.Fail);
        gate.Reason.ShouldBe("a push (to main) runs deploy-prod, which has no environment and tests no phrase");
        gate.Fixes.ShouldContain(
            "add 'environment: production' to job deploy-prod in .github/workflows/deploy-queue.yml, so that its reviewers stand before it"
        );
    }

    [Fact]
    public async Task Ready_passes_every_item_without_a_warning()
    {
        var outcome = await Checklist.RunFakesAsync(Phases.PreDeploy, ScenarioNames.Ready);

        outcome.Results.Select(r => r.CheckId).Order(StringComparer.Ordinal).ShouldBe(AllPreDeploy);
        outcome.FailedIds.ShouldBeEmpty(outcome.Render());
        outcome.WarnedIds.ShouldBeEmpty();
        outcome.Passed.ShouldBeTrue();
        outcome.ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Without_a_target_every_item_fails_saying_what_to_set()
    {
        var outcome = await Checklist.RunAsync(Phases.PreDeploy, new Dictionary<string, string>());

        outcome.FailedIds.ShouldBe(AllPreDeploy);
        outcome.Results.ShouldAllBe(r =>
            r.Reason!.StartsWith("PREFLIGHT_TARGET is not set, so nothing was checked: set PREFLIGHT_TARGET=live", StringComparison.Ordinal)
        );
        outcome.Results.ShouldAllBe(r => r.Status == CheckStatus.NotChecked);
        outcome.RunExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task A_live_run_without_credentials_fails_every_item_naming_them()
    {
        var outcome = await Checklist.RunAsync(
            "PreDeploy",
            new Dictionary<string, string> { [Settings.Target] = "live", [Settings.HerokuApiKey] = "x" }
        );

        outcome.FailedIds.ShouldBe(AllPreDeploy);
        outcome.Results.ShouldAllBe(r => r.Reason!.StartsWith("PREFLIGHT_TARGET=live but GITHUB_TOKEN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_config_fails_every_item_naming_the_field()
    {
        var path = Path.Combine(Path.GetTempPath(), $"preflight-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(
            path,
            Configuration.PreflightConfigLoaderTests.WithField("health.service", "\"\""),
            TestContext.Current.CancellationToken
        );
        try
        {
            var outcome = await Checklist.RunAsync(
                "PreDeploy",
                new Dictionary<string, string> { [Settings.Target] = "fakes:ready", [Settings.Config] = path }
            );

            outcome.FailedIds.ShouldBe(AllPreDeploy);
            outcome.Results.ShouldAllBe(r => r.Reason == $"config {path}: field health.service must be a non-empty string, found \"\"");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_phase_that_matches_nothing_is_not_a_pass()
    {
        var outcome = await Checklist.RunFakesAsync("PreDeplyo", "ready");

        outcome.Results.ShouldBeEmpty();
        outcome.Passed.ShouldBeFalse();
        outcome.Render().ShouldStartWith("FAIL  no checklist item ran");
    }

    [Fact]
    public async Task A_live_run_against_the_fakes_reads_each_resource_once_and_writes_nothing()
    {
        await using var fakes = await WithDatabasesAsync(SeedScenarios.Blocked());

        var outcome = await Checklist.RunAsync(Phases.PreDeploy, fakes.Variables);

        outcome.FailedIds.ShouldBe([CheckIds.ProdConfigVarsPresent, CheckIds.StripeKeyVerified, CheckIds.StripeKeysLive], outcome.Render());
        var requests = fakes
            .Heroku.Requests.Concat(fakes.GitHub.Requests)
            .Concat(fakes.Stripe.Requests)
            .Concat(fakes.StagingRouter.Requests)
            .Concat(fakes.ProdRouter.Requests)
            .ToList();
        requests.ShouldAllBe(r => r.Method == "GET");
        requests.GroupBy(r => r.Url).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        requests
            .Select(r => r.AbsolutePath)
            .ShouldBe(
                [
                    "/apps/raxx-queue-prod/addons",
                    "/apps/raxx-queue-prod/addon-attachments",
                    "/apps/raxx-queue-prod/config-vars",
                    "/apps/raxx-queue-staging",
                    "/apps/raxx-queue-staging/addons",
                    "/apps/raxx-queue-staging/addon-attachments",
                    "/apps/raxx-queue-staging/config-vars",
                    "/repos/raxx-app/TradeMasterAPI/actions/workflows/deploy-queue.yml/runs",
                    "/repos/raxx-app/TradeMasterAPI/commits/main",
                    "/repos/raxx-app/TradeMasterAPI/contents/.github/workflows/deploy-queue.yml",
                    "/repos/raxx-app/TradeMasterAPI/environments/production",
                    "/health",
                ],
                ignoreOrder: true
            );
    }

    [Fact]
    public async Task A_rejected_github_token_fails_only_the_items_that_read_github()
    {
        await using var fakes = await WithDatabasesAsync(SeedScenarios.Ready());
        var environment = new Dictionary<string, string>(fakes.Variables) { [Settings.GitHubToken] = "ghp_revoked" };

        var outcome = await Checklist.RunAsync(Phases.PreDeploy, environment);

        outcome.FailedIds.ShouldBe([CheckIds.DeployGateConfigured, CheckIds.StagingDeployedFromMain], outcome.Render());
        outcome
            .Results.Single(r => r.CheckId == CheckIds.StagingDeployedFromMain)
            .Reason.ShouldBe(
                "GitHub API answered 401 to GET repos/raxx-app/TradeMasterAPI/actions/workflows/deploy-queue.yml/runs?branch=main&status=success (\"Bad credentials\"): the token in GITHUB_TOKEN was rejected: set a valid one (gh auth token)"
            );
    }

    [Theory]
    [InlineData(ScenarioNames.Blocked)]
    [InlineData(ScenarioNames.Ready)]
    public async Task No_output_of_a_full_run_holds_a_secret_value(string scenario)
    {
        await using var fakes = await WithDatabasesAsync(ScenarioCatalog.Get(scenario));
        var secrets = fakes.Scenario.SecretValues.Append(fakes.HerokuApiKey).Append(fakes.GitHubToken).ToList();

        var live = await Checklist.RunAsync(Phases.PreDeploy, fakes.Variables);
        var inProcess = await Checklist.RunFakesAsync(Phases.PreDeploy, scenario);

        secrets.Count.ShouldBeGreaterThan(4);
        foreach (var outcome in new[] { live, inProcess })
        {
            var everything = string.Join(
                "\n",
                outcome.Output,
                outcome.ReportXml,
                outcome.Render(),
                OperatorReport.Markdown(outcome, scenario),
                OperatorReport.Json(outcome, scenario),
                JUnitReport.Build(outcome).ToString(),
                string.Join("\n", GitHubActionsReport.Annotations(outcome))
            );
            foreach (var secret in secrets)
            {
                everything
                    .Contains(secret, StringComparison.Ordinal)
                    .ShouldBeFalse(
                        $"a secret of {scenario} ({secret.Length} characters, {RaxxPreflight.Secrets.SecretMask.Mask(secret)}) was printed"
                    );
            }
        }
    }

    /// <summary>The fakes of <paramref name="scenario"/> in this process, their databases on the shared server.</summary>
    internal static async Task<FakeWorld> WithDatabasesAsync(Scenario scenario)
    {
        var fakes = await FakeWorld.StartAsync(scenario, SharedPostgres.Options, cancellationToken: TestContext.Current.CancellationToken);
        (await fakes.DatabasesReadyAsync(TestContext.Current.CancellationToken)).ShouldBeNull();
        return fakes;
    }
}
