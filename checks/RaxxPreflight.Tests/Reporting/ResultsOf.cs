using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.Reporting;

/// <summary>Results built by hand, for the tests of what reads them.</summary>
internal static class ResultsOf
{
    public static CheckResult Item(string id, CheckStatus status, string? reason = null, params string[] fixes) =>
        new(
            id,
            Items.Catalog.Find(id)!.PhaseName,
            $"the {id} item",
            status,
            reason,
            [],
            reason is null ? [] : [$"found for {id}"],
            fixes,
            [],
            [],
            0.1
        );

    public static ChecklistOutcome Outcome(params CheckResult[] results) =>
        new(
            results.Any(r => r.Failed) ? 1 : 0,
            results,
            string.Empty,
            string.Empty,
            new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 29, 2, 0, 9, TimeSpan.Zero)
        );
}
