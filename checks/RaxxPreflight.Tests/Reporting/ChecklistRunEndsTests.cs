using Microsoft.Extensions.Time.Testing;
using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.Reporting;

/// <summary>
/// A run always ends: past its bound, or stopped, every item that has not finished is reported not checked with what
/// it was waiting for, and the run goes on to its verdict. Time here is a virtual clock; no test waits on the real one.
/// </summary>
public class ChecklistRunEndsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    // Two items of the post-deploy phase report; the host then never ends, whatever it is asked.
    private static readonly ChecklistHost NeverEnds = (_, listener, _) =>
    {
        listener.Event(new RunEvent(RunEvent.Finished, CheckIds.ProdHealthy, ResultsOf.Item(CheckIds.ProdHealthy, CheckStatus.Pass)));
        listener.Event(new RunEvent(RunEvent.Started, CheckIds.ProdDynosUp));
        listener.Event(
            new RunEvent(RunEvent.Waiting, CheckIds.ProdDynosUp, Problem: "web.1 to be up (it is crashed)", Elapsed: 5, Timeout: 120)
        );
        listener.Event(new RunEvent(RunEvent.Started, CheckIds.ProdReleaseDeployed));
        return new TaskCompletionSource<int>().Task;
    };

    [Fact]
    public async Task A_run_past_its_bound_reports_every_unfinished_item_not_checked_with_what_it_waited_for_and_ends()
    {
        var clock = new FakeTimeProvider();
        var told = new List<RunEvent>();

        var running = ChecklistRun.RunAsync(
            NeverEnds,
            new ChecklistRequest(Selection.Of(Phases.PostDeploy)),
            e =>
            {
                lock (told)
                {
                    told.Add(e);
                }
            },
            Bound,
            clock,
            TestContext.Current.CancellationToken
        );
        var outcome = await AdvanceUntilEndedAsync(clock, running);

        var reasons = outcome.Results.ToDictionary(r => r.CheckId, r => (r.Status, r.Reason));
        reasons[CheckIds.ProdHealthy].Status.ShouldBe(CheckStatus.Pass);
        reasons[CheckIds.ProdDynosUp]
            .ShouldBe(
                (
                    CheckStatus.NotChecked,
                    "did not finish within the run's bound of 60s: waiting for web.1 to be up (it is crashed); nothing was checked"
                )
            );
        reasons[CheckIds.ProdReleaseDeployed]
            .ShouldBe(
                (
                    CheckStatus.NotChecked,
                    "did not finish within the run's bound of 60s: it had started and left no result yet; nothing was checked"
                )
            );
        var postDeploy = Items.Of(Phases.PostDeploy).ToList();
        outcome.Results.Select(r => r.CheckId).ShouldBe(postDeploy, ignoreOrder: true);
        outcome
            .Results.Where(r => r.CheckId is not (CheckIds.ProdHealthy or CheckIds.ProdDynosUp or CheckIds.ProdReleaseDeployed))
            .ShouldAllBe(r => r.Reason == "did not finish within the run's bound of 60s: it had not started; nothing was checked");
        outcome.Tail().ShouldContain("The run ended before its items did: did not finish within the run's bound of 60s.");
        outcome.RunExitCode.ShouldBe(1);

        // Every unfinished item is told of, as finished not checked, for the live view and the reports.
        lock (told)
        {
            told.Where(e => e.Kind == RunEvent.Finished).Select(e => e.CheckId).ShouldBe(postDeploy, ignoreOrder: true);
        }
    }

    [Fact]
    public async Task A_stopped_run_reports_what_had_not_finished_as_stopped_and_ends()
    {
        var clock = new FakeTimeProvider();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var running = ChecklistRun.RunAsync(
            NeverEnds,
            new ChecklistRequest(Selection.Of(Phases.PostDeploy)),
            null,
            Bound,
            clock,
            stop.Token
        );
        await stop.CancelAsync();
        var outcome = await AdvanceUntilEndedAsync(clock, running);

        outcome
            .Results.Single(r => r.CheckId == CheckIds.ProdDynosUp)
            .Reason.ShouldBe("did not finish: the run was stopped: waiting for web.1 to be up (it is crashed); nothing was checked");
        outcome.Results.Single(r => r.CheckId == CheckIds.ProdHealthy).Status.ShouldBe(CheckStatus.Pass);
        outcome.CutShort.ShouldBe("did not finish: the run was stopped");
    }

    [Fact]
    public async Task A_host_that_ends_when_asked_to_stop_is_waited_for_and_what_it_tells_after_the_bound_does_not_count()
    {
        var clock = new FakeTimeProvider();
        ChecklistHost endsWhenAsked = async (_, listener, cancellationToken) =>
        {
            listener.Event(new RunEvent(RunEvent.Started, CheckIds.ProdDynosUp));
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);

            // Stopping, it still tells what it had (as xunit does of the tests it cancels): too late to count.
            listener.Ran(new TestRan(CheckIds.ProdDynosUp, Phases.PostDeploy, "Prod's dynos are up", "NotRun"));
            return 1;
        };

        var running = ChecklistRun.RunAsync(
            endsWhenAsked,
            new ChecklistRequest(new Selection([Phases.PostDeploy], [CheckIds.ProdDynosUp])),
            null,
            Bound,
            clock,
            TestContext.Current.CancellationToken
        );

        // The bound passes once; from there the host ends on its own when asked, and the clock never reaches the grace.
        clock.Advance(Bound);
        var outcome = await running;

        // Its exit code shows it was waited for; the verdict was taken when the bound passed.
        outcome.ExitCode.ShouldBe(1);
        outcome
            .Results.Single()
            .Reason.ShouldBe("did not finish within the run's bound of 60s: it had started and left no result yet; nothing was checked");
    }

    [Fact]
    public async Task A_receiver_that_writes_to_the_console_never_waits_in_a_circle_with_a_line_written_under_the_consoles_lock()
    {
        // The hang of issue #25: an item's result reached the live view (which writes to the console) while the run's
        // lock was held, and xunit wrote a line holding the console's lock, which needed the run's lock. Here both
        // happen at once, in that order, every time.
        var console = new object();
        using var receiverWaits = new ManualResetEventSlim();
        void Receiver(RunEvent runEvent)
        {
            receiverWaits.Set();
            lock (console)
            {
                // The live view writes the item's line.
            }
        }

        ChecklistHost host = (_, listener, _) =>
            Task.Run(() =>
            {
                Task item;
                lock (console)
                {
                    item = Task.Run(() =>
                        listener.Event(
                            new RunEvent(
                                RunEvent.Finished,
                                CheckIds.StripeKeysLive,
                                ResultsOf.Item(CheckIds.StripeKeysLive, CheckStatus.Fail, "x")
                            )
                        )
                    );
                    receiverWaits.Wait(TestContext.Current.CancellationToken);
                    listener.Output("a line xunit writes holding the console's lock");
                }

                item.Wait(TestContext.Current.CancellationToken);
                return 0;
            });

        // Only a circle would reach this bound; the run itself takes no time.
        var outcome = await ChecklistRun
            .RunAsync(
                host,
                new ChecklistRequest(new Selection([Phases.PreDeploy], [CheckIds.StripeKeysLive])),
                Receiver,
                null,
                TimeProvider.System,
                TestContext.Current.CancellationToken
            )
            .WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        outcome.Results.Single().Status.ShouldBe(CheckStatus.Fail);
        outcome.Output.ShouldBe("a line xunit writes holding the console's lock");
    }

    [Fact]
    public void The_runs_bound_comes_from_the_items_own_timeouts_and_the_setting_overrides_it()
    {
        var preDeploy = Selection.Of(Phases.PreDeploy);
        var postDeploy = Selection.Of(Phases.PostDeploy);

        // Defaults: set-up, then four reads one after another at the API's 30 s, and the post-deploy settle of 120 s.
        RunBound.For(preDeploy, fakes: false, null, null).ShouldBe(TimeSpan.FromSeconds(30 + (4 * 30)));
        RunBound.For(preDeploy, fakes: true, null, null).ShouldBe(TimeSpan.FromSeconds(120 + (4 * 30)));
        RunBound.For(postDeploy, fakes: false, null, null).ShouldBe(TimeSpan.FromSeconds(30 + (4 * 30) + 120));

        var settings = RaxxPreflight.Configuration.PreflightSettings.Read(name =>
            name switch
            {
                Settings.SettleTimeout => "300",
                _ => null,
            }
        );
        RunBound.For(postDeploy, fakes: false, null, settings).ShouldBe(TimeSpan.FromSeconds(30 + (4 * 30) + 300));
        var asked = RaxxPreflight.Configuration.PreflightSettings.Read(name => name == Settings.RunTimeout ? "45" : null);
        RunBound.For(postDeploy, fakes: true, null, asked).ShouldBe(TimeSpan.FromSeconds(45));
    }

    // The run waits on the virtual clock (its bound, then its grace for the host to stop): move it on until the run
    // ends. The loop only hands the run's continuations their turn; no outcome depends on how long that takes.
    private static async Task<ChecklistOutcome> AdvanceUntilEndedAsync(FakeTimeProvider clock, Task<ChecklistOutcome> running)
    {
        while (!running.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        return await running;
    }
}
