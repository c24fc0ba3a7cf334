using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>
/// A run always ends. The operator's run (<c>RaxxPreflight.Checks run ...</c>) once hung for ever in about one run of
/// four when every item failed at once (a deploy description it rejects, apps without databases): the items' results
/// and xunit's own console lines met in two locks taken in opposite orders. These runs repeat that shape many times;
/// none is timed: a run that ends passes, however slowly, and one that never ends is killed and named.
/// </summary>
public class RunsAlwaysEndTests
{
    // Far beyond any run here (each ends in about a second); only a run that never ends reaches it.
    private static readonly TimeSpan NeverEnds = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Twenty_runs_that_fail_every_item_at_once_all_end_with_their_verdict()
    {
        var config = Configs.Write(c => c.Remove("environments"));
        try
        {
            for (var run = 1; run <= 20; run++)
            {
                var (code, output) = await RunToTheEndAsync(
                    config,
                    $"run {run} of 20",
                    "run",
                    "pre-deploy",
                    "--fakes",
                    ScenarioNames.Ready
                );

                code.ShouldBe(2, output);
                output.ShouldContain("0 passed, 13 failed (13 could not be checked)", Case.Sensitive, output);

                // Each item said why on its own: none was cut off by the run's bound.
                output.ShouldNotContain("did not finish", Case.Sensitive, output);
            }
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task A_run_stopped_by_SIGTERM_reports_what_had_not_finished_writes_its_report_and_exits_143()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "SIGTERM is sent with kill(1)");

        // Every API accepts the connection and never answers: each item waits on its first read.
        using var silent = new SilentApis();
        var report = Path.Combine(Path.GetTempPath(), $"raxx-preflight-stopped-{Guid.NewGuid():N}.json");

        // The item's read may wait ten minutes: only the signal ends this run, however slow the machine.
        var config = Configs.Write(c => c["api"] = new JsonObject { ["timeoutSeconds"] = 600 });
        using var process = Checklist.StartApp(
            ["run", "pre-deploy", "--check", CheckIds.StripeKeysLive, "--report", report],
            silent.Settings(config)
        );
        try
        {
            // The heartbeat's line says the item is running (after five quiet seconds): then it is stopped.
            var lines = new List<string>();
            while (await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
            {
                lines.Add(line);
                if (line.StartsWith("running: ", StringComparison.Ordinal))
                {
                    break;
                }
            }

            lines.ShouldContain(l => l.StartsWith("running: ", StringComparison.Ordinal), string.Join('\n', lines));
            using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            var rest = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            process.ExitCode.ShouldBe(143, rest);
            rest.ShouldContain(
                $"FAIL  {CheckIds.StripeKeysLive.PadRight(ChecklistOutcome.IdWidth)}  Prod's Stripe keys are live",
                Case.Sensitive,
                rest
            );
            rest.ShouldContain(
                "not checked: did not finish: the run was stopped: it had started and left no result yet",
                Case.Sensitive,
                rest
            );
            rest.ShouldContain("The run ended before its items did: did not finish: the run was stopped.", Case.Sensitive, rest);
            using var json = System.Text.Json.JsonDocument.Parse(
                await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken)
            );
            json.RootElement.GetProperty("items")[0].GetProperty("status").GetString().ShouldBe("not-checked");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            File.Delete(report);
            File.Delete(config);
        }
    }

    [Fact]
    public async Task A_child_run_ends_when_its_parent_goes_away()
    {
        // The self-tests' child runs, as the runner starts them: a test host killed hard once left one running, waiting
        // on its fakes. The child's item waits on a read that may take ten minutes; then the parent's end of the pipe on
        // the child's standard input closes, as the kernel closes it when a parent dies.
        using var silent = new SilentApis();
        var config = Configs.Write(c => c["api"] = new JsonObject { ["timeoutSeconds"] = 600 });
        var report = Path.Combine(Path.GetTempPath(), $"raxx-preflight-orphan-{Guid.NewGuid():N}.xml");
        var start = ChecklistRun.ChildStart(
            Repo.ChecksAssembly,
            Checklist.Clean(silent.Settings(config)),
            new ChecklistRequest(new Selection([], [CheckIds.StripeKeysLive])),
            report
        );
        using var child = Process.Start(start)!;
        try
        {
            var output = child.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var seen = new List<string>();
            var started = false;
            while (!started && await child.StandardError.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
            {
                seen.Add(line);
                started = RunEvent.Parse(line) is { Kind: RunEvent.Started };
            }

            started.ShouldBeTrue($"the item never started:\n{string.Join('\n', seen)}");
            child.StandardInput.Close();

            var rest = child.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await EndsAsync(
                child,
                async () => $"the child run outlived its parent's end of the pipe; it printed:\n{await output}{await rest}"
            );
            child.ExitCode.ShouldBe(143, $"{await output}{await rest}");
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }

            File.Delete(report);
            File.Delete(config);
        }
    }

    /// <summary>APIs that accept every connection and never answer: an item reading them waits its bound out.</summary>
    private sealed class SilentApis : IDisposable
    {
        private readonly System.Net.Sockets.TcpListener listener = new(System.Net.IPAddress.Loopback, 0);
        private readonly List<System.Net.Sockets.TcpClient> held = [];
        private readonly CancellationTokenSource stopping = new();

        public SilentApis()
        {
            listener.Start();
            _ = Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        var client = await listener.AcceptTcpClientAsync(stopping.Token);
                        lock (held)
                        {
                            held.Add(client);
                        }
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or System.Net.Sockets.SocketException or ObjectDisposedException)
                {
                    // Stopped.
                }
            });
        }

        private string Url => $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/";

        /// <summary>A live run's settings with every API here, credentials that are no one's, and <paramref name="config"/>.</summary>
        public Dictionary<string, string> Settings(string config) =>
            new()
            {
                [RaxxPreflight.Settings.Target] = "live",
                [RaxxPreflight.Settings.HerokuApiKey] = "HRKU-not-a-real-key",
                [RaxxPreflight.Settings.GitHubToken] = "not-a-real-token",
                [RaxxPreflight.Settings.HerokuApiUrl] = Url,
                [RaxxPreflight.Settings.GitHubApiUrl] = Url,
                [RaxxPreflight.Settings.StripeApiUrl] = Url,
                [RaxxPreflight.Settings.Config] = config,
            };

        public void Dispose()
        {
            stopping.Cancel();
            listener.Stop();
            lock (held)
            {
                held.ForEach(c => c.Dispose());
            }

            stopping.Dispose();
        }
    }

    private static async Task<(int Code, string Output)> RunToTheEndAsync(string config, string which, params string[] arguments)
    {
        using var process = Checklist.StartApp(arguments, new Dictionary<string, string> { [Settings.Config] = config });
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await EndsAsync(process, async () => $"{which} never ended; it printed:\n{await output}{await error}");
        return (process.ExitCode, await output + await error);
    }

    // Waits for the process to end, however slowly; one still running after NeverEnds is killed, and the test fails
    // with what it printed.
    private static async Task EndsAsync(Process process, Func<Task<string>> neverEnded)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(NeverEnds);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            throw new ShouldAssertException(await neverEnded());
        }
    }
}
