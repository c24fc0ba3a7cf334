namespace RaxxPreflight.Checks.Traits;

/// <summary>The trait names and phase values the runs filter on (<c>--filter Phase=PreDeploy</c>).</summary>
public static class TraitNames
{
    /// <summary>The phase trait's name.</summary>
    public const string Phase = "Phase";

    /// <summary>The check id trait's name.</summary>
    public const string Check = "Check";

    /// <summary>Before the deploy is dispatched.</summary>
    public const string PreDeploy = "PreDeploy";

    /// <summary>Right after the deploy, as a smoke run in CI.</summary>
    public const string PostDeploy = "PostDeploy";
}
