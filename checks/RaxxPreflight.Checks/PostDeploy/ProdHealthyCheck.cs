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
        "Prod's health endpoint answers 200 with status ok (its service name and staging's version, where they are given)",
        Sources = Source.Heroku | Source.Health,
        FirstReads = [FirstRead.StagingHealth]
    )]
    public Task Prod_answers_its_health_check() => Item.RunAsync(session, RunAsync);

    private async Task RunAsync()
    {
        var world = session.World;
        var prod = world.Config.Prod.App;
        var type = world.Config.PostDeploy.ProcessType;
        // Prod's version is held to staging's where staging's answer has one; a service whose answer has none is
        // judged by its status (and name, when the config names one).
        var staging = await world.StagingHealth;
        if (staging.Version is null)
        {
            Seen.State(Stages.Staging, "version", $"none in its health answer ({staging.Summary}): prod's is not compared");
        }

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
