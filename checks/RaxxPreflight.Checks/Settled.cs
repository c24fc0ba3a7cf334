using RaxxPreflight.Settling;

namespace RaxxPreflight.Checks;

/// <summary>How a waiting item ends: its record of attempts in the output when it held, in the failure when not.</summary>
internal static class Settled
{
    /// <summary>Passes when <paramref name="result"/> held (recording the wait), else fails saying whether it settled wrong or not in time.</summary>
    public static void ShouldHold(SettleResult result, string what, IEnumerable<string> fixes)
    {
        if (result.Outcome == SettleOutcome.Held)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{what}: {result.Verdict}: {result.Record}");
            return;
        }

        result.Outcome.ShouldBe(SettleOutcome.Held, Verdict.Message($"{what} {result.Verdict}", [$"attempts: {result.Record}"], fixes));
    }
}
