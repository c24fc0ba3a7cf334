namespace RaxxPreflight.Reporting;

/// <summary>Which items a run runs: every item of some phases, or some items by id.</summary>
/// <param name="Phases">The phases (<c>PreDeploy</c>, <c>PostDeploy</c>).</param>
/// <param name="CheckIds">The items, when only some run; empty for every item of the phases.</param>
internal sealed record Selection(IReadOnlyList<string> Phases, IReadOnlyList<string> CheckIds)
{
    /// <summary>The services whose items run (<c>--service</c>); empty for every service the config describes.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Every item of <paramref name="phases"/>.</summary>
    public static Selection Of(params string[] phases) => new(phases, []);

    /// <summary>The items it selects, by the vocabulary: each must leave a result, or it is not checked.</summary>
    public IEnumerable<string> ExpectedIds =>
        CheckIds.Count > 0
            ? CheckIds
            : RaxxPreflight
                .Declarations.ChecklistCatalog.Current.Items.Where(c => Phases.Contains(c.PhaseName, StringComparer.Ordinal))
                .Select(c => c.Id);

    /// <summary>
    /// Whether it selects a test with <paramref name="traits"/> (xunit's traits of a test case): whether the test has one
    /// of its <see cref="Traits"/> (xunit ORs them), as the child process's <c>-trait</c> arguments select.
    /// </summary>
    public bool Selects(IReadOnlyDictionary<string, IReadOnlyCollection<string>> traits)
    {
        ArgumentNullException.ThrowIfNull(traits);
        return Traits.Any(t => traits.TryGetValue(t.Name, out var values) && values.Contains(t.Value, StringComparer.Ordinal))
            && (
                Services.Count == 0
                // A case with no service (the config could not be read when xunit found the items) runs, to say why.
                || !traits.TryGetValue(RaxxPreflight.Phases.ServiceTrait, out var services)
                || services.Any(s => Services.Contains(s, StringComparer.Ordinal))
            );
    }

    /// <summary>
    /// The results it expects, by <see cref="CheckResult.Key"/>: each selected item for each selected service of
    /// <paramref name="known"/> (the config's services), or each item alone when the services are not known.
    /// </summary>
    public IEnumerable<(string? Service, string CheckId)> Expected(IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var services = Services.Count > 0 ? Services : known;
        return services.Count == 0
            ? ExpectedIds.Select(id => ((string?)null, id))
            : services.SelectMany(s => ExpectedIds.Select(id => ((string?)s, id)));
    }

    /// <summary>The trait filters that select it: one of them each selected test has.</summary>
    public IEnumerable<(string Name, string Value)> Traits =>
        CheckIds.Count > 0
            ? CheckIds.Select(id => (RaxxPreflight.Phases.CheckTrait, id))
            : Phases.Select(phase => (RaxxPreflight.Phases.Trait, phase));
}
