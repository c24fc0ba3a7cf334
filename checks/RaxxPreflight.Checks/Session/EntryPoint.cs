using RaxxPreflight.World;

namespace RaxxPreflight.Checks.Session;

/// <summary>
/// The checklist app's entry point: xunit's own (its console runner for the runner's <c>-trait</c> arguments,
/// Microsoft.Testing.Platform under <c>dotnet test</c>), after the session has been set up and the selected items'
/// first reads started, so that the network's waits overlap xunit's start.
/// </summary>
internal static class EntryPoint
{
    public static int Main(string[] args)
    {
        PreflightSession.StartEarly(ReadAhead.SelectedBy(args));
        try
        {
            return args.Any(arg => arg is "--server" or "--internal-msbuild-node")
                ? Xunit
                    .MicrosoftTestingPlatform.TestPlatformTestFramework.RunAsync(args, SelfRegisteredExtensions.AddSelfRegisteredExtensions)
                    .GetAwaiter()
                    .GetResult()
                : Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args).GetAwaiter().GetResult();
        }
        finally
        {
            PreflightSession.StopUnadoptedAsync().GetAwaiter().GetResult();
        }
    }
}
