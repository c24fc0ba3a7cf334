using RaxxPreflight.Declarations;
using RaxxPreflight.Reporting;
using RaxxPreflight.Runner;
using RaxxPreflight.World;

namespace RaxxPreflight.Checks.Session;

/// <summary>
/// The checklist app's entry point. <c>run PHASE ...</c> (what <c>run-preflight.sh</c> runs) is the operator's runner:
/// the live view, the verdict and the reports, with the facts run here, in this process. Any other arguments are
/// xunit's: its console runner (the self-tests' child runs), or Microsoft.Testing.Platform under <c>dotnet test</c>.
/// Either way the session is set up and the selected items' first reads started before xunit starts, so that the
/// network's waits overlap xunit's start.
/// </summary>
internal static class EntryPoint
{
    // The runner's verb is a constant: xunit's and MTP's runs do not load the runner at all.
    public static int Main(string[] args)
    {
        // Before xunit makes the checks' folder the current directory: PREFLIGHT_CONFIG=.config/fleet.json is the
        // operator's path, from where they ran the checklist.
        RaxxPreflight.Configuration.PreflightSettings.LaunchDirectory = Environment.CurrentDirectory;

        // A child run (the self-tests') ends with its parent, however the parent ends.
        ParentPipe.WatchIfRequested();

        // TLS's first-use cost is paid on another core while the run sets up, not on its first TLS read.
        _ = RaxxPreflight.Http.TlsWarmUp.Start();

        // The items are what this assembly's facts declare ([Item(...)]): the runner, the read-ahead and the config's
        // waivers all read that one declaration.
        ChecklistCatalog.Use(typeof(EntryPoint).Assembly);
        // What the checklist believes about each service, and the services' names (a CI matrix's input).
        if (args is [RunnerCommand.Verb, "describe", .. var describe])
        {
            var scenario = describe is ["--fakes", var name] ? name : null;
            Environment.Exit(Describe.RunAsync(scenario, RunnerCommand.Out, RunnerCommand.Error).GetAwaiter().GetResult());
        }

        if (args is [RunnerCommand.Verb, "services", .. var how])
        {
            return Describe.Services(how, RunnerCommand.Out, RunnerCommand.Error);
        }

        if (args is [RunnerCommand.Verb, ..])
        {
            var code = RunnerCommand.RunOnConsole(args, InProcessRun.RunAsync).GetAwaiter().GetResult();

            // The verdict and the reports are out. A run cut short (past its bound, or stopped) may leave an item's
            // work behind on xunit's threads: the process ends here, whatever they still wait for.
            Environment.Exit(code);
        }

        return RunFactsAsync(args).GetAwaiter().GetResult();
    }

    // xunit's own command line (the self-tests' child runs, the test app run directly) or MTP's (dotnet test): the
    // selection is read from it only to start the session's first reads early.
    private static async Task<int> RunFactsAsync(string[] args)
    {
        var start = SessionStart.Begin(null, null, ReadAhead.SelectedBy(args, ChecklistCatalog.Current));
        try
        {
            return args.Any(arg => arg is "--server" or "--internal-msbuild-node")
                ? await Xunit
                    .MicrosoftTestingPlatform.TestPlatformTestFramework.RunAsync(args, SelfRegisteredExtensions.AddSelfRegisteredExtensions)
                    .ConfigureAwait(false)
                : await Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args).ConfigureAwait(false);
        }
        finally
        {
            await start.StopUnadoptedAsync().ConfigureAwait(false);
        }
    }
}
