namespace RaxxPreflight.Rules;

/// <summary>How a rule rules on what an item read: it holds (with a note, maybe), it fails, or it has findings.</summary>
public enum RulingKind
{
    /// <summary>It holds.</summary>
    Holds,

    /// <summary>It fails on something that is no finding of a subject (nothing to compare, a wrong build).</summary>
    Fails,

    /// <summary>It fails on findings, each about one subject (what waivers may accept).</summary>
    HasFindings,
}

/// <summary>
/// A rule's ruling on an item, as data: the fact that asked only applies it (<c>Verdict.Apply</c>). The summary is the
/// item's one line; <see cref="Found"/> and <see cref="Fixes"/> go under it.
/// </summary>
/// <param name="Kind">How it rules.</param>
/// <param name="Summary">The line: why it fails, or, when it holds, a note worth printing (null: nothing to add).</param>
/// <param name="Found">What was found.</param>
/// <param name="Fixes">The commands that fix it.</param>
/// <param name="Findings">The findings, when it has them.</param>
public sealed record Ruling(
    RulingKind Kind,
    string? Summary,
    IReadOnlyList<string> Found,
    IReadOnlyList<string> Fixes,
    IReadOnlyList<Finding> Findings
)
{
    /// <summary>It holds; <paramref name="note"/>, if any, is worth a line.</summary>
    public static Ruling Holds(string? note = null) => new(RulingKind.Holds, note, [], [], []);

    /// <summary>It fails with <paramref name="summary"/>.</summary>
    public static Ruling Fails(string summary, IReadOnlyList<string> found, IReadOnlyList<string> fixes) =>
        new(RulingKind.Fails, summary, found, fixes, []);

    /// <summary>It fails on <paramref name="findings"/>; <paramref name="context"/> helps to read them.</summary>
    public static Ruling HasFindings(IReadOnlyList<Finding> findings, string summary, IReadOnlyList<string> context) =>
        new(RulingKind.HasFindings, summary, context, [], findings);
}
