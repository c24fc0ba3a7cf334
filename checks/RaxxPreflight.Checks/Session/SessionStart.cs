using RaxxPreflight.Declarations;
using RaxxPreflight.World;

namespace RaxxPreflight.Checks.Session;

/// <summary>
/// What the process that starts xunit hands the run's session, as an object: the target it names (the operator's
/// <c>--fakes SCENARIO</c>), where the items' events go, and the session already set up with the selected items' first
/// reads under way. It travels with the run's own flow (an <see cref="AsyncLocal{T}"/>, set where xunit is started),
/// so two runs in one process never see each other's, and nothing is written to the process's variables.
/// </summary>
internal sealed class SessionStart
{
    private static readonly AsyncLocal<SessionStart?> Current = new();
    private readonly Task<PreflightSession.Started>? early;
    private int adopted;

    private SessionStart(string? target, Action<RunEvent>? events, IReadOnlyList<ChecklistItem> readAhead, CancellationToken stopping)
    {
        Target = target;
        Events = events;
        Stopping = stopping;
        if (readAhead.Count > 0 && RaxxPreflight.Configuration.PreflightSettings.ReadAheadRequested())
        {
            early = Task.Run(async () =>
            {
                var run = await PreflightSession.StartAsync(target, stopping).ConfigureAwait(false);
                if (run.Fleet is { } fleet)
                {
                    foreach (var service in fleet.Description.Services.Where(s => s.Error is null))
                    {
                        ReadAhead.Start(fleet, service.Name, readAhead);
                    }
                }

                return run;
            });
        }
    }

    /// <summary>The target the starter names (<c>fakes:SCENARIO</c>), overriding <c>PREFLIGHT_TARGET</c>; null for that one.</summary>
    public string? Target { get; }

    /// <summary>Where the items' events go as data (the runner in this process); null for where <c>PREFLIGHT_EVENTS</c> says.</summary>
    public Action<RunEvent>? Events { get; }

    /// <summary>Stops the run's reads and waits: the operator's run was stopped, or passed its bound.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>The start of the run in this flow, if its starter made one.</summary>
    public static SessionStart? Here => Current.Value;

    /// <summary>
    /// Makes the run's start here, for the xunit run about to begin in this flow, and starts setting the session up with
    /// the first reads of <paramref name="readAhead"/> (<see cref="ReadAhead"/>) while xunit finds the items. Nothing
    /// starts early when no item is known or <c>PREFLIGHT_READ_AHEAD=off</c>.
    /// </summary>
    public static SessionStart Begin(
        string? target,
        Action<RunEvent>? events,
        IReadOnlyList<ChecklistItem> readAhead,
        CancellationToken stopping = default
    )
    {
        var start = new SessionStart(target, events, readAhead, stopping);
        Current.Value = start;
        return start;
    }

    /// <summary>The session set up early, taken over once (by the session xunit makes); null when none was or it was taken.</summary>
    public Task<PreflightSession.Started>? Adopt() => early is not null && Interlocked.Exchange(ref adopted, 1) == 0 ? early : null;

    /// <summary>Ends an early start that no session took over (the selection matched no item): stops its fakes.</summary>
    public async Task StopUnadoptedAsync()
    {
        if (Adopt() is { } run)
        {
            // A start that failed has nothing to stop: the items that would have told of it did not run.
            var started = await run.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default)
                .ConfigureAwait(false);
            if (started is not null)
            {
                await started.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
