using System.Diagnostics;
using RaxxPreflight.Reporting;

namespace RaxxPreflight.Tests.Support;

/// <summary>Runs the real checklist assembly in its own process, with a clean environment plus what a test sets.</summary>
internal static class Checklist
{
    public static Task<ChecklistOutcome> RunAsync(string phase, IReadOnlyDictionary<string, string> environment) =>
        RunAsync(Selection.Of(phase), environment, null);

    public static Task<ChecklistOutcome> RunAsync(
        Selection selection,
        IReadOnlyDictionary<string, string> environment,
        Action<RunEvent>? onEvent
    ) =>
        ChecklistRun.RunAsync(
            ChecklistRun.ChildProcess(Repo.ChecksAssembly, Clean(environment)),
            new ChecklistRequest(selection),
            onEvent,
            null,
            TimeProvider.System,
            TestContext.Current.CancellationToken
        );

    /// <summary>A child run's settings: every setting the run reads cleared, then set only as the test says.</summary>
    public static Dictionary<string, string?> Clean(IReadOnlyDictionary<string, string> environment)
    {
        var clean = Settings.All.ToDictionary(v => v, v => environment.GetValueOrDefault(v), StringComparer.Ordinal);

        // Every run's fake databases go on the run's one shared server, unless a test says otherwise.
        if (!environment.ContainsKey(Settings.FakesPostgres) && SharedPostgres.ConnectionString is { } shared)
        {
            clean[Settings.FakesPostgres] = shared;
        }

        foreach (var (name, value) in environment.Where(e => !clean.ContainsKey(e.Key)))
        {
            clean[name] = value;
        }

        return clean;
    }

    /// <summary>
    /// The checklist app as run-preflight.sh starts it (<c>RaxxPreflight.Checks run ...</c>: the runner and the items in
    /// one process), its output redirected, with none of the run's settings but <paramref name="environment"/>'s, started
    /// in <paramref name="workingDirectory"/> (the test's own when null).
    /// </summary>
    public static Process StartApp(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null
    )
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,

            // As the runner's child runs: the app ends with this process, however it ends (PREFLIGHT_PARENT_PIPE).
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        start.ArgumentList.Add(Repo.ChecksAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in Settings.All)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.Environment[Settings.ParentPipe] = "stdin";

        return Process.Start(start)!;
    }

    public static Task<ChecklistOutcome> RunFakesAsync(
        string phase,
        string scenario,
        double settleSeconds = 2,
        double intervalSeconds = 0.25,
        Action<RunEvent>? onEvent = null,
        params string[] checkIds
    ) =>
        RunAsync(
            new Selection([phase], checkIds),
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [Settings.Target] = $"fakes:{scenario}",
                [Settings.SettleTimeout] = settleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [Settings.PollInterval] = intervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            onEvent
        );
}
