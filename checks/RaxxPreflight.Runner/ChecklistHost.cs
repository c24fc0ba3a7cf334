namespace RaxxPreflight.Reporting;

/// <summary>
/// Runs the checklist's facts that <paramref name="request"/> selects, tells <paramref name="listener"/> of each event
/// and of what xunit ran, and returns xunit's exit code (0 when every test it ran passed). Cancelling
/// <paramref name="cancellationToken"/> asks the run to stop.
/// </summary>
internal delegate Task<int> ChecklistHost(ChecklistRequest request, ChecklistListener listener, CancellationToken cancellationToken);

/// <summary>What a <see cref="ChecklistHost"/> tells of a run as it goes.</summary>
/// <param name="Event">Told of each event an item publishes, as data.</param>
/// <param name="Output">Told of each other line the run printed (a child process's, a crash's).</param>
/// <param name="Ran">Told of each test xunit ran, with xunit's own result.</param>
/// <param name="Report">Told of xunit's XML report, where a child process wrote one.</param>
internal sealed record ChecklistListener(Action<RunEvent> Event, Action<string> Output, Action<TestRan> Ran, Action<string> Report)
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

/// <summary>A test xunit ran, as xunit saw it: whether or not the item behind it left a result of its own.</summary>
/// <param name="CheckId">Its <c>Check</c> trait, or its name when it has none.</param>
/// <param name="Phase">Its <c>Phase</c> trait, if any.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Result">xunit's result: Pass, Fail, Skip, NotRun.</param>
internal sealed record TestRan(string CheckId, string? Phase, string Name, string Result)
{
    /// <summary>The service the test case checked (its Service trait), when it has one.</summary>
    public string? Service { get; init; }

    /// <summary>The key its result has: <see cref="CheckResult.KeyOf"/>.</summary>
    public string Key => CheckResult.KeyOf(Service, CheckId);
}
