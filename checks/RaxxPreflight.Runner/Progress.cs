using System.Globalization;

namespace RaxxPreflight.Reporting;

/// <summary>
/// The run as it happens: each item's line the moment it finishes; while items wait for the deploy to settle,
/// what they wait for and how long (one updating line on a terminal, plain lines in CI); and, when nothing else
/// was printed for a while, which items are still running. Nothing is silent for more than <see cref="Quiet"/>.
/// </summary>
/// <param name="output">Where lines go.</param>
/// <param name="terminal">True for a terminal (a single updating status line), false for a log (plain lines).</param>
/// <param name="time">The clock the throttling and the heartbeat go by.</param>
/// <param name="services">The services of the run: with more than one, lines name each item's service.</param>
internal sealed class Progress(TextWriter output, bool terminal, TimeProvider time, IReadOnlyList<string>? services = null)
{
    /// <summary>The longest the run stays silent.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan TerminalRefresh = TimeSpan.FromSeconds(1);
    private readonly Lock gate = new();
    private readonly Dictionary<string, long> running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> waitShown = new(StringComparer.Ordinal);
    private long lastPrinted = time.GetTimestamp();
    private bool statusShown;

    // A run of several services names each item's service in its lines, as raxx-api/stripe-keys-live.
    private bool Several => services is { Count: > 1 };

    private int Width => ChecklistOutcome.IdWidth + (Several ? services!.Max(s => s.Length) + 1 : 0);

    private string Name(RunEvent e) => Several ? e.Key : e.CheckId;

    /// <summary>Takes one event of the run.</summary>
    public void On(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        lock (gate)
        {
            switch (runEvent.Kind)
            {
                case RunEvent.Started:
                    running[Name(runEvent)] = time.GetTimestamp();
                    break;
                case RunEvent.Waiting:
                    Waiting(runEvent);
                    break;
                case RunEvent.Finished when runEvent.Result is { } result:
                    running.Remove(Name(runEvent));
                    waitShown.Remove(Name(runEvent));
                    Print(ChecklistOutcome.Line(result, Several, Width));
                    break;
            }
        }
    }

    /// <summary>Says which items are still running, when nothing was printed for <see cref="Quiet"/>.</summary>
    public void Tick()
    {
        lock (gate)
        {
            if (running.Count == 0 || time.GetElapsedTime(lastPrinted) < (terminal ? TerminalRefresh : Quiet))
            {
                return;
            }

            var oldest = running.Values.Min();
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"running: {string.Join(", ", running.Keys.Order(StringComparer.Ordinal))} ({time.GetElapsedTime(oldest).TotalSeconds:0}s)"
            );
            if (terminal)
            {
                Status(line);
            }
            else
            {
                Print(line);
            }
        }
    }

    /// <summary>Runs <see cref="Tick"/> once a second until <paramref name="cancellationToken"/> stops it.</summary>
    public async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
                Tick();
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    /// <summary>Clears the status line, if one is shown.</summary>
    public void Finish()
    {
        lock (gate)
        {
            ClearStatus();
        }
    }

    private void Waiting(RunEvent e)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"waiting: {Name(e)} {e.Problem} ({e.Elapsed:0}s of {e.Timeout:0}s)");
        if (terminal)
        {
            Status(line);
            return;
        }

        // In a log: the first look that does not hold, then at most one line per item every Quiet.
        if (!waitShown.TryGetValue(Name(e), out var shown) || time.GetElapsedTime(shown) >= Quiet)
        {
            waitShown[Name(e)] = time.GetTimestamp();
            Print(line);
        }
    }

    private void Print(string line)
    {
        ClearStatus();
        output.WriteLine(line);
        output.Flush();
        lastPrinted = time.GetTimestamp();
    }

    private void Status(string line)
    {
        output.Write($"\r\u001b[K{line}");
        output.Flush();
        statusShown = true;
        lastPrinted = time.GetTimestamp();
    }

    private void ClearStatus()
    {
        if (statusShown)
        {
            output.Write("\r\u001b[K");
            statusShown = false;
        }
    }
}
