using System.Text.Json.Nodes;
using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>Health answers read by meaning through the real probe, and the schema after the release, against the fakes.</summary>
public class HealthScenarioTests
{
    private static readonly Selection StagingHealth = new([Phases.PreDeploy], [CheckIds.StagingHealthy]);

    public static TheoryData<string, int, string, string, string, string> StagingAnswers =>
        new()
        {
            {
                "a Cloudflare block page",
                403,
                "text/html; charset=UTF-8",
                "<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>Sorry, you have been blocked</body></html>",
                "cf-ray=8f1c2d3e4a5b6c7d-IAD;Server=cloudflare",
                "a Cloudflare block page (HTTP 403, cf-ray 8f1c2d3e4a5b6c7d-IAD)"
            },
            {
                "a single-page app's index.html",
                200,
                "text/html",
                "<!doctype html><html><head><title>Raxx</title></head><body><div id=\"root\"></div></body></html>",
                "",
                "an HTML page (HTTP 200), not a health answer"
            },
            { "an empty body", 200, "application/json", "", "", "an empty body" },
            {
                "a redirect elsewhere",
                302,
                "text/html",
                "",
                "Location=https://www.raxx.app/health",
                "a redirect (HTTP 302) to https://www.raxx.app/health: not followed"
            },
            {
                "a body that says down",
                200,
                "application/health+json",
                """{"status":"fail","checks":{"postgres:connections":[{"status":"fail"}]}}""",
                "",
                "answered HTTP 200, status \"fail\", failing: postgres:connections (fail)"
            },
            {
                "checks that failed, at 200 (spatie/laravel-health)",
                200,
                "application/json",
                """{"finishedAt":1765015200,"checkResults":[{"name":"Database","label":"Database","notificationMessage":"Could not connect to the database","shortSummary":"Failed","status":"failed","meta":[]}]}""",
                "",
                "answered HTTP 200, failing: Database (failed)"
            },
        };

    [Theory]
    [MemberData(nameof(StagingAnswers))]
    public async Task What_staging_answers_fails_named_for_what_it_is(
        string what,
        int status,
        string contentType,
        string body,
        string headers,
        string named
    )
    {
        var ready = SeedScenarios.Ready();
        var router = new RouterState(status, contentType, body)
        {
            Headers =
            [
                .. headers
                    .Split(';', StringSplitOptions.RemoveEmptyEntries)
                    .Select(h => new KeyValuePair<string, string>(
                        h[..h.IndexOf('=', StringComparison.Ordinal)],
                        h[(h.IndexOf('=', StringComparison.Ordinal) + 1)..]
                    )),
            ],
        };
        using var fakes = FakeWorld.Start(ready with { Staging = ready.Staging with { Router = router } });

        var outcome = await Checklist.RunAsync(StagingHealth, fakes.Variables, null);

        outcome.FailedIds.ShouldBe([CheckIds.StagingHealthy], what);
        outcome.Results.Single().Reason!.ShouldContain(named, Case.Sensitive, outcome.Render());
    }

    [Fact]
    public async Task A_degraded_staging_warns_naming_the_part_that_is_not_well()
    {
        var ready = SeedScenarios.Ready();
        var router = new RouterState(
            200,
            "application/json",
            """{"service":"raxx-queue","status":"Degraded","totalDuration":"00:00:00.01","entries":{"redis":{"status":"Degraded"},"npgsql":{"status":"Healthy"}}}"""
        );
        using var fakes = FakeWorld.Start(ready with { Staging = ready.Staging with { Router = router } });

        var outcome = await Checklist.RunAsync(StagingHealth, fakes.Variables, null);

        outcome.FailedIds.ShouldBeEmpty(outcome.Render());
        var item = outcome.Results.Single();
        item.Status.ShouldBe(CheckStatus.Warn, outcome.Render());
        item.Found.ShouldContain(f => f.Contains("not passing: redis (Degraded)", StringComparison.Ordinal), outcome.Render());
    }

