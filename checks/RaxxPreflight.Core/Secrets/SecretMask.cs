namespace RaxxPreflight.Secrets;

/// <summary>How a secret is shown: its public prefix, <c>****</c>, and a short tail when it is long enough.</summary>
public static class SecretMask
{
    private const int TailLength = 4;
    private const int MinLengthForTail = 16;

    private static readonly string[] PublicPrefixes =
    [
        "sk_org_live_",
        "sk_org_test_",
        "sk_live_",
        "sk_test_",
        "pk_live_",
        "pk_test_",
        "rk_live_",
        "rk_test_",
        "whsec_",
        "postgres://",
        "postgresql://",
        "https://",
        "http://",
    ];

    /// <summary>Masks <paramref name="value"/>: <c>sk_live_****abcd</c>, <c>****</c> for short values.</summary>
    public static string Mask(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var prefix = PublicPrefixes.FirstOrDefault(p => value.StartsWith(p, StringComparison.Ordinal)) ?? string.Empty;
        var rest = value.Length - prefix.Length;
        var tail = rest >= MinLengthForTail ? value[^TailLength..] : string.Empty;
        return $"{prefix}****{tail}";
    }
}
