using Xunit.v3;

namespace RaxxPreflight.Checks.Traits;

/// <summary>A checklist item's stable id (<c>--filter Check=stripe-keys-live</c>); take it from <see cref="CheckIds"/>.</summary>
/// <param name="id">The kebab-case id.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CheckAttribute(string id) : Attribute, ITraitAttribute
{
    /// <summary>The id.</summary>
    public string Id { get; } = id;

    /// <inheritdoc />
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(Phases.CheckTrait, Id)];
}
