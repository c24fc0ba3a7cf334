using System.Diagnostics;
using System.Text.Json.Nodes;
using RaxxPreflight.Fakes.Scenarios;
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
        var config = WriteConfig(c => c.Remove("environments"));
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

    // The project's own deploy description with a change, written to a file of its own.
    private static string WriteConfig(Action<JsonObject> change)
    {
        var config = JsonNode.Parse(File.ReadAllText(Repo.DefaultConfig))!.AsObject();
        config.Remove("$schema");
        change(config);
        var path = Path.Combine(Path.GetTempPath(), $"raxx-preflight-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
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
