using System.Text;

namespace RaxxPreflight.Reporting;

/// <summary>
/// Runs the facts in this process, the checklist app's own (what <c>run-preflight.sh</c> does: one .NET start, not
/// two): the run's settings go into this process's environment, the items' events come as data through
/// <c>routeEvents</c>, and what xunit prints to the console is taken as the run's output lines, so that the operator's
/// console holds only the runner's live view and verdict.
/// </summary>
internal static class InProcessHost
{
    /// <summary>A host that runs <paramref name="runFacts"/> (xunit's console runner, given its arguments) here.</summary>
    /// <param name="runFacts">Runs the facts with xunit's arguments and returns xunit's exit code.</param>
    /// <param name="routeEvents">Sends the items' events to a receiver (null: back to none).</param>
    public static ChecklistHost Create(Func<string[], Task<int>> runFacts, Action<Action<RunEvent>?> routeEvents)
    {
        ArgumentNullException.ThrowIfNull(runFacts);
        ArgumentNullException.ThrowIfNull(routeEvents);
        return async (arguments, environment, listener, cancellationToken) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (name, value) in environment)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var (output, error) = (Console.Out, Console.Error);
            using var lines = new LineWriter(listener.Output);
            routeEvents(listener.Event);
            Console.SetOut(lines);
            Console.SetError(lines);
            try
            {
                return await runFacts([.. arguments]).ConfigureAwait(false);
            }
            finally
            {
                Console.SetOut(output);
                Console.SetError(error);
                routeEvents(null);
                await lines.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        };
    }

    /// <summary>A writer that hands on each whole line it is given (and the last, unfinished one when flushed).</summary>
    private sealed class LineWriter(Action<string> onLine) : TextWriter
    {
        private readonly Lock gate = new();
        private readonly StringBuilder line = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (gate)
            {
                if (value == '\n')
                {
                    Emit();
                }
                else if (value != '\r')
                {
                    line.Append(value);
                }
            }
        }

        public override void Write(string? value)
        {
            lock (gate)
            {
                foreach (var c in value ?? string.Empty)
                {
                    Write(c);
                }
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flush();
            return Task.CompletedTask;
        }

        public override void Flush()
        {
            lock (gate)
            {
                if (line.Length > 0)
                {
                    Emit();
                }
            }
        }

        private void Emit()
        {
            var text = line.ToString();
            line.Clear();
            onLine(text);
        }
    }
}
