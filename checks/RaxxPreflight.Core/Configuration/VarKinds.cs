namespace RaxxPreflight.Configuration;

/// <summary>The names <see cref="VarKind"/> values have in the config file.</summary>
public static class VarKinds
{
    private static readonly Dictionary<string, VarKind> ByName = new(StringComparer.Ordinal)
    {
        ["text"] = VarKind.Text,
        ["hex64-token"] = VarKind.Hex64Token,
        ["https-url"] = VarKind.HttpsUrl,
        ["flag"] = VarKind.Flag,
        ["postgres-url"] = VarKind.PostgresUrl,
        ["sentry-dsn"] = VarKind.SentryDsn,
        ["stripe-secret-key"] = VarKind.StripeSecretKey,
        ["stripe-publishable-key"] = VarKind.StripePublishableKey,
        ["stripe-restricted-key"] = VarKind.StripeRestrictedKey,
        ["stripe-webhook-secret"] = VarKind.StripeWebhookSecret,
    };

    /// <summary>Every name, in the order the file documents them.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>A kind's name in the config file (<c>hex64-token</c>).</summary>
    public static string NameOf(VarKind kind) => ByName.First(p => p.Value == kind).Key;

    /// <summary>Reads a kind's name.</summary>
    public static bool TryParse(string name, out VarKind kind) => ByName.TryGetValue(name, out kind);
}
