using RaxxPreflight.Declarations;
using Xunit.v3;

namespace RaxxPreflight.Checks.Traits;

/// <summary>
/// Declares a checklist item, once, on its fact: its id, its phase, its title (the test's name), the services it reads,
/// the world's reads it makes first, and whether waivers may accept its findings. It is the fact (xunit runs it) and
/// gives the fact its traits (<c>Phase</c>, <c>Check</c>); the rest of the checklist reads the declaration
/// (<see cref="ChecklistCatalog"/>): the runner's selection, the reads started ahead, the database set-up, the waiver
/// schema's ids, the fault matrix and the docs' checks table.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer(typeof(ItemDiscoverer))]
public sealed class ItemAttribute : FactAttribute, ITraitAttribute
{
    /// <summary>Declares the item.</summary>
    /// <param name="id">The item's stable kebab-case id (a <see cref="CheckIds"/> constant).</param>
    /// <param name="phase">When it runs.</param>
    /// <param name="title">What holds when it passes.</param>
    /// <param name="sourceFilePath">Where it is declared (the compiler fills it in, for xunit's source information).</param>
    /// <param name="sourceLineNumber">Its line (the compiler fills it in).</param>
    public ItemAttribute(
        string id,
        Phase phase,
        string title,
        [System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null,
        [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1
    )
        : base(sourceFilePath, sourceLineNumber)
    {
        Id = id;
        Phase = phase;
        Title = title;
        DisplayName = title;
    }

    /// <summary>The item's id.</summary>
    public string Id { get; }

    /// <summary>When it runs.</summary>
    public Phase Phase { get; }

    /// <summary>What holds when it passes.</summary>
    public string Title { get; }

    /// <summary>The services it reads.</summary>
    public Source Sources { get; set; }

    /// <summary>The world's shared reads it makes first (started ahead when it is selected).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Performance",
        "CA1819:Properties should not return arrays",
        Justification = "An attribute's named argument: arrays are what attributes can take."
    )]
    public FirstRead[] FirstReads { get; set; } = [];

    /// <summary>Whether the config's waivers may accept its findings (true unless it says otherwise).</summary>
    public bool Waivable { get; set; } = true;

    /// <inheritdoc />
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() =>
        [new(Phases.Trait, Phases.Name(Phase)), new(Phases.CheckTrait, Id)];
}
