using Xunit.v3;

namespace RaxxPreflight.Checks.Traits;

/// <summary>Marks a checklist item (or a class of them) as run right after the deploy.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class PostDeployAttribute : Attribute, ITraitAttribute
{
    /// <inheritdoc />
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(Phases.Trait, Phases.PostDeploy)];
}
