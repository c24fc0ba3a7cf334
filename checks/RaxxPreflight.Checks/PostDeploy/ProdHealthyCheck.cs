using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Health;
using RaxxPreflight.Rules;
using RaxxPreflight.Rules.Deploy;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Checks.PostDeploy;

/// <summary>Prod must answer its health check as staging does, with the version staging reports.</summary>
public sealed class ProdHealthyCheck(PreflightSession session)
{
    [Item(
        CheckIds.ProdHealthy,
        Phase.PostDeploy,
        "Prod's /health answers 200 with status ok, the service's name and staging's version",
        Sources = Source.Heroku | Source.Health,
        FirstReads = [FirstRead.StagingHealth]
    )]
    public Task Prod_answers_its_health_check() => Item.RunAsync(session, RunAsync);

    private async Task RunAsync()
    {
        var world = session.World;
        var prod = world.Config.Prod.App;
        var type = world.Config.PostDeploy.ProcessType;
        var staging = await world.StagingHealth;
        Verdict.NotNull(
            staging.Version,
            $"staging's health endpoint reports no version to compare prod's with ({staging.Summary})",
            [],
            [FixCommands.Ps(world.Config.Staging.App)]
        );

        var result = await world.Poller.UntilAsync(
            async _ =>
                (
                    Health: await world.ProdHealth.GetAsync(),
                    Dynos: await world.ProdDynos.GetAsync(),
                    Releases: await world.ProdReleases.GetAsync()
                ),
            seen =>
                HealthRule.Judge(
                    seen.Health,
                    DynoRule.WebDynos(seen.Releases, seen.Dynos, type),
                    world.Config.Health.Service,
                    staging.Version
                ),
            seen => seen.Health.Summary,
            Settled.Progress,
            TestContext.Current.CancellationToken
        );

        Settled.ShouldHold(
            result,
            (Stages.Prod, "health"),
            $"prod's health ({prod})",
            [FixCommands.Ps(prod), FixCommands.TailLogs(prod), FixCommands.Restart(prod, type)]
        );
    }
}
