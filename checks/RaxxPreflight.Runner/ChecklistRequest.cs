namespace RaxxPreflight.Reporting;

/// <summary>What a run of the checklist's facts is asked to do: the whole request, handed to a host as one object.</summary>
/// <param name="Selection">The phases, or the items, to run.</param>
/// <param name="Scenario">The fakes' scenario to run against, overriding <c>PREFLIGHT_TARGET</c>; null for the target it names.</param>
/// <param name="TrxPath">Where to write a TRX report too, if anywhere.</param>
internal sealed record ChecklistRequest(Selection Selection, string? Scenario = null, string? TrxPath = null)
{
    /// <summary>The target the request names, as <c>PREFLIGHT_TARGET</c> spells it, when it names one.</summary>
    public string? Target => Scenario is null ? null : $"fakes:{Scenario}";

    /// <summary>The services the config describes, in its order (what each selected item runs for); empty when not known.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];
}
