using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>Staging is the source of truth for what goes to prod: it must be healthy before the deploy.</summary>
public sealed class StagingHealthyCheck(PreflightSession session)
{
    [Item(
        CheckIds.StagingHealthy,
        Phase.PreDeploy,
        "Staging's health endpoint answers 200 with status ok (and its service name, where the config names one)",
        Sources = Source.Heroku | Source.Health,
        FirstReads = [FirstRead.StagingHealth]
    )]
    public Task Staging_answers_its_health_check() =>
        Item.RunAsync(
            session,
            async () =>
            {
                var world = session.World;
                var app = world.Config.Staging.App;
                var reading = await world.StagingHealth;
                Seen.State(Stages.Staging, "health", reading.Summary);

                Verdict.NoProblems(
                    HealthFindings.Problems(reading, world.Config.Health.Service),
                    $"staging ({app}) is not healthy: {reading.Url} gave {reading.Summary}",
                    FixCommands.Ps(app),
                    FixCommands.TailLogs(app),
                    FixCommands.Restart(app, "web")
                );
            }
        );
}
