using System.Diagnostics.CodeAnalysis;
using RaxxPreflight.Reporting;

namespace RaxxPreflight.Checks.Results;

/// <summary>
/// Where the run's events go: to standard error, one line each, when the runner asked for them
/// (<c>PREFLIGHT_EVENTS=stderr</c>); nowhere otherwise (<c>dotnet test</c> reads the attachments instead).
/// </summary>
public sealed class RunEventSink : IDisposable
{
    private readonly Lock gate = new();
    private readonly TextWriter? writer;

    private RunEventSink(TextWriter? writer) => this.writer = writer;

    /// <summary>A sink that drops every event.</summary>
    public static RunEventSink None { get; } = new(null);

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
