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
        "Prod's health endpoint says healthy, read by meaning (degraded warns), running staging's version where both answers give one",
        Sources = Source.Heroku | Source.Health,
        FirstReads = [FirstRead.StagingHealth]
    )]
    public Task Prod_answers_its_health_check() => Item.RunAsync(session, RunAsync);

    private async Task RunAsync()
    {
        var world = session.World;
        var prod = world.Config.Prod.App;
        var type = world.Config.PostDeploy.ProcessType;

        // Prod's version is held to staging's where both answers give one under the same field; staging's answer
        // is read only for that, so a staging that does not answer does not fail prod's health.
        var staging = await world.StagingHealth;
        var expected = world.Config.Health.Expected(staging.Version);
        HealthReading? last = null;
        var result = await world.Poller.UntilAsync(
            async _ =>
                (
                    Health: await world.ProdHealth.GetAsync(),
                    Dynos: await world.ProdDynos.GetAsync(),
                    Releases: await world.ProdReleases.GetAsync()
                ),
            seen =>
            {
                last = seen.Health;
                return HealthRule.Judge(seen.Health, DynoRule.WebDynos(seen.Releases, seen.Dynos, type), expected);
            },
            seen => seen.Health.Summary,
            Settled.Progress,
            TestContext.Current.CancellationToken
        );

        if (last is not null && HealthFindings.NotCompared(last.Version, staging.Version) is { } notCompared)
        {
            Seen.State(Stages.Prod, "version", notCompared);
        }

        // Up but degraded holds, and warns; a restart is offered only where it may change what the probe gets.
        var held = result.Outcome == SettleOutcome.Held;
        var warnings = held && last is not null ? HealthFindings.Warnings(last) : [];
        var fixes = last is null ? [FixCommands.Ps(prod), FixCommands.TailLogs(prod)] : HealthFindings.Fixes(last, prod);
        Settled.ShouldHold(
            result,
            (Stages.Prod, "health"),
            $"prod's health ({prod})",
            [
                .. fixes,
                .. held || last is { State: HealthState.NotHealth, NoDynoAnswered: false }
                    ? Array.Empty<string>()
                    : [FixCommands.Restart(prod, type)],
            ],
            warnings.Count > 0 ? ($"prod's health ({prod}) is up but degraded: {last!.Summary}", warnings) : null
        );
    }
}
