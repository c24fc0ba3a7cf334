using RaxxPreflight.Checks.Results;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Checks;

/// <summary>How a waiting item ends: every look recorded as data, the record its line when it held, its failure when not.</summary>
internal static class Settled
{
    /// <summary>
    /// Passes when <paramref name="result"/> held (recording the wait), or warns with <paramref name="heldWith"/> when it
    /// held in a state an operator should read (up but degraded); else fails saying whether it settled wrong or not in time.
    /// </summary>
    public static void ShouldHold(
        SettleResult result,
        (string Environment, string Name) state,
        string what,
        IReadOnlyList<string> fixes,
        (string Summary, IReadOnlyList<string> Found)? heldWith = null
    )
    {
        ItemRecorder.Current.Waited(result.Attempts);
        if (result.Attempts.Count > 0)
        {
            Seen.State(state.Environment, state.Name, result.Attempts[^1].Observed);
        }

        if (result.Outcome == SettleOutcome.Held && heldWith is { } warning)
        {
            Verdict.Warn(warning.Summary, warning.Found, fixes);
            return;
        }

        if (result.Outcome == SettleOutcome.Held)
        {
            Verdict.Pass($"{what}: {result.Verdict}: {result.Record}");
            return;
        }

        Verdict.Fail($"{what} {result.Verdict}", [$"attempts: {result.Record}"], fixes);
    }

    /// <summary>What a wait calls after each look that does not hold yet: the runner shows what the item waits for.</summary>
    public static Action<Attempt, string, TimeSpan> Progress => ItemRecorder.Current.Looked;
}
