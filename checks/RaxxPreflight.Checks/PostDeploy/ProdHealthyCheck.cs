using RaxxPreflight.Checks.Session;
using RaxxPreflight.Health;
using RaxxPreflight.Rules;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Checks.PostDeploy;

/// <summary>Prod must answer its health check as staging does, with the version staging reports.</summary>
[PostDeploy]
public sealed class ProdHealthyCheck(PreflightSession session)
{
    [Fact(DisplayName = "Prod's /health answers 200 with status ok, the service's name and staging's version")]
    [Check(CheckIds.ProdHealthy)]
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
            [$"heroku ps --app {world.Config.Staging.App}"]
        );

        var result = await world.Poller.UntilAsync(
            async _ =>
                (
                    Health: await world.ProdHealth.GetAsync(),
                    Dynos: await world.ProdDynos.GetAsync(),
                    Releases: await world.ProdReleases.GetAsync()
                ),
            seen =>
                Judge(
                    seen.Health,
                    ProdDynosUpCheck.WebDynos(seen.Releases, seen.Dynos, type),
                    world.Config.Health.Service,
                    staging.Version
                ),
            seen => seen.Health.Summary,
            Settled.Progress,
            TestContext.Current.CancellationToken
        );

        Settled.ShouldHold(
            result,
            (Environments.Prod, "health"),
            $"prod's health ({prod})",
            [$"heroku ps --app {prod}", $"heroku logs --tail --app {prod}", $"heroku ps:restart {type} --app {prod}"]
        );
    }

    private static Judgement Judge(HealthReading health, IReadOnlyList<Heroku.HerokuDyno> dynos, string service, string version)
    {
        var problems = HealthFindings.Problems(health, service, version);
        if (problems.Count == 0)
        {
            return Judgement.Holds;
        }

        // The router answers 503 while a dyno boots and after it crashed: only the dyno's state tells which.
        return ProdDynosUpCheck.Crashed(dynos)
            ? Judgement.Terminal(
                $"{string.Join("; ", problems)}; {string.Join(", ", dynos.Where(d => d.State == "crashed").Select(d => d.Name))} crashed, so it will not recover by waiting"
            )
            : Judgement.NotYet(string.Join("; ", problems));
    }
}
