using RaxxPreflight.Reporting;
using RaxxPreflight.Runner;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.Reporting;

/// <summary>The runner's usage mistakes: each one line that says what is wrong, and exit 2, before anything runs.</summary>
public sealed class RunnerCommandTests : IDisposable
{
    // A usage mistake, the usage and the database question run no item: a host that is called fails the test.
    private static readonly ChecklistHost NothingRuns = (_, _, _) =>
        throw new InvalidOperationException("the runner ran the checklist where it should have run nothing");

    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
    }

    [Fact]
    public async Task An_unknown_item_is_a_usage_error_that_lists_the_known_ones()
    {
        var code = await RunnerCommand.RunAsync(
            ["pre-deploy", "--check", "stripe-keys-lve"],
            output,
            error,
            terminal: false,
            NothingRuns,
            TestContext.Current.CancellationToken
        );

        code.ShouldBe(2);
        error
            .ToString()
            .ShouldStartWith($"run-preflight: no checklist item is named 'stripe-keys-lve'; the items are {string.Join(", ", Items.Ids)}");
    }

    [Fact]
    public async Task An_item_of_the_other_phase_is_a_usage_error()
    {
        var code = await RunnerCommand.RunAsync(
            ["pre-deploy", "--check", "prod-dynos-up"],
            output,
            error,
            terminal: false,
            NothingRuns,
            TestContext.Current.CancellationToken
        );

        code.ShouldBe(2);
        error.ToString().ShouldStartWith("run-preflight: 'prod-dynos-up' is a post-deploy item, not a pre-deploy one");
    }

    [Theory]
    [InlineData("yes", "pre-deploy")]
    [InlineData("yes", "all")]
    [InlineData("yes", "post-deploy")]
    [InlineData("no", "post-deploy", "--check", "prod-healthy")]
    [InlineData("no", "pre-deploy", "--check", "stripe-keys-live", "--check", "staging-healthy")]
    [InlineData("yes", "pre-deploy", "--check", "stripe-keys-live", "--check", "postgres-schema-parity")]
    public async Task Needs_database_says_whether_a_selected_item_reads_a_database_and_runs_nothing(
        string answer,
        params string[] selection
    )
    {
        var code = await RunnerCommand.RunAsync(
            [.. selection, "--fakes", "ready", "--needs-database"],
            output,
            error,
            terminal: false,
            NothingRuns,
            TestContext.Current.CancellationToken
        );

        code.ShouldBe(0, error.ToString());
        output.ToString().Trim().ShouldBe(answer);
    }

    [Theory]
    [InlineData("--fakes", "blockd", "run-preflight: no scenario is named 'blockd'; the scenarios are blocked, ready,")]
    [InlineData("--report", "out.txt", "run-preflight: --report out.txt: name a .md (Markdown) or .json file")]
    public async Task A_mistyped_option_value_is_a_usage_error(string option, string value, string line)
    {
        var code = await RunnerCommand.RunAsync(
            ["pre-deploy", option, value],
            output,
            error,
            terminal: false,
            NothingRuns,
            TestContext.Current.CancellationToken
        );

        code.ShouldBe(2);
        error.ToString().ShouldStartWith(line);
    }

    [Theory]
    [InlineData("run-preflight: --fakes needs a scenario: blocked, ready,", "pre-deploy", "--fakes")]
    [InlineData("run-preflight: --fakes needs a scenario: blocked, ready,", "pre-deploy", "--fakes", "--check", "stripe-keys-live")]
    [InlineData("run-preflight: --check needs an item's id: staging-healthy,", "pre-deploy", "--check")]
    [InlineData("run-preflight: --report needs a file: FILE.md or FILE.json", "pre-deploy", "--report")]
    [InlineData("run-preflight: --junit needs a file to write the JUnit XML report to", "pre-deploy", "--junit")]
    [InlineData("run-preflight: --trx needs a file to write the TRX report to", "pre-deploy", "--trx")]
    [InlineData("run-preflight: name one phase, not 'pre-deploy' and 'post-deploy' (all runs both)", "pre-deploy", "post-deploy")]
    [InlineData("run-preflight: unexpected argument '--fake'", "pre-deploy", "--fake", "ready")]
    [InlineData("run-preflight: name a phase")]
    [InlineData("run-preflight: name a phase", "--fakes", "ready")]
    [InlineData("run-preflight: unexpected argument 'pre-deplyo'", "pre-deplyo")]
    public async Task A_missing_option_value_or_a_second_phase_is_named_as_such(string line, params string[] args)
    {
        var code = await RunnerCommand.RunAsync(args, output, error, terminal: false, NothingRuns, TestContext.Current.CancellationToken);

        code.ShouldBe(2);
        error.ToString().ShouldStartWith(line);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("pre-deploy", "--help")]
    public async Task The_usage_names_every_scenario_and_item_from_the_one_vocabulary(params string[] args)
    {
        (await RunnerCommand.RunAsync(args, output, error, terminal: false, NothingRuns, TestContext.Current.CancellationToken)).ShouldBe(
            0,
            error.ToString()
        );

        foreach (var name in ScenarioNames.All.Concat(Items.Ids))
        {
            output.ToString().ShouldContain(name);
        }
    }
}
