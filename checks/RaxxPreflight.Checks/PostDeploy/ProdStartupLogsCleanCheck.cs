using RaxxPreflight.Checks.Session;
using RaxxPreflight.Heroku;
using RaxxPreflight.Rules;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Checks.PostDeploy;

/// <summary>A dyno can be up and still failing: its startup log since the release must hold no ERROR-level line.</summary>
[PostDeploy]
public sealed class ProdStartupLogsCleanCheck(PreflightSession session)
{
    [Fact(DisplayName = "Prod's web dynos logged no ERROR-level line since the release")]
    [Check(CheckIds.ProdStartupLogsClean)]
    public Task Prod_startup_log_is_clean() => Item.RunAsync(session, RunAsync);

    private async Task RunAsync()
    {
        var world = session.World;
        var prod = world.Config.Prod.App;
        var type = world.Config.PostDeploy.ProcessType;

        // Log lines are the app's own words and may hold a secret: know every config var value before quoting any.
        await world.ConfigVarsAsync();

        var result = await world.Poller.UntilAsync(
            async ct => (Releases: await world.ProdReleases.GetAsync(), Log: await world.ReadProdLogAsync(ct)),
            seen => Judge(Deploy(seen.Releases), seen.Log, type, world.Redactor),
            seen => Describe(Deploy(seen.Releases), seen.Log, type),
            Settled.Progress,
            TestContext.Current.CancellationToken
        );

        Settled.ShouldHold(
            result,
            (Environments.Prod, "startup log"),
            $"prod's startup log ({prod})",
            [$"heroku logs --app {prod} --dyno {type} -n 200", $"heroku releases --app {prod}"]
        );
    }

    private static HerokuRelease? Deploy(IReadOnlyList<HerokuRelease> releases) =>
        ReleaseImage.Current(releases) is { } current && ReleaseImage.Of(current) is not null ? current : null;

    private static Judgement Judge(HerokuRelease? deploy, IReadOnlyList<string> log, string type, Secrets.Redactor redactor)
    {
        if (deploy is null)
        {
            return Judgement.NotYet("prod's current release is not a container deploy, so there is no startup to read");
        }

        var since = StartupLog.Since(log, deploy.CreatedAt, type);
        if (since.Count == 0)
        {
            return Judgement.NotYet($"no {type} log line since v{deploy.Version} yet");
        }

        var errors = StartupLog.Errors(since);
        return errors.Count == 0
            ? Judgement.Holds
            : Judgement.Terminal(
                $"{errors.Count} ERROR-level line{(errors.Count == 1 ? string.Empty : "s")} since v{deploy.Version}: {string.Join(" | ", errors.Select(redactor.Scrub))}"
            );
    }

    private static string Describe(HerokuRelease? deploy, IReadOnlyList<string> log, string type)
    {
        if (deploy is null)
        {
            return "no container release";
        }

        var since = StartupLog.Since(log, deploy.CreatedAt, type);
        return $"{since.Count} {type} line{(since.Count == 1 ? string.Empty : "s")} since v{deploy.Version}, {StartupLog.Errors(since).Count} ERROR";
    }
}
