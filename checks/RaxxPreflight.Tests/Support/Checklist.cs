using RaxxPreflight.Reporting;

namespace RaxxPreflight.Tests.Support;

/// <summary>Runs the real checklist assembly in its own process, with a clean environment plus what a test sets.</summary>
internal static class Checklist
{
    private static readonly string[] Variables =
    [
        "PREFLIGHT_TARGET", "PREFLIGHT_CONFIG", "PREFLIGHT_RESOLVE", "HEROKU_API_KEY", "GITHUB_TOKEN",
        "HEROKU_API_URL", "GITHUB_API_URL", "STRIPE_API_URL",
    ];

    public static Task<ChecklistOutcome> RunAsync(string phase, IReadOnlyDictionary<string, string> environment)
    {
        var clean = Variables.ToDictionary(v => v, v => environment.GetValueOrDefault(v), StringComparer.Ordinal);
        return ChecklistRun.RunAsync(Repo.ChecksAssembly, [phase], clean, TestContext.Current.CancellationToken);
    }

    public static Task<ChecklistOutcome> RunFakesAsync(string phase, string scenario) =>
        RunAsync(phase, new Dictionary<string, string>(StringComparer.Ordinal) { ["PREFLIGHT_TARGET"] = $"fakes:{scenario}" });
}
