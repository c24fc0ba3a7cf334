namespace RaxxPreflight.Configuration;

/// <summary>How config vars are checked.</summary>
/// <param name="Required">Vars prod must set, whether or not staging does.</param>
/// <param name="MayBeEqual">Vars that may hold the same value in both environments.</param>
/// <param name="MustDiffer">Vars whose prod value must not equal staging's.</param>
/// <param name="Kinds">The shape each named var's value must have.</param>
public sealed record ConfigVarRules(
    IReadOnlyList<string> Required,
    IReadOnlyList<string> MayBeEqual,
    IReadOnlyList<string> MustDiffer,
    IReadOnlyDictionary<string, VarKind> Kinds
);
