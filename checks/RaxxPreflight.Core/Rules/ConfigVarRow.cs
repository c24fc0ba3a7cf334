namespace RaxxPreflight.Rules;

/// <summary>One row of the config var diff: a var's name and kind, and which environments set it. Never a value.</summary>
/// <param name="Name">The var.</param>
/// <param name="Kind">Its kind's name in the config (<c>hex64-token</c>), or null when the config gives it none.</param>
/// <param name="OnStaging">Staging sets it (non-empty).</param>
/// <param name="OnProd">Prod sets it (non-empty).</param>
public sealed record ConfigVarRow(string Name, string? Kind, bool OnStaging, bool OnProd)
{
    /// <summary><c>hex64-token; staging: set; prod: MISSING</c>.</summary>
    public override string ToString() =>
        $"{Kind ?? "(no kind)"}; staging: {(OnStaging ? "set" : "not set")}; prod: {(OnProd ? "set" : "MISSING")}";
}
