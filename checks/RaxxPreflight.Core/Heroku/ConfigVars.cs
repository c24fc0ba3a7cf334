using RaxxPreflight.Secrets;

namespace RaxxPreflight.Heroku;

/// <summary>An app's config vars. Values are secrets: only names, prefixes and masks leave this type.</summary>
/// <param name="App">The app they belong to.</param>
/// <param name="Values">The values by name.</param>
public sealed record ConfigVars(string App, IReadOnlyDictionary<string, SecretValue> Values)
{
    /// <summary>The value of <paramref name="name"/>, if it is set and not blank.</summary>
    public SecretValue? Get(string name) => Values.TryGetValue(name, out var value) && !value.IsBlank ? value : null;

    /// <summary>True when <paramref name="name"/> is set and not blank.</summary>
    public bool IsSet(string name) => Get(name) is not null;

    /// <summary>The names of every var that is set and not blank, sorted.</summary>
    public IReadOnlyList<string> SetNames => [.. Values.Where(p => !p.Value.IsBlank).Select(p => p.Key).Order(StringComparer.Ordinal)];
}
