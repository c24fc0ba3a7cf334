using RaxxPreflight.Reporting;

namespace RaxxPreflight.Settling;

/// <summary>How a wait for a settling state ended, with every attempt it made.</summary>
/// <param name="Outcome">Held, settled wrong, or not settled in time.</param>
/// <param name="Problem">The last judgement's problem, when it did not hold.</param>
/// <param name="Attempts">Every observation, oldest first.</param>
/// <param name="Timeout">How long the wait was allowed to take.</param>
public sealed record SettleResult(SettleOutcome Outcome, string? Problem, IReadOnlyList<Attempt> Attempts, TimeSpan Timeout)
{
    /// <summary>The attempts as one line: <c>starting (0s) -> starting (10s) -> crashed (20s)</c>, the middle elided when long.</summary>
    public string Record => Attempt.Record(Attempts);

    /// <summary>Why it failed, in the words an operator needs: not settled in time, or settled wrong.</summary>
    public string Verdict =>
        Outcome switch
        {
            SettleOutcome.Held => $"held after {Attempts.Count} attempt{(Attempts.Count == 1 ? string.Empty : "s")}",
            SettleOutcome.SettledWrong => $"settled wrong: {Problem}",
            _ => $"did not settle within {Timeout.TotalSeconds:0.#}s: {Problem}",
        };
}

/// <summary>How a wait ended.</summary>
public enum SettleOutcome
{
    /// <summary>The state held.</summary>
    Held,

    /// <summary>A terminal bad state was seen: the wait stopped at once.</summary>
    SettledWrong,

    /// <summary>The timeout passed before the state held.</summary>
    TimedOut,
}
