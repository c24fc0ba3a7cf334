using Microsoft.Extensions.Time.Testing;
using RaxxPreflight.Reporting;

namespace RaxxPreflight.Tests.Reporting;

/// <summary>The runner's live view, on a clock the test moves.</summary>
public sealed class ProgressTests : IDisposable
{
    private readonly FakeTimeProvider clock = new();
    private readonly StringWriter output = new();

    [Fact]
    public void In_a_log_a_wait_shows_at_once_then_at_most_once_per_quiet_period_and_its_line_when_it_ends()
    {
        var progress = new Progress(output, terminal: false, clock);

        progress.On(new RunEvent(RunEvent.Started, CheckIds.ProdDynosUp));
        progress.On(Waiting(0));
        clock.Advance(TimeSpan.FromSeconds(2));
        progress.On(Waiting(2));
        clock.Advance(TimeSpan.FromSeconds(3));
        progress.On(Waiting(5));
        progress.On(new RunEvent(RunEvent.Finished, CheckIds.ProdDynosUp, ResultsOf.Item(CheckIds.ProdDynosUp, CheckStatus.Pass, "held")));

        Lines()
            .ShouldBe([
                "waiting: prod-dynos-up web.1 is starting (0s of 120s)",
                "waiting: prod-dynos-up web.1 is starting (5s of 120s)",
                ChecklistOutcome.Line(ResultsOf.Item(CheckIds.ProdDynosUp, CheckStatus.Pass, "held")),
            ]);
    }

    [Fact]
    public void When_nothing_was_printed_for_the_quiet_period_it_says_what_is_still_running()
    {
        var progress = new Progress(output, terminal: false, clock);
        progress.On(new RunEvent(RunEvent.Started, CheckIds.ProdDatabaseReachable));
        progress.On(new RunEvent(RunEvent.Started, CheckIds.StripeKeyVerified));

        clock.Advance(TimeSpan.FromSeconds(4));
        progress.Tick();
        Lines().ShouldBeEmpty();

        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Tick();
        Lines().ShouldBe(["running: prod-database-reachable, stripe-key-verified (5s)"]);
    }

    [Fact]
    public void On_a_terminal_a_wait_is_one_updating_line_cleared_before_the_next_items_line()
    {
        var progress = new Progress(output, terminal: true, clock);

        progress.On(Waiting(0));
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.On(Waiting(1));
        progress.On(new RunEvent(RunEvent.Finished, CheckIds.ProdDynosUp, ResultsOf.Item(CheckIds.ProdDynosUp, CheckStatus.Pass)));

        output
            .ToString()
            .ShouldBe(
                "\r\u001b[Kwaiting: prod-dynos-up web.1 is starting (0s of 120s)"
                    + "\r\u001b[Kwaiting: prod-dynos-up web.1 is starting (1s of 120s)"
                    + "\r\u001b[K"
                    + ChecklistOutcome.Line(ResultsOf.Item(CheckIds.ProdDynosUp, CheckStatus.Pass))
                    + Environment.NewLine
            );
    }

    public void Dispose() => output.Dispose();

    private static RunEvent Waiting(double elapsed) =>
        new(RunEvent.Waiting, CheckIds.ProdDynosUp, Problem: "web.1 is starting", Elapsed: elapsed, Timeout: 120);

    private string[] Lines() => output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
