using System.Text.RegularExpressions;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>The real post-deploy facts, run in their own process against each scenario, with a short settle timeout.</summary>
public partial class PostDeployScenarioTests
{
    private static readonly string[] AllPostDeploy = [.. Items.Of(Phases.PostDeploy).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Deployed_passes_every_item_of_both_phases()
    {
        var post = await Checklist.RunFakesAsync(Phases.PostDeploy, ScenarioNames.Deployed);
        var pre = await Checklist.RunFakesAsync(Phases.PreDeploy, ScenarioNames.Deployed);

        post.Results.Select(r => r.CheckId).Order(StringComparer.Ordinal).ShouldBe(AllPostDeploy);
        post.FailedIds.ShouldBeEmpty(post.Render());
        post.Passed.ShouldBeTrue();
        pre.FailedIds.ShouldBeEmpty(pre.Render());
        pre.WarnedIds.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(ScenarioNames.Blocked)]
    [InlineData(ScenarioNames.Ready)]
    public async Task Before_the_deploy_every_post_deploy_item_fails(string scenario)
    {
        var outcome = await Checklist.RunFakesAsync(Phases.PostDeploy, scenario, settleSeconds: 1);

        // What deploying changes is not there yet; the schema is (prod's already equals staging's), and holds.
        outcome.FailedIds.ShouldBe([.. AllPostDeploy.Where(id => id != CheckIds.ProdSchemaMigrated)], outcome.Render());
        outcome.Results.Single(r => r.CheckId == CheckIds.ProdSchemaMigrated).Status.ShouldBe(CheckStatus.Pass, outcome.Render());
        outcome
            .Results.Single(r => r.CheckId == CheckIds.ProdReleaseDeployed)
            .Reason.ShouldBe(
                "prod's release (raxx-queue-prod) did not settle within 1s: raxx-queue-prod has never had a build released: its 5 releases only set config vars"
            );
        outcome
            .Results.Single(r => r.CheckId == CheckIds.ProdFormationSet)
            .Reason.ShouldBe("prod's formation is not set: prod has no web process in its formation (found no formation at all)");
        outcome
            .Results.Single(r => r.CheckId == CheckIds.ProdFormationSet)
            .Details.ShouldContain(d => d.Trim() == "heroku ps:scale web=1:Standard-1X --app raxx-queue-prod");
        outcome
            .Results.Single(r => r.CheckId == CheckIds.ProdDynosUp)
            .Details.ShouldContain(d => d.Trim().StartsWith("attempts: no web dyno (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crashing_fails_fast_naming_the_crash_and_quoting_the_error_with_its_secret_masked()
    {
        var outcome = await Checklist.RunFakesAsync(Phases.PostDeploy, ScenarioNames.DeployedCrashing, settleSeconds: 60);

        outcome.FailedIds.ShouldBe([CheckIds.ProdDynosUp, CheckIds.ProdHealthy, CheckIds.ProdStartupLogsClean]);
        var dynos = outcome.Results.Single(r => r.CheckId == CheckIds.ProdDynosUp);
        dynos.Reason.ShouldBe("prod's web dynos (raxx-queue-prod) settled wrong: web.1 crashed");

        // Settled wrong on its first look: one attempt each, not a wait of the 60s timeout.
        foreach (var id in outcome.FailedIds)
        {
            var attempts = outcome
                .Results.Single(r => r.CheckId == id)
                .Details.Single(d => d.Trim().StartsWith("attempts: ", StringComparison.Ordinal));
            attempts.ShouldNotContain(" -> ");
        }

        outcome
            .Results.Single(r => r.CheckId == CheckIds.ProdHealthy)
            .Reason.ShouldEndWith("web.1 crashed, so it will not recover by waiting");
        var logs = outcome.Results.Single(r => r.CheckId == CheckIds.ProdStartupLogsClean).Reason!;
        // The app's ERROR line and the platform's own signals, each a failure of its class.
        logs.ShouldContain("3 failures in the web log since v6: ");
        logs.ShouldContain("ERROR-level line: app[web.1]: ERROR raptor handshake refused: Authorization: Bearer ****");
        logs.ShouldContain("exit status 1: heroku[web.1]: Process exited with status 1");
        logs.ShouldContain("crashed: heroku[web.1]: State changed from starting to crashed");
        logs.ShouldNotContain("aborted attempt");
        var token = SeedScenarios.Ready().Prod.ConfigVars["QUEUE_SERVICE_TOKEN_RAPTOR"]!;
        string.Join("\n", outcome.Output, outcome.ReportXml, outcome.Render()).ShouldNotContain(token);
    }

    [Fact]
    public async Task The_wrong_image_fails_only_the_release_item_as_settled_wrong()
    {
        var outcome = await Checklist.RunFakesAsync(Phases.PostDeploy, ScenarioNames.DeployedWrongImage, settleSeconds: 60);

        outcome.FailedIds.ShouldBe([CheckIds.ProdReleaseDeployed]);
        outcome
            .Results.Single(r => r.CheckId == CheckIds.ProdReleaseDeployed)
            .Reason.ShouldBe(
                "prod's release (raxx-queue-prod) settled wrong: v6 runs image 9b1f0c3d7a2e, but staging's newest deploy is 142013fe2b5c: the image was rebuilt, not promoted"
            );
    }

    [Fact]
    public async Task Settling_passes_on_the_first_look_after_coming_up_and_shows_the_wait()
    {
        // The scenario moves on by the checklist's own looks (each resource stays booting for its first
        // SettlingLooks reads), never by the clock: a loaded machine sees the same states in the same order.
        var events = new List<RunEvent>();
        var outcome = await Checklist.RunFakesAsync(
            "PostDeploy",
            "settling",
            settleSeconds: 60,
            intervalSeconds: 0.25,
            onEvent: events.Add
        );

        outcome.FailedIds.ShouldBeEmpty(outcome.Render());

        // While it waited, the runner was told what prod-healthy waited for, look by look, before it was told the end.
        var healthEvents = events.Where(e => e.CheckId == CheckIds.ProdHealthy).ToList();
        healthEvents
            .Select(e => e.Kind)
            .ShouldBe([RunEvent.Started, .. Enumerable.Repeat(RunEvent.Waiting, ScenarioCatalog.SettlingLooks), RunEvent.Finished]);
        healthEvents[1]
            .Problem.ShouldBe(
                "https://raxx-queue-prod-327fa047b4b6.herokuapp.com/health answered Heroku's Application Error page (HTTP 503): no web dyno answered (crashed, booting, or none running)"
            );
        healthEvents[1].Timeout.ShouldBe(60);

        // And the live view prints the wait before the item's line.
        using var printed = new StringWriter();
        var progress = new Progress(printed, terminal: false, new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        events.ForEach(progress.On);
        var lines = printed.ToString().Split(Environment.NewLine);
        var waited = Array.FindIndex(
            lines,
            l =>
                l.StartsWith(
                    "waiting: prod-healthy https://raxx-queue-prod-327fa047b4b6.herokuapp.com/health answered Heroku's Application Error page (HTTP 503)",
                    StringComparison.Ordinal
                )
        );
        var held = Array.FindIndex(lines, l => l.StartsWith("pass  prod-healthy ", StringComparison.Ordinal));
        waited.ShouldBeGreaterThanOrEqualTo(0, printed.ToString());
        held.ShouldBeGreaterThan(waited, printed.ToString());

        // Prod's health is watched by prod-healthy alone, so its record is exact: every booting look, then the
        // first good one, and no look after it.
        var health = outcome.Results.Single(r => r.CheckId == CheckIds.ProdHealthy).Reason!;
        health.ShouldStartWith($"prod's health (raxx-queue-prod): held after {ScenarioCatalog.SettlingLooks + 1} attempts: ");
        var looks = Observations(health);
        looks.Count.ShouldBe(ScenarioCatalog.SettlingLooks + 1, health);
        looks.SkipLast(1).ShouldAllBe(l => l.StartsWith("HTTP 503", StringComparison.Ordinal), health);
        looks[^1].ShouldBe("HTTP 200, status \"ok\", service \"raxx-queue\", version \"0.1.0\"");

        // Prod's dynos are read by prod-healthy too, so how many booting looks fall to prod-dynos-up depends on
        // which item looked first; that it held on an up dyno does not.
        var dynos = outcome.Results.Single(r => r.CheckId == CheckIds.ProdDynosUp).Reason!;
        dynos.ShouldStartWith("prod's web dynos (raxx-queue-prod): held after ");
        Observations(dynos)[^1].ShouldBe("web.1: up");
    }

    // "held after 3 attempts: HTTP 503 (0s) -> HTTP 200 ... (0.5s)" -> ["HTTP 503", "HTTP 200 ..."].
    private static List<string> Observations(string record) =>
        [
            .. record[(record.IndexOf(": ", record.IndexOf("attempt", StringComparison.Ordinal), StringComparison.Ordinal) + 2)..]
                .Split(" -> ")
                .Select(a => AttemptTime().Replace(a, string.Empty)),
        ];

    [GeneratedRegex(@" \(\d+(?:\.\d+)?s\)$")]
    private static partial Regex AttemptTime();
}
