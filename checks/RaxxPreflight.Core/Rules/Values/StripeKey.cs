namespace RaxxPreflight.Rules.Values;

/// <summary>A Stripe key or secret, classified by its documented prefix: its kind, its mode, whether it is an organization key.</summary>
/// <param name="Kind"><c>secret key</c>, <c>publishable key</c>, <c>restricted key</c> or <c>webhook signing secret</c>.</param>
/// <param name="Prefix">The prefix it has (<c>sk_live_</c>, <c>sk_org_test_</c>, <c>whsec_</c>).</param>
/// <param name="Mode"><c>live</c> or <c>test</c>; null for a webhook signing secret, which has none.</param>
/// <param name="Organization">True for an organization key (<c>sk_org_</c>).</param>
/// <param name="WellFormed">True when what follows the prefix has the documented characters and length.</param>
public sealed record StripeKey(string Kind, string Prefix, string? Mode, bool Organization, bool WellFormed)
{
    /// <summary>The kinds and the prefixes that make them, longest first.</summary>
    private static readonly (string Prefix, string Kind, string? Mode, bool Organization)[] Prefixes =
    [
        ("sk_org_live_", "secret key", "live", true),
        ("sk_org_test_", "secret key", "test", true),
        ("sk_live_", "secret key", "live", false),
        ("sk_test_", "secret key", "test", false),
        ("pk_live_", "publishable key", "live", false),
        ("pk_test_", "publishable key", "test", false),
        ("rk_live_", "restricted key", "live", false),
        ("rk_test_", "restricted key", "test", false),
        ("whsec_", "webhook signing secret", null, false),
    ];

    /// <summary>True for a live-mode key.</summary>
    public bool Live => Mode == "live";

    /// <summary>What <paramref name="text"/> is, or null when it has no Stripe prefix.</summary>
    public static StripeKey? Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (prefix, kind, mode, organization) in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                var body = text[prefix.Length..];
                var wellFormed =
                    body.Length >= 8
                    && body.All(c =>
                        char.IsAsciiLetterOrDigit(c) || (mode is null && c is '+' or '/' or '=') || (organization && c == '_')
                    );
                return new StripeKey(kind, prefix, mode, organization, wellFormed);
            }
        }

        return null;
    }

    /// <summary><c>a live secret key</c>, <c>an organization live secret key</c>, <c>a webhook signing secret</c>.</summary>
    public string Words => Mode is null ? $"a {Kind}" : $"a{(Organization ? "n organization" : string.Empty)} {Mode} {Kind}";
}
