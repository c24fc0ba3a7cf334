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
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<System.Net.Sockets.TcpClient>();
        _ = Task.Run(
            async () =>
            {
                while (true)
                {
                    var client = await silent.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
                    lock (held)
                    {
                        held.Add(client);
                    }
                }
            },
            TestContext.Current.CancellationToken
        );
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}/";
        var report = Path.Combine(Path.GetTempPath(), $"raxx-preflight-stopped-{Guid.NewGuid():N}.json");

        // The item's read may wait ten minutes: only the signal ends this run, however slow the machine.
        var config = Configs.Write(c => c["api"] = new JsonObject { ["timeoutSeconds"] = 600 });
        using var process = Checklist.StartApp(
            ["run", "pre-deploy", "--check", CheckIds.StripeKeysLive, "--report", report],
            new Dictionary<string, string>
            {
                [Settings.Target] = "live",
                [Settings.HerokuApiKey] = "HRKU-not-a-real-key",
                [Settings.GitHubToken] = "not-a-real-token",
                [Settings.HerokuApiUrl] = url,
                [Settings.GitHubApiUrl] = url,
                [Settings.StripeApiUrl] = url,
                [Settings.Config] = config,
            }
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

            silent.Stop();
            lock (held)
            {
                held.ForEach(c => c.Dispose());
            }
            File.Delete(report);
            File.Delete(config);
        }
    }

    private static async Task<(int Code, string Output)> RunToTheEndAsync(string config, string which, params string[] arguments)
    {
        using var process = Checklist.StartApp(arguments, new Dictionary<string, string> { [Settings.Config] = config });
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
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
            throw new ShouldAssertException($"{which} never ended; it printed:\n{await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }
}
