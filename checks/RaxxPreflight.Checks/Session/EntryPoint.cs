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
        // TLS's first-use cost is paid on another core while the run sets up, not on its first TLS read.
        _ = RaxxPreflight.Http.TlsWarmUp.Start();
        return (args is [RunnerCommand.Verb, ..] ? RunOperatorsRunner(args) : RunFactsAsync(args)).GetAwaiter().GetResult();
    }

    private static Task<int> RunOperatorsRunner(string[] args) =>
        RunnerCommand.RunOnConsole(args, InProcessHost.Create(RunFactsAsync, PreflightSession.RouteEvents))
        ?? throw new InvalidOperationException("the runner did not take its own arguments");

    private static async Task<int> RunFactsAsync(string[] args)
    {
        PreflightSession.StartEarly(ReadAhead.SelectedBy(args));
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
            await PreflightSession.StopUnadoptedAsync().ConfigureAwait(false);
        }
    }
}
