using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Heroku;
using RaxxPreflight.Rules;
using RaxxPreflight.Rules.Deploy;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Checks.PostDeploy;

/// <summary>Every web dyno of the new release must come up; a crash is final, a slow boot is waited for.</summary>
public sealed class ProdDynosUpCheck(PreflightSession session)
{
    [Item(CheckIds.ProdDynosUp, Phase.PostDeploy, "Every web dyno of prod's current release is up", Sources = Source.Heroku)]
    public Task Prod_web_dynos_are_up() => Item.RunAsync(session, RunAsync);

    private async Task RunAsync()
    {
        var world = session.World;
        var prod = world.Config.Prod.App;
        var type = world.Config.PostDeploy.ProcessType;

        var result = await world.Poller.UntilAsync(
            async _ => (Releases: await world.ProdReleases.GetAsync(), Dynos: await world.ProdDynos.GetAsync()),
            seen => DynoRule.Judge(DynoRule.WebDynos(seen.Releases, seen.Dynos, type), type, ReleaseImage.Current(seen.Releases)),
            seen => DynoRule.Describe(DynoRule.WebDynos(seen.Releases, seen.Dynos, type), type),
            Settled.Progress,
            TestContext.Current.CancellationToken
        );

        Settled.ShouldHold(
            result,
            (Stages.Prod, "dynos"),
            $"prod's {type} dynos ({prod})",
            [FixCommands.Ps(prod), FixCommands.TailLogs(prod, type), FixCommands.Restart(prod, type)]
        );
    }
}
