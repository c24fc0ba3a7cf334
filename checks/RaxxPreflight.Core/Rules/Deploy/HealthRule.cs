using RaxxPreflight.Health;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Rules.Deploy;

/// <summary>Prod's health answer, judged while the deploy settles: a 503 while a dyno boots is waited for, after a crash it is final.</summary>
public static class HealthRule
{
    /// <summary>What one look at prod's health and web dynos says.</summary>
    public static Judgement Judge(HealthReading health, IReadOnlyList<Heroku.HerokuDyno> dynos, string? service, string? version)
    {
        var problems = HealthFindings.Problems(health, service, version);
        if (problems.Count == 0)
        {
            return Judgement.Holds;
        }

        // The router answers 503 while a dyno boots and after it crashed: only the dyno's state tells which.
        return DynoRule.Crashed(dynos)
            ? Judgement.Terminal(
                $"{string.Join("; ", problems)}; {string.Join(", ", dynos.Where(d => d.State == "crashed").Select(d => d.Name))} crashed, so it will not recover by waiting"
            )
            : Judgement.NotYet(string.Join("; ", problems));
    }
}
