using System.Diagnostics.CodeAnalysis;
using RaxxPreflight.Reporting;

namespace RaxxPreflight.Checks.Results;

/// <summary>
/// Where the run's events go: as data to the runner in this process (<c>RaxxPreflight.Checks run ...</c>); to standard
/// error, one line each, when a runner in another process asked for them (<c>PREFLIGHT_EVENTS=stderr</c>); nowhere
/// otherwise (<c>dotnet test</c> reads the attachments instead).
/// </summary>
public sealed class RunEventSink : IDisposable
{
    private readonly Lock gate = new();
    private readonly TextWriter? writer;
    private readonly Action<RunEvent>? receiver;

    private RunEventSink(TextWriter? writer, Action<RunEvent>? receiver = null)
    {
        this.writer = writer;
        this.receiver = receiver;
    }

    /// <summary>A sink that drops every event.</summary>
    public static RunEventSink None { get; } = new(null);

    /// <summary>A sink handing each event, as data, to <paramref name="receiver"/> (the runner in this process).</summary>
    public static RunEventSink To(Action<RunEvent> receiver) => new(null, receiver ?? throw new ArgumentNullException(nameof(receiver)));

    /// <summary>A sink writing to this process's standard error.</summary>
    [SuppressMessage(
        "ApiDesign",
        "RS0030:Do not use banned APIs",
        Justification = "The runner's event channel is standard error, opened once here; checks never write to the console."
    )]
    public static RunEventSink StandardError() => new(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true });

    /// <summary>Writes <paramref name="runEvent"/> as one line; lines never interleave.</summary>
    public void Publish(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        if (receiver is not null)
        {
            lock (gate)
            {
                receiver(runEvent);
            }

            return;
        }

        if (writer is null)
        {
            return;
        }

        var line = runEvent.ToLine();
        lock (gate)
        {
            writer.WriteLine(line);
        }
    }

    /// <inheritdoc />
    public void Dispose() => writer?.Dispose();
}
