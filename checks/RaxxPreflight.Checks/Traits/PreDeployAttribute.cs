using Xunit.v3;

namespace RaxxPreflight.Checks.Traits;

/// <summary>Marks a checklist item (or a class of them) as run before the deploy is dispatched.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class PreDeployAttribute : Attribute, ITraitAttribute
{
    /// <inheritdoc />
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(Phases.Trait, Phases.PreDeploy)];
}
