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
    public static string Usage =>
        $"""
            usage: run-preflight.sh PHASE [--fakes SCENARIO] [--check ID]... [--report FILE.md|FILE.json]... [--junit FILE] [--trx FILE]
                   run-preflight.sh list   (the items, as a Markdown table)

              PHASE             pre-deploy  the items to check before the deploy is dispatched
                                post-deploy the smoke items to run right after it
                                all         both
              --fakes SCENARIO  run against the in-process fakes serving SCENARIO ({string.Join(", ", ScenarioNames.All)})
                                instead of the target {Settings.Target} names (live needs {Settings.HerokuApiKey}, {Settings.GitHubToken})
              --check ID        run only this item of the phase (repeatable); ids: {string.Join(", ", Checklist.Items.Select(c => c.Id))}
              --report FILE     also write the operator's report: Markdown for FILE.md, JSON for FILE.json
                                (schema: docs/report.schema.json)
              --junit FILE      also write a JUnit XML report to FILE
              --trx FILE        also write a TRX report to FILE

            Prints each item's line (pass, WARN, FAIL with its reason) the moment it finishes, what the waiting
            items wait for, then how to fix each item that did not pass. In GitHub Actions ({Settings.GitHubActions}=true)
            each failure and warning is also an annotation, and the report goes to the job's step summary.
            Exits 0 when every item passed, 1 when an item failed on what it checked, 2 on a usage mistake
            and when nothing could be checked (no target, missing credentials, a bad config).
            """;

    // The phases' command-line words come from the one map between the two (Phases.Word); "all" runs both.
    private static readonly Dictionary<string, string[]> PhaseWords = Phases
        .All.Select(p => KeyValuePair.Create(Phases.Word(p), new[] { p }))
        .Append(KeyValuePair.Create("all", Phases.All))
        .ToDictionary(StringComparer.Ordinal);

    // The options that take a value, and what the value is.
    private static readonly Dictionary<string, string> OptionValues = new(StringComparer.Ordinal)
    {
        ["--fakes"] = $"a scenario: {string.Join(", ", ScenarioNames.All)}",
        ["--check"] = "an item's id: {ids}",
        ["--report"] = "a file: FILE.md or FILE.json",
        ["--junit"] = "a file to write the JUnit XML report to",
        ["--trx"] = "a file to write the TRX report to",
    };

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

        string? phase = null;
        string? scenario = null;
        var needsDatabase = false;
        string? trx = null;
        string? junit = null;
        var reports = new List<string>();
        var items = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            // An option's value is the next argument, unless that is missing or is another option.
            string? Value() => i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            var argument = args[i];
            var needs = OptionValues
                .GetValueOrDefault(argument)
                ?.Replace("{ids}", string.Join(", ", Checklist.Items.Select(c => c.Id)), StringComparison.Ordinal);
            if (needs is not null)
            {
                if (Value() is not { } value)
                {
                    return await UsageErrorAsync(error, $"{argument} needs {needs}").ConfigureAwait(false);
                }

                switch (argument)
                {
                    case "--fakes":
                        scenario = value;
                        break;
                    case "--trx":
                        trx = value;
                        break;
                    case "--junit":
                        junit = value;
                        break;
                    case "--report":
                        reports.Add(value);
                        break;
                    case "--check":
                        items.Add(value);
                        break;
                    default:
                        throw new System.Diagnostics.UnreachableException($"{argument} is in {nameof(OptionValues)} but not read");
                }

                continue;
            }

            switch (argument)
            {
                case "-h" or "--help":
                    await output.WriteLineAsync(Usage).ConfigureAwait(false);
                    return 0;
                case "--needs-database":
                    needsDatabase = true;
                    break;
                case var word when phase is null && PhaseWords.ContainsKey(word):
                    phase = word;
                    break;
                case var word when PhaseWords.ContainsKey(word):
                    return await UsageErrorAsync(error, $"name one phase, not '{phase}' and '{word}' (all runs both)")
                        .ConfigureAwait(false);
                default:
                    return await UsageErrorAsync(error, $"unexpected argument '{argument}'").ConfigureAwait(false);
            }
        }

        if (phase is null)
        {
            return await UsageErrorAsync(error, "name a phase").ConfigureAwait(false);
        }

        if (scenario is not null && !ScenarioNames.All.Contains(scenario, StringComparer.Ordinal))
        {
            return await UsageErrorAsync(
                    error,
                    $"no scenario is named '{scenario}'; the scenarios are {string.Join(", ", ScenarioNames.All)}"
                )
                .ConfigureAwait(false);
        }

        foreach (var item in items)
        {
            var known = Checklist.Find(item);
            if (known is null)
            {
                return await UsageErrorAsync(
                        error,
                        $"no checklist item is named '{item}'; the items are {string.Join(", ", Checklist.Items.Select(c => c.Id))}"
                    )
                    .ConfigureAwait(false);
            }

            if (!PhaseWords[phase].Contains(known.PhaseName, StringComparer.Ordinal))
            {
                return await UsageErrorAsync(error, $"'{item}' is a {Phases.Word(known.PhaseName)} item, not a {phase} one")
                    .ConfigureAwait(false);
            }
        }

        foreach (
            var report in reports.Where(r =>
                !r.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !r.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            )
        )
        {
            return await UsageErrorAsync(error, $"--report {report}: name a .md (Markdown) or .json file").ConfigureAwait(false);
        }

        // Asked by run-preflight.sh before it sets up a Docker engine for the fakes' databases: whether any selected
        // item reads a database. Says yes or no and runs nothing.
        var selection = new Selection(PhaseWords[phase], items);
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

        var request = new ChecklistRequest(selection, scenario, trx);
        var target = request.Target ?? settings?.Target ?? "(no target)";
        var bound = RunBound.For(selection, target.StartsWith("fakes:", StringComparison.Ordinal), ReadConfig(settings), settings);
        var progress = new Progress(output, terminal, TimeProvider.System);
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

    // The run's bound comes from the config's timeouts; a config that cannot be read fails every item on its own.
    private static PreflightConfig? ReadConfig(PreflightSettings? settings)
    {
        try
        {
            return settings is null ? null : PreflightConfigLoader.Load(settings.ConfigFile(AppContext.BaseDirectory), Checklist);
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
