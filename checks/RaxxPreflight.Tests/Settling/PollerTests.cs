using Microsoft.Extensions.Time.Testing;
using RaxxPreflight.Reporting;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Tests.Settling;

/// <summary>The poller on a clock the test moves: every wait is exactly one interval, no real time passes.</summary>
public class PollerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task It_goes_green_on_the_first_look_after_the_state_holds_and_records_the_wait()
    {
        using var clock = new WaitingClock();
        var states = new Queue<string>(["starting", "starting", "up", "up"]);
        var looks = 0;

        var result = await RunAsync(
            clock,
            () =>
            {
                looks++;
                return states.Dequeue();
            },
            s => s == "up" ? Judgement.Holds : Judgement.NotYet($"web.1 is {s}")
        );

        result.Outcome.ShouldBe(SettleOutcome.Held);
        looks.ShouldBe(3);
        result.Record.ShouldBe("web.1: starting (0s) -> web.1: starting (10s) -> web.1: up (20s)");
    }

    [Fact]
    public async Task A_transient_fault_is_one_failed_look_and_the_wait_goes_on()
    {
        using var clock = new WaitingClock();
        var looks = new Queue<Func<string>>([
            () => throw new RaxxPreflight.Http.RemoteServiceException("Heroku API answered 503 to GET /apps/p/dynos") { StatusCode = 503 },
            () => "up",
        ]);

        var result = await RunAsync(clock, () => looks.Dequeue()(), s => s == "up" ? Judgement.Holds : Judgement.NotYet(s));

        result.Outcome.ShouldBe(SettleOutcome.Held);
        result.Record.ShouldBe("could not look: Heroku API answered 503 to GET /apps/p/dynos (0s) -> web.1: up (10s)");
    }

    [Fact]
    public async Task A_fault_that_waiting_will_not_mend_ends_the_wait()
    {
        using var clock = new WaitingClock();

        await Should.ThrowAsync<RaxxPreflight.Http.RemoteServiceException>(() =>
            RunAsync(
                clock,
                () => throw new RaxxPreflight.Http.RemoteServiceException("Heroku API answered 401") { StatusCode = 401 },
                _ => Judgement.Holds
            )
        );
    }

    [Fact]
    public async Task It_stops_at_once_on_a_terminal_state()
    {
        using var clock = new WaitingClock();

        var result = await RunAsync(clock, () => "crashed", s => Judgement.Terminal("web.1 crashed"));

        result.Outcome.ShouldBe(SettleOutcome.SettledWrong);
        result.Attempts.Count.ShouldBe(1);
        result.Verdict.ShouldBe("settled wrong: web.1 crashed");
    }

    [Fact]
    public async Task It_gives_up_at_the_timeout_saying_the_deploy_did_not_settle()
    {
        using var clock = new WaitingClock();

        var result = await RunAsync(clock, () => "starting", s => Judgement.NotYet("web.1 is starting"));

        result.Outcome.ShouldBe(SettleOutcome.TimedOut);
        result.Attempts.Select(a => a.At).ShouldBe([0, 10, 20, 30, 40, 50, 60]);
        result.Verdict.ShouldBe("did not settle within 60s: web.1 is starting");
    }

    [Fact]
    public void A_long_record_keeps_its_ends_and_elides_the_middle()
    {
        var attempts = Enumerable.Range(0, 20).Select(i => new Attempt(i, "starting")).ToList();

        var record = new SettleResult(SettleOutcome.TimedOut, "x", attempts, Timeout).Record;

        record.ShouldStartWith("starting (0s) -> ");
        record.ShouldContain("... 8 more ...");
        record.ShouldEndWith("starting (19s)");
    }

    private static async Task<SettleResult> RunAsync(WaitingClock clock, Func<string> observe, Func<string, Judgement> judge)
    {
        var poller = new Poller(clock, Timeout, Interval);
        var run = poller.UntilAsync(
            _ => Task.FromResult(observe()),
            judge,
            s => $"web.1: {s}",
            null,
            TestContext.Current.CancellationToken
        );

        // Each time the poller starts a wait, move the clock by exactly that wait; stop when it has decided.
        while (!run.IsCompleted)
        {
            var waiting = clock.NextWait();
            if (await Task.WhenAny(run, waiting) == waiting)
            {
                clock.Advance(Interval);
            }
        }

        return await run;
    }

    /// <summary>A fake clock that counts the waits started on it, so that the test moves it only when one is pending.</summary>
    private sealed class WaitingClock : FakeTimeProvider, IDisposable
    {
        public void Dispose() => waits.Dispose();

        private readonly SemaphoreSlim waits = new(0);

        public Task NextWait() => waits.WaitAsync(TestContext.Current.CancellationToken);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime != global::System.Threading.Timeout.InfiniteTimeSpan)
            {
                waits.Release();
            }

            return timer;
        }
    }
}
