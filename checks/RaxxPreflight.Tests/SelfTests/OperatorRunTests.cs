using System.Text.Json;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>
/// The operator's path as run-preflight.sh takes it: <c>RaxxPreflight.Checks run ...</c>, the runner and the items in
/// the checklist app's one process, its console holding only the runner's lines.
/// </summary>
public class OperatorRunTests
{
    [Fact]
    public async Task Run_checks_the_items_in_its_own_process_and_prints_only_the_runners_lines_and_verdict()
    {
        var report = Path.Combine(Path.GetTempPath(), $"raxx-preflight-operator-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output, error) = await RunAsync(
                "run",
                "pre-deploy",
                "--fakes",
                ScenarioNames.Blocked,
                "--check",
                CheckIds.StripeKeysLive,
                "--check",
                CheckIds.SentryDsnPerEnvironment,
                "--report",
                report
            );

            code.ShouldBe(1, output + error);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.ShouldContain(l => l.StartsWith($"FAIL  {CheckIds.StripeKeysLive} ", StringComparison.Ordinal), output);
            lines.ShouldContain(l => l.StartsWith($"WARN  {CheckIds.SentryDsnPerEnvironment} ", StringComparison.Ordinal), output);
            output.ShouldContain("heroku config:set STRIPE_API_KEY=<sk_live_...> --app raxx-queue-prod");

            // xunit ran here, in this process, but its own lines and the events' wire format reach no console.
            foreach (var noise in new[] { "Discovering:", "Finished:", "TEST EXECUTION SUMMARY", "##raxx-preflight" })
            {
                (output + error).ShouldNotContain(noise);
            }

            // The report is built from the same results, as data.
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken));
            json.RootElement.GetProperty("items")
                .EnumerateArray()
                .Select(i => (i.GetProperty("checkId").GetString(), i.GetProperty("status").GetString()))
                .ShouldBe([(CheckIds.StripeKeysLive, "fail"), (CheckIds.SentryDsnPerEnvironment, "warn")], ignoreOrder: true);

            foreach (var secret in SeedScenarios.Blocked().SecretValues)
            {
                (output + error).ShouldNotContain(secret);
            }
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    public async Task A_usage_mistake_is_one_line_and_exit_2_and_no_arguments_of_xunits_are_taken_for_the_runners()
    {
        var (code, output, error) = await RunAsync("run", "pre-deploy", "--check", "stripe-keys-lve");

        code.ShouldBe(2, output + error);
        error.ShouldStartWith("run-preflight: no checklist item is named 'stripe-keys-lve'");
        output.ShouldBeEmpty();
    }

    // The checklist app as run-preflight.sh starts it, with none of the run's settings but those of the command line.
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var process = Checklist.StartApp(arguments);
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
