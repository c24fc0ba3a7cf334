using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Heroku;
using RaxxPreflight.Rules;
using RaxxPreflight.Rules.Logs;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Checks.PostDeploy;

/// <summary>
/// A dyno can be up and still failing: the web process's log since the release must show no failure, read as an
/// operator reads it (levels, the platform's signals, how runtimes die), the previous release's shutdown set aside.
/// </summary>
public sealed class ProdStartupLogsCleanCheck(PreflightSession session)
{
    [Item(
        CheckIds.ProdStartupLogsClean,
        Phase.PostDeploy,
        "Prod's web process logged no failure since the release",
        Sources = Source.Heroku | Source.Logs,
        FirstReads = [FirstRead.ConfigVars]
    )]
    public Task Prod_startup_log_is_clean() => Item.RunAsync(session, RunAsync);

    private async Task RunAsync()
    {
        var world = session.World;
        var prod = world.Config.Prod.App;
        var post = world.Config.PostDeploy;
        var type = post.ProcessType;

        // Log lines are the app's own words and may hold a secret: know every config var value before quoting any.
        await world.ConfigVarsAsync();

        (HerokuRelease? Deploy, StartupLogJudgement? Log) Read(IReadOnlyList<HerokuRelease> releases, IReadOnlyList<string> log) =>
            Deploy(releases) is { } deploy ? (deploy, StartupLogRule.Judge(log, deploy.CreatedAt, type, post.Logs)) : (null, null);

        var result = await world.Poller.UntilAsync(
            async ct => Read(await world.ProdReleases.GetAsync(), await world.ReadProdLogAsync(ct)),
            seen =>
            {
                lastLook = seen.Log;
                return StartupLogRule.Settle(seen.Deploy?.Version, seen.Log, type, world.Redactor.Scrub);
            },
            seen => StartupLogRule.Describe(seen.Deploy?.Version, seen.Log, type),
            Settled.Progress,
            TestContext.Current.CancellationToken
        );

        var fixes = new[] { FixCommands.RecentLogs(prod, type), FixCommands.Ps(prod), FixCommands.ReleasesThenRollback(prod) };
        Settled.ShouldHold(result, (Stages.Prod, "startup log"), $"prod's startup log ({prod})", fixes);

        // Held: the web process is clean. What other process types logged is out of scope, but an operator should know.
        if (lastLook is { OtherProcesses.Count: > 0 } judged)
        {
            Verdict.Warn(
                $"prod's {type} process logged no failure since the release, but other process types did ({judged.OtherProcesses.Count}): not this item's to fail",
                [.. judged.OtherProcesses.Select(f => world.Redactor.Scrub(f.ToString())), .. judged.SetAside],
                [FixCommands.RecentLogs(prod), FixCommands.Ps(prod)]
            );
        }
        else if (lastLook is { SetAside.Count: > 0 } aside)
        {
            Verdict.Pass($"{result.Verdict}; set aside: {string.Join("; ", aside.SetAside)}");
        }
    }

    // The judgement of the wait's last look: what the item says once the web process held.
    private StartupLogJudgement? lastLook;

    private static HerokuRelease? Deploy(IReadOnlyList<HerokuRelease> releases) =>
        ReleaseImage.Current(releases) is { } current && ReleaseImage.BuildOf(current) is not null ? current : null;
}
