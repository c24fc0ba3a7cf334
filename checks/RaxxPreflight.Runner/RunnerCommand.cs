using RaxxPreflight.Configuration;
using RaxxPreflight.Reporting;

namespace RaxxPreflight.Runner;

/// <summary>
/// <c>preflight (pre-deploy|post-deploy|all) --checks PATH [--fakes SCENARIO]</c>: runs the phase's items in
/// the checklist assembly and prints the verdict. Exit 0 only when every item ran and passed; 1 when any
/// failed or nothing ran; 2 for a usage mistake.
/// </summary>
internal static class RunnerCommand
{
    public const string Usage = """
        usage: run-preflight.sh PHASE [--fakes SCENARIO] [--trx FILE]

          PHASE             pre-deploy  the items to check before the deploy is dispatched
                            post-deploy the smoke items to run right after it
                            all         both
          --fakes SCENARIO  run against the in-process fakes serving SCENARIO (blocked, ready, deployed,
                            deployed-crashing, deployed-wrong-image, settling, prod-missing-extension,
                            prod-database-unreachable, prod-schema-behind) instead of the target
                            PREFLIGHT_TARGET names (live needs HEROKU_API_KEY, GITHUB_TOKEN)
          --trx FILE        also write a TRX report to FILE

        In GitHub Actions (GITHUB_ACTIONS=true) each item is also an annotation, and the verdict goes
        to the job's step summary.

        Prints one line per item (pass, WARN, FAIL with its reason), then how to fix each failure.
        Exits 0 only when every item passed.
        """;

    private static readonly Dictionary<string, string[]> Phases = new(StringComparer.Ordinal)
    {
        ["pre-deploy"] = ["PreDeploy"],
        ["post-deploy"] = ["PostDeploy"],
        ["all"] = ["PreDeploy", "PostDeploy"],
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? phase = null;
        string? checks = null;
        string? scenario = null;
        string? trx = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    await output.WriteLineAsync(Usage).ConfigureAwait(false);
                    return 0;
                case "--fakes" when i + 1 < args.Length:
                    scenario = args[++i];
                    break;
                case "--trx" when i + 1 < args.Length:
                    trx = args[++i];
                    break;
                case "--checks" when i + 1 < args.Length:
                    checks = args[++i];
                    break;
                case var word when phase is null && Phases.ContainsKey(word):
                    phase = word;
                    break;
                default:
                    await error.WriteLineAsync($"run-preflight: unexpected argument '{args[i]}'\n\n{Usage}").ConfigureAwait(false);
                    return 2;
            }
        }

        if (phase is null || checks is null)
        {
            await error
                .WriteLineAsync($"run-preflight: {(phase is null ? "name a phase" : "--checks is missing")}\n\n{Usage}")
                .ConfigureAwait(false);
            return 2;
        }

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (scenario is not null)
        {
            environment["PREFLIGHT_TARGET"] = $"fakes:{scenario}";
        }

        PreflightEnvironment? settings;
        try
        {
            settings = PreflightEnvironment.FromProcess();
        }
        catch (PreflightConfigException)
        {
            // The checklist itself fails every item with this line; here it only means no GitHub reporting.
            settings = null;
        }

        var outcome = await ChecklistRun.RunAsync(checks, Phases[phase], environment, CancellationToken.None, trx).ConfigureAwait(false);
        await output.WriteAsync(outcome.Render()).ConfigureAwait(false);
        if (settings is { InGitHubActions: true })
        {
            foreach (var annotation in GitHubActionsReport.Annotations(outcome))
            {
                await output.WriteLineAsync(annotation).ConfigureAwait(false);
            }

            if (settings.GitHubStepSummary is { } summary)
            {
                await File.AppendAllTextAsync(summary, GitHubActionsReport.Summary(outcome, phase)).ConfigureAwait(false);
            }
        }

        return outcome.Passed ? 0 : 1;
    }
}
