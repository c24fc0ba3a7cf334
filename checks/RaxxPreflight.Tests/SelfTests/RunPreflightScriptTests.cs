using System.Diagnostics;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>run-preflight.sh itself, as operators, the benchmark and CI call it.</summary>
public class RunPreflightScriptTests
{
    /// <summary>
    /// A caller that started the Docker engine (run-tests.sh) exports RAXX_PREFLIGHT_STARTED_DOCKERD; the script must
    /// not take that for its own engine and stop it when it ends. It did once: the benchmark, run after the tests, lost
    /// the engine under its database fakes after its first run and crashed removing their container (CI exit 134).
    /// </summary>
    [Fact]
    public async Task A_run_never_stops_a_Docker_engine_its_caller_started()
    {
        SkipUnlessPublished();

        // The caller's engine, as .ci/docker.sh stop would find it: a pid file under TMPDIR naming a live process.
        var temp = Directory.CreateTempSubdirectory("raxx-preflight-script-");
        using var engine = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        try
        {
            var state = Directory.CreateDirectory(Path.Combine(temp.FullName, "raxx-preflight-dockerd"));
            await File.WriteAllTextAsync(
                Path.Combine(state.FullName, "dockerd.pid"),
                engine.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                TestContext.Current.CancellationToken
            );

            var (code, output, error) = await RunAsync(
                new Dictionary<string, string> { ["TMPDIR"] = temp.FullName, ["RAXX_PREFLIGHT_STARTED_DOCKERD"] = "1" },
                "pre-deploy",
                "--fakes",
                ScenarioNames.Ready,
                "--check",
                CheckIds.StripeKeysLive
            );

            code.ShouldBe(0, output + error);
            error.ShouldNotContain("stopping dockerd");
            engine.HasExited.ShouldBeFalse("run-preflight.sh stopped an engine it had not started");
            File.Exists(Path.Combine(state.FullName, "dockerd.pid")).ShouldBeTrue();
        }
        finally
        {
            engine.Kill();
            temp.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The fleet-* worlds serve four services, and the default config describes the queue alone: unless
    /// PREFLIGHT_CONFIG names one, the script checks them with the fleet's config and says so.
    /// </summary>
    [Fact]
    public async Task A_fleet_world_is_checked_with_the_fleets_config_unless_one_is_named()
    {
        SkipUnlessPublished();

        var (code, output, error) = await RunAsync([], "describe", "--fakes", ScenarioNames.FleetClear);

        code.ShouldBe(0, output + error);
        error.ShouldContain("fleet-clear serves Raxx's four services: checked with .config/fleet.json");
        foreach (var service in new[] { "raxx-api", "raxx-console", "raxx-queue", "raxx-velvet" })
        {
            output.ShouldContain($"// {service}: apps.prod = {service}-prod", Case.Sensitive, output);
        }

        var (namedCode, named, namedError) = await RunAsync(
            new Dictionary<string, string> { [Settings.Config] = Path.Combine(Repo.Root, ".config", "preflight.json") },
            "describe",
            "--fakes",
            ScenarioNames.FleetClear
        );

        namedCode.ShouldBe(0, named + namedError);
        namedError.ShouldNotContain("fleet.json");
        named.ShouldNotContain("raxx-api", Case.Sensitive, "the config named describes the queue alone");
    }

    private static void SkipUnlessPublished()
    {
        var published = Path.Combine(Repo.Root, "artifacts", "preflight", "checks", "RaxxPreflight.Checks.dll");
        Assert.SkipUnless(
            string.Equals(Path.GetFullPath(Repo.ChecksAssembly), published, StringComparison.Ordinal),
            $"run-preflight.sh's app is not the one under test ({Repo.ChecksAppVariable} unset): run-tests.sh publishes it first"
        );
    }

    // run-preflight.sh with these arguments, none of the run's settings but those given.
    private static async Task<(int Code, string Output, string Error)> RunAsync(
        Dictionary<string, string> environment,
        params string[] arguments
    )
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Repo.Root, "run-preflight.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in Settings.All)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var run = Process.Start(start)!;
        var output = run.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = run.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await run.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (run.ExitCode, await output, await error);
    }
}
