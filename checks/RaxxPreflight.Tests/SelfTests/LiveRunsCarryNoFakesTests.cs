using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>A live run carries no fakes: the checklist's process loads neither them nor WireMock.Net nor Testcontainers.</summary>
public class LiveRunsCarryNoFakesTests
{
    private const string Marker = "RAXX_PREFLIGHT_TEST_MARKER";

    [Fact]
    public async Task A_live_run_loads_neither_the_fakes_nor_WireMock_nor_Testcontainers()
    {
        // The fakes run here, in the test's process; the checklist runs live against them in its own, still running
        // when it is looked at (at its item's start), however busy the machine is.
        using var fakes = SlowFakes();
        var marker = Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string>(fakes.Variables, StringComparer.Ordinal) { [Marker] = marker };
        IReadOnlyList<string>? loaded = null;

        var outcome = await Checklist.RunAsync(
            new Selection([Phases.PreDeploy], [CheckIds.ProdConfigVarsPresent]),
            environment,
            e => loaded ??= e.Kind == RunEvent.Started ? MarkedProcessAssemblies(marker) : null
        );

        outcome.FailedIds.ShouldBeEmpty(outcome.Render());
        loaded.ShouldNotBeNull("the checklist's process was not found while its item ran");
        loaded.ShouldContain("RaxxPreflight.Core.dll", "not the checklist's process, or not looked at while it ran");
        ShouldLoadNoFakes(loaded);
    }

    [Fact]
    public async Task The_operators_live_run_loads_neither_the_fakes_nor_WireMock_nor_Testcontainers()
    {
        // run-preflight.sh's path: the runner and the items in the checklist app's one process, looked at again and
        // again while it reads.
        using var fakes = SlowFakes();
        using var process = Checklist.StartApp(["run", "pre-deploy", "--check", CheckIds.ProdConfigVarsPresent], fakes.Variables);
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var loaded = new HashSet<string>(StringComparer.Ordinal);
        while (!process.HasExited)
        {
            try
            {
                loaded.UnionWith(MappedAssemblies($"/proc/{process.Id}"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // It ended between the look at HasExited and this one.
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, await output + await error);
        loaded.ShouldContain("RaxxPreflight.Runner.dll", "not looked at while the runner and the items ran");
        loaded.ShouldContain("RaxxPreflight.Core.dll");
        ShouldLoadNoFakes(loaded);
    }

    // The fakes of `ready`, every answer a second late, so that a live run against them is still running when it is
    // looked at; only on Linux, whose /proc the facts read a process's mapped files from.
    private static FakeWorld SlowFakes()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("reads the checklist process's mapped files from /proc, which only Linux has");
        }

        var fakes = FakeWorld.Start(ScenarioCatalog.Get(ScenarioNames.Ready));
        fakes.AddLatency(TimeSpan.FromSeconds(1));
        return fakes;
    }

    private static void ShouldLoadNoFakes(IReadOnlyCollection<string> loaded) =>
        loaded.ShouldNotContain(
            name =>
                name.StartsWith("WireMock", StringComparison.Ordinal)
                || name.StartsWith("Testcontainers", StringComparison.Ordinal)
                || name.StartsWith("Docker.DotNet", StringComparison.Ordinal)
                || name == "RaxxPreflight.Fakes.dll",
            string.Join(", ", loaded)
        );

    // The assemblies the process of a /proc directory has mapped.
    private static IReadOnlyList<string> MappedAssemblies(string directory) =>
        [
            .. File.ReadAllLines(Path.Combine(directory, "maps"))
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(fields => fields.Length >= 6 && fields[5].EndsWith(".dll", StringComparison.Ordinal))
                .Select(fields => Path.GetFileName(fields[5]))
                .Distinct(StringComparer.Ordinal),
        ];

    // The assemblies mapped by the process whose environment holds the marker.
    private static IReadOnlyList<string>? MarkedProcessAssemblies(string marker)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out _))
            {
                continue;
            }

            try
            {
                if (!File.ReadAllText(Path.Combine(directory, "environ")).Contains($"{Marker}={marker}", StringComparison.Ordinal))
                {
                    continue;
                }

                return MappedAssemblies(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A process that ended, or is not ours to read.
            }
        }

        return null;
    }
}
