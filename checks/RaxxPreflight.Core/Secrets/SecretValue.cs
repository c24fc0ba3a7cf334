namespace RaxxPreflight.Secrets;

/// <summary>
/// A config var value, key or token. Its text form is always masked: the value itself only
/// leaves through <see cref="Reveal"/>, for the places that must send or inspect it.
/// </summary>
public sealed class SecretValue : IEquatable<SecretValue>
{
    private readonly string value;

    /// <summary>Wraps a secret value.</summary>
    public SecretValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        this.value = value;
    }

    /// <summary>The masked form: a known prefix, then <c>****</c> and the last four characters at most.</summary>
    public string Masked => SecretMask.Mask(value);

    /// <summary>True when the value is empty or only white space.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(value);

    /// <summary>The number of characters, which says something about shape and nothing about content.</summary>
    public int Length => value.Length;

    /// <summary>
    /// The raw value: only for sending it to its own service or checking its shape, and only inside this assembly (the
    /// clients, the rules, the redactor). Checklist code cannot call it: a fact cannot print what it cannot read.
    /// </summary>
    internal string Reveal() => value;

    /// <summary>True when the value starts with <paramref name="prefix"/> (a public prefix such as <c>sk_live_</c>).</summary>
    public bool HasPrefix(string prefix) => value.StartsWith(prefix, StringComparison.Ordinal);

    /// <inheritdoc />
    public bool Equals(SecretValue? other) => other is not null && string.Equals(value, other.value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SecretValue);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(value);

    /// <summary>The masked form, never the value.</summary>
    public override string ToString() => Masked;
}
