namespace RaxxPreflight.Reporting;

/// <summary>
/// Runs the checklist's facts with xunit's <paramref name="arguments"/> and the run's extra settings
/// (<paramref name="environment"/>; a null value removes one), tells <paramref name="listener"/> of each event and
/// of every other line printed, and returns xunit's exit code.
/// </summary>
internal delegate Task<int> ChecklistHost(
    IReadOnlyList<string> arguments,
    IReadOnlyDictionary<string, string?> environment,
    ChecklistListener listener,
    CancellationToken cancellationToken
);

/// <summary>What a <see cref="ChecklistHost"/> tells of a run as it goes.</summary>
/// <param name="Event">Told of each event an item publishes, as data.</param>
/// <param name="Output">Told of each other line the run printed (xunit's own, a crash's).</param>
internal sealed record ChecklistListener(Action<RunEvent> Event, Action<string> Output)
{
    /// <summary>One line of a child's output: an event's line is told as the event, any other as output.</summary>
    public void Line(string line)
    {
        if (RunEvent.Parse(line) is { } runEvent)
        {
            Event(runEvent);
        }
        else
        {
            Output(line);
        }
    }
}
