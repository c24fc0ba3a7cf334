using RaxxPreflight.Http;
using RaxxPreflight.Reporting;

namespace RaxxPreflight.Settling;

/// <summary>
/// Waits, boundedly, for a changing state to hold: observes, judges, and either stops (held, or a terminal
/// bad state) or waits one interval and looks again, until the settle timeout. Every attempt is recorded.
/// </summary>
/// <param name="time">The clock (the system's, or a scenario's).</param>
/// <param name="timeout">The settle timeout.</param>
/// <param name="interval">The wait between attempts.</param>
public sealed class Poller(TimeProvider time, TimeSpan timeout, TimeSpan interval)
{
    /// <summary>Observes until <paramref name="judge"/> says the state holds or never will, or the timeout passes.</summary>
    /// <typeparam name="T">What is observed.</typeparam>
    /// <param name="observe">One observation; an exception from it ends the wait and is the item's failure.</param>
    /// <param name="judge">What an observation says.</param>
    /// <param name="describe">An observation in a few words, for the record.</param>
    /// <param name="looked">Told after each look that does not hold yet: the look, what does not hold, and the timeout.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public async Task<SettleResult> UntilAsync<T>(
        Func<CancellationToken, Task<T>> observe,
        Func<T, Judgement> judge,
        Func<T, string> describe,
        Action<Attempt, string, TimeSpan>? looked,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(observe);
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(describe);
        var started = time.GetTimestamp();
        var attempts = new List<Attempt>();
        while (true)
        {
            Judgement judgement;
            TimeSpan elapsed;
            try
            {
                var observation = await observe(cancellationToken).ConfigureAwait(false);
                elapsed = time.GetElapsedTime(started);
                attempts.Add(new Attempt(elapsed.TotalSeconds, describe(observation)));
                judgement = judge(observation);
            }
            catch (RemoteServiceException e) when (Transient(e))
            {
                // A transient fault (a 5xx, a 429, no answer) is one failed look, not the end of the wait.
                elapsed = time.GetElapsedTime(started);
                attempts.Add(new Attempt(elapsed.TotalSeconds, $"could not look: {e.Message}"));
                judgement = Judgement.NotYet(e.Message);
            }

            switch (judgement.Kind)
            {
                case JudgementKind.Holds:
                    return new SettleResult(SettleOutcome.Held, null, attempts, timeout);
                case JudgementKind.Terminal:
                    return new SettleResult(SettleOutcome.SettledWrong, judgement.Problem, attempts, timeout);
            }

            if (elapsed + interval > timeout)
            {
                return new SettleResult(SettleOutcome.TimedOut, judgement.Problem, attempts, timeout);
            }

            looked?.Invoke(attempts[^1], judgement.Problem ?? attempts[^1].Observed, timeout);

            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool Transient(RemoteServiceException e) => e.StatusCode is null or >= 500 or 429;
}
