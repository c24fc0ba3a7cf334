namespace RaxxPreflight.Declarations;

/// <summary>
/// One checklist item as its fact declares it (<c>[Item(...)]</c>, beside the fact): everything else about it (its
/// traits, the reads started ahead, whether a run needs a database, the waiver schema's ids, the fault matrix's rows,
/// the docs' checks table) is derived from this.
/// </summary>
/// <param name="Id">The stable kebab-case id (<c>--filter Check=...</c>, <c>--check ...</c>, CI history).</param>
/// <param name="Phase">When it runs.</param>
/// <param name="Title">What holds when it passes: its test's name and its line's text.</param>
/// <param name="Sources">The services it reads: the faults it must report when they break.</param>
/// <param name="FirstReads">The world's shared reads it makes first, started ahead of it when it is selected.</param>
/// <param name="Waivable">Whether the config's waivers may accept its findings.</param>
public sealed record ChecklistItem(string Id, Phase Phase, string Title, Source Sources, IReadOnlyList<FirstRead> FirstReads, bool Waivable)
{
    /// <summary>True when it reads a database: a run of none of these needs no Postgres server (nor Docker) with the fakes.</summary>
    public bool ReadsDatabase => Sources.HasFlag(Source.Postgres);

    /// <summary>Its phase as a trait value: <c>PreDeploy</c>, <c>PostDeploy</c>.</summary>
    public string PhaseName => Phases.Name(Phase);
}