    [Fact]
    public async Task Behind_Cloudflare_Access_the_probe_names_the_login_and_passes_with_a_service_token_it_never_prints()
    {
        var failed = await Checklist.RunFakesAsync(Phases.PreDeploy, ScenarioNames.HealthBehindAccess, checkIds: [CheckIds.StagingHealthy]);
        failed.FailedIds.ShouldBe([CheckIds.StagingHealthy], failed.Render());
        var item = failed.Results.Single();
        item.Reason!.ShouldContain(
            "a redirect (HTTP 302) to a Cloudflare Access login (https://raxx.cloudflareaccess.com/cdn-cgi/access/login/"
        );
        item.Fixes.ShouldContain(f => f.Contains("CF-Access-Client-Id", StringComparison.Ordinal));

        // The same world, the probe sending the service token from the environment.
        var config = JsonNode.Parse(
            await File.ReadAllTextAsync(Path.Combine(Repo.Root, ".config", "preflight.json"), TestContext.Current.CancellationToken)
        )!;
        config["health"]!["headers"] = new JsonObject
        {
            ["CF-Access-Client-Id"] = "CF_ACCESS_CLIENT_ID",
            ["CF-Access-Client-Secret"] = "CF_ACCESS_CLIENT_SECRET",
        };
        var file = Path.Combine(Path.GetTempPath(), $"preflight-access-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, config.ToJsonString(), TestContext.Current.CancellationToken);
        try
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [Settings.Target] = $"fakes:{ScenarioNames.HealthBehindAccess}",
                [Settings.Config] = file,
                ["CF_ACCESS_CLIENT_ID"] = HealthScenarios.AccessToken["CF-Access-Client-Id"],
            };

            // One variable missing: the probe is not sent half-authenticated; the line names the variable.
            var unset = await Checklist.RunAsync(StagingHealth, environment, null);
            unset.FailedIds.ShouldBe([CheckIds.StagingHealthy], unset.Render());
            unset.Results.Single().Reason!.ShouldContain("CF_ACCESS_CLIENT_SECRET, which is not set");

            environment["CF_ACCESS_CLIENT_SECRET"] = HealthScenarios.AccessToken["CF-Access-Client-Secret"];
            var passed = await Checklist.RunAsync(StagingHealth, environment, null);
            passed.FailedIds.ShouldBeEmpty(passed.Render());
            passed.Render().ShouldNotContain(HealthScenarios.AccessToken["CF-Access-Client-Secret"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_degraded_prod_passes_post_deploy_with_a_warning()
    {
        var outcome = await Checklist.RunFakesAsync(Phases.PostDeploy, ScenarioNames.DeployedDegraded, checkIds: [CheckIds.ProdHealthy]);

        outcome.FailedIds.ShouldBeEmpty(outcome.Render());
        var item = outcome.Results.Single();
        item.Status.ShouldBe(CheckStatus.Warn, outcome.Render());
        item.Reason!.ShouldContain("is up but degraded");
        item.Found.ShouldContain(f => f.Contains("not passing: redis (DOWN)", StringComparison.Ordinal), outcome.Render());
    }

    [Fact]
    public async Task A_release_that_migrated_nothing_fails_post_deploy_by_name_and_only_warns_pre_deploy()
    {
        await using var fakes = await PreDeployScenarioTests.WithDatabasesAsync(HealthScenarios.DeployedNotMigrated());

        var after = await Checklist.RunAsync(
            new Selection([Phases.PostDeploy], [CheckIds.ProdSchemaMigrated, CheckIds.ProdHealthy]),
            fakes.Variables,
            null
        );
        after.FailedIds.ShouldBe([CheckIds.ProdSchemaMigrated], after.Render());
        after
            .Results.Single(r => r.CheckId == CheckIds.ProdSchemaMigrated)
            .Reason.ShouldBe(
                "prod lacks billing_customers, billing_events that staging has: the release phase did not run or migrated nothing"
            );

        var before = await Checklist.RunAsync(new Selection([Phases.PreDeploy], [CheckIds.PostgresSchemaParity]), fakes.Variables, null);
        before.FailedIds.ShouldBeEmpty(before.Render());
        before.Results.Single().Status.ShouldBe(CheckStatus.Warn);
    }
}
