using RaxxPreflight.Reporting;

namespace RaxxPreflight.Tests.Support;

/// <summary>Runs the real checklist assembly in its own process, with a clean environment plus what a test sets.</summary>
internal static class Checklist
{
    private static readonly string[] Variables =
    [
        "PREFLIGHT_TARGET",
        "PREFLIGHT_CONFIG",
        "PREFLIGHT_RESOLVE",
        "HEROKU_API_KEY",
        "GITHUB_TOKEN",
        "HEROKU_API_URL",
        "GITHUB_API_URL",
        "STRIPE_API_URL",
        "PREFLIGHT_SETTLE_TIMEOUT",
        "PREFLIGHT_POLL_INTERVAL",
        "GITHUB_ACTIONS",
        "GITHUB_STEP_SUMMARY",
    ];

    public static Task<ChecklistOutcome> RunAsync(string phase, IReadOnlyDictionary<string, string> environment)
    {
        var clean = Variables.ToDictionary(v => v, v => environment.GetValueOrDefault(v), StringComparer.Ordinal);

        // Every run's fake databases go on the run's one shared server, unless a test says otherwise.
        if (!environment.ContainsKey("PREFLIGHT_FAKES_POSTGRES") && SharedPostgres.ConnectionString is { } shared)
        {
            clean["PREFLIGHT_FAKES_POSTGRES"] = shared;
        }

        foreach (var (name, value) in environment.Where(e => !clean.ContainsKey(e.Key)))
        {
            clean[name] = value;
        }

        return ChecklistRun.RunAsync(Repo.ChecksAssembly, [phase], clean, TestContext.Current.CancellationToken);
    }

    public static Task<ChecklistOutcome> RunFakesAsync(
        string phase,
        string scenario,
        double settleSeconds = 2,
        double intervalSeconds = 0.25
    ) =>
        RunAsync(
            phase,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["PREFLIGHT_TARGET"] = $"fakes:{scenario}",
                ["PREFLIGHT_SETTLE_TIMEOUT"] = settleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["PREFLIGHT_POLL_INTERVAL"] = intervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }
        );
}
