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
        var published = Path.Combine(Repo.Root, "artifacts", "preflight", "checks", "RaxxPreflight.Checks.dll");
        Assert.SkipUnless(
            string.Equals(Path.GetFullPath(Repo.ChecksAssembly), published, StringComparison.Ordinal),
            $"run-preflight.sh's app is not the one under test ({Repo.ChecksAppVariable} unset): run-tests.sh publishes it first"
        );

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

            var start = new ProcessStartInfo("bash")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (
                var argument in new[]
                {
                    Path.Combine(Repo.Root, "run-preflight.sh"),
                    "pre-deploy",
                    "--fakes",
                    ScenarioNames.Ready,
                    "--check",
                    CheckIds.StripeKeysLive,
                }
            )
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var name in Settings.All)
            {
                start.Environment.Remove(name);
            }

            start.Environment["TMPDIR"] = temp.FullName;
            start.Environment["RAXX_PREFLIGHT_STARTED_DOCKERD"] = "1";
            using var run = Process.Start(start)!;
            var output = run.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = run.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await run.WaitForExitAsync(TestContext.Current.CancellationToken);

            run.ExitCode.ShouldBe(0, await output + await error);
            (await error).ShouldNotContain("stopping dockerd");
            engine.HasExited.ShouldBeFalse("run-preflight.sh stopped an engine it had not started");
            File.Exists(Path.Combine(state.FullName, "dockerd.pid")).ShouldBeTrue();
        }
        finally
        {
            engine.Kill();
            temp.Delete(recursive: true);
        }
    }
}
