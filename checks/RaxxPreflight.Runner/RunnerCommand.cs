using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text;
using RaxxPreflight.Configuration;
using RaxxPreflight.Declarations;
using RaxxPreflight.Reporting;

namespace RaxxPreflight.Runner;

/// <summary>
/// <c>RaxxPreflight.Checks run (pre-deploy|post-deploy|all) [--fakes SCENARIO] [--check ID]... [--report FILE]...</c>
/// (what <c>run-preflight.sh</c> runs): runs the items through a <see cref="ChecklistHost"/>, prints each item's line as
/// it finishes, then the verdict. Exit 0 only when every item ran and passed; 1 when any failed; 2 for a usage
/// mistake and when nothing could be checked.
/// </summary>
internal static class RunnerCommand
{
    /// <summary>The usage, as <c>--help</c> prints it: generated from the options' declaration (<see cref="RunnerOptions"/>).</summary>
    public static string Usage
    {
        get
        {
            using var help = new StringWriter();
            new RunnerOptions(Checklist).Command.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = help });
            return $"{help.ToString().TrimEnd()}\n\n{RunnerOptions.Epilogue}";
        }
    }

    private static ChecklistCatalog Checklist => ChecklistCatalog.Current;

    /// <summary>The word that starts the runner's arguments to the checklist app (any other are xunit's).</summary>
    public const string Verb = "run";

    /// <summary>
    /// Runs <c>RaxxPreflight.Checks run ARGS</c> on this process's console, the facts in this process
    /// (<paramref name="host"/>); null when <paramref name="args"/> are not the runner's (xunit's own arguments).
    /// </summary>
    public static async Task<int> RunOnConsole(string[] args, ChecklistHost host)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is not [Verb, .. var rest])
        {
            throw new ArgumentException($"the runner's arguments start with '{Verb}'", nameof(args));
        }

        // Ctrl+C and SIGTERM (run-preflight.sh passes its own on) stop the run: what has not finished is reported
        // not checked, the reports are written, and the process exits 128 + the signal's number.
        using var stop = new CancellationTokenSource();
        var signal = 0;
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            Interlocked.CompareExchange(ref signal, context.Signal == PosixSignal.SIGINT ? 2 : 15, 0);
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var code = await RunAsync(rest, Console.Out, Console.Error, terminal: !Console.IsOutputRedirected, host, stop.Token)
            .ConfigureAwait(false);
        return Volatile.Read(ref signal) is var stoppedBy and > 0 ? 128 + stoppedBy : code;
    }

    /// <summary>The console's output, for the app's other verbs (describe, services): the checks' own code never writes to it.</summary>
    public static TextWriter Out => Console.Out;

    /// <summary>The console's error stream, for the app's other verbs.</summary>
    public static TextWriter Error => Console.Error;

    public static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        bool terminal,
        ChecklistHost host,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(host);
        if (args is ["list"])
        {
            await output.WriteAsync(ChecklistTable.Markdown(Checklist)).ConfigureAwait(false);
            return 0;
        }

        var options = new RunnerOptions(Checklist);
        var parsed = options.Command.Parse(args);

        // The help option is the declaration's own (-h, --help, -?), whatever else the line holds.
        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }

        if (parsed.Errors is [var mistake, ..])
        {
            return await UsageErrorAsync(error, mistake.Message).ConfigureAwait(false);
        }

        var phase = parsed.GetValue(options.Phase)![0];
        var scenario = parsed.GetValue(options.Fakes);
        var items = parsed.GetValue(options.Check) ?? [];
        var reports = parsed.GetValue(options.Report) ?? [];
        var junit = parsed.GetValue(options.JUnit);
        var trx = parsed.GetValue(options.Trx);
        var needsDatabase = parsed.GetValue(options.NeedsDatabase);
        var services = parsed.GetValue(options.Service) ?? [];

        // Asked by run-preflight.sh before it sets up a Docker engine for the fakes' databases: whether any selected
        // item reads a database. Says yes or no and runs nothing.
        var selection = new Selection(RunnerOptions.PhaseWords[phase], items) { Services = [.. services.Distinct(StringComparer.Ordinal)] };
        if (needsDatabase)
        {
            await output
                .WriteLineAsync(selection.ExpectedIds.Any(id => Checklist.Find(id) is { ReadsDatabase: true }) ? "yes" : "no")
                .ConfigureAwait(false);
            return 0;
        }

        PreflightSettings? settings;
        try
        {
            settings = PreflightSettings.FromProcess();
        }
        catch (PreflightConfigException)
        {
            // The checklist itself fails every item with this line; here it only means no GitHub reporting.
            settings = null;
        }

        var description = ReadDescription(settings);
        var known = description?.Names ?? [];
        if (known.Count > 0 && services.FirstOrDefault(s => !known.Contains(s, StringComparer.Ordinal)) is { } unknown)
        {
            return await UsageErrorAsync(error, $"no service is named '{unknown}'; the config describes {string.Join(", ", known)}")
                .ConfigureAwait(false);
        }

        var request = new ChecklistRequest(selection, scenario, trx) { Services = known };
        var target = request.Target ?? settings?.Target ?? "(no target)";
        var config = description?.Services.FirstOrDefault(s => s.Error is null)?.Config;
        var bound = RunBound.For(selection, target.StartsWith("fakes:", StringComparison.Ordinal), config, settings);
        var progress = new Progress(output, terminal, TimeProvider.System, selection.Services.Count > 0 ? selection.Services : known);
        using var heartbeat = new CancellationTokenSource();
        var beating = progress.HeartbeatAsync(heartbeat.Token);
        ChecklistOutcome outcome;
        try
        {
            outcome = await ChecklistRun
                .RunAsync(host, request, progress.On, bound, TimeProvider.System, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            await heartbeat.CancelAsync().ConfigureAwait(false);
            await beating.ConfigureAwait(false);
            progress.Finish();
        }

        await output.WriteAsync(outcome.Tail()).ConfigureAwait(false);
        foreach (var report in reports)
        {
            var text = report.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? OperatorReport.Json(outcome, target)
                : OperatorReport.Markdown(outcome, target);
            await File.WriteAllTextAsync(report, text, new UTF8Encoding(false), CancellationToken.None).ConfigureAwait(false);
        }

        if (junit is not null)
        {
            JUnitReport.Build(outcome).Save(junit);
        }

        if (settings is { InGitHubActions: true })
        {
            foreach (var annotation in GitHubActionsReport.Annotations(outcome))
            {
                await output.WriteLineAsync(annotation).ConfigureAwait(false);
            }

            if (settings.GitHubStepSummary is { } summary)
            {
                await File.AppendAllTextAsync(summary, OperatorReport.Markdown(outcome, target), CancellationToken.None)
                    .ConfigureAwait(false);
            }
        }

        return outcome.RunExitCode;
    }

    // The services, and the run's bound from the config's timeouts; a config that cannot be read fails every item on its own.
    internal static DeployDescription? ReadDescription(PreflightSettings? settings)
    {
        try
        {
            return settings is null
                ? null
                : PreflightConfigLoader.LoadDescription(settings.ConfigFile(AppContext.BaseDirectory), Checklist);
        }
        catch (PreflightConfigException)
        {
            return null;
        }
    }

    private static async Task<int> UsageErrorAsync(TextWriter error, string problem)
    {
        await error.WriteLineAsync($"run-preflight: {problem}\n\n{Usage}").ConfigureAwait(false);
        return 2;
    }
}
