using RaxxPreflight.Health;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Rules.Deploy;

/// <summary>Post-deploy: prod's health answer, read by meaning, together with its web dynos.</summary>
public static class HealthRule
{
    /// <summary>What one look at prod's health and web dynos says: degraded holds (the item then warns), down does not.</summary>
    public static Judgement Judge(HealthReading health, IReadOnlyList<Heroku.HerokuDyno> dynos, HealthExpectations expected)
    {
        var problems = HealthFindings.Problems(health, expected);
        if (problems.Count == 0)
        {
            return Judgement.Holds;
        }

        // A redirect, a Cloudflare page or an HTML page stays what it is however long the wait: no dyno changes it.
        if (health.State == HealthState.NotHealth && !health.NoDynoAnswered)
        {
            return Judgement.Terminal(string.Join("; ", problems));
        }

        // The router answers 503 while a dyno boots and after it crashed: only the dyno's state tells which.
        return DynoRule.Crashed(dynos)
            ? Judgement.Terminal(
                $"{string.Join("; ", problems)}; {string.Join(", ", dynos.Where(d => d.State == "crashed").Select(d => d.Name))} crashed, so it will not recover by waiting"
            )
            : Judgement.NotYet(string.Join("; ", problems));
    }
}
