using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Health;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>Staging is the source of truth for what goes to prod: it must be healthy before the deploy.</summary>
public sealed class StagingHealthyCheck(PreflightSession session)
{
    [Item(
        CheckIds.StagingHealthy,
        Phase.PreDeploy,
        "Staging's health endpoint says healthy, read by meaning (degraded warns; its name and status word where the config gives them)",
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
                Seen.State(
                    Stages.Staging,
                    "health",
                    $"{reading.Summary}{(reading.Format is null ? string.Empty : $" ({reading.Format})")}"
                );
                var fixes = HealthFindings.Fixes(reading, app);
                var problems = HealthFindings.Problems(reading, world.Config.Health.Expected());

                Verdict.NoProblems(
                    problems,
                    reading.State == HealthState.NotHealth
                        ? $"staging ({app}) gave no health answer: {reading.Url} answered {reading.Problem}"
                        : $"staging ({app}) is not healthy: {string.Join("; ", problems)}",
                    [.. fixes, .. reading.Recoverable ? [FixCommands.Restart(app, "web")] : Array.Empty<string>()]
                );
                if (HealthFindings.Warnings(reading) is { Count: > 0 } warnings)
                {
                    Verdict.Warn($"staging ({app}) is up but degraded: {reading.Summary}", warnings, fixes);
                }
            }
        );
}
