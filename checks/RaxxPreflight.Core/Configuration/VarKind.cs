namespace RaxxPreflight.Configuration;

/// <summary>The shape of a config var's value.</summary>
public enum VarKind
{
    /// <summary>Any non-empty value.</summary>
    Text,

    /// <summary>64 hexadecimal characters (the service tokens).</summary>
    Hex64Token,

    /// <summary>An absolute https URL.</summary>
    HttpsUrl,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Flag,

    /// <summary><c>postgres://user:pass@host:port/db</c>.</summary>
    PostgresUrl,

    /// <summary><c>https://key@oORG.ingest.sentry.io/PROJECT</c>.</summary>
    SentryDsn,

    /// <summary>A Stripe secret key, <c>sk_live_</c> or <c>sk_test_</c>.</summary>
    StripeSecretKey,

    /// <summary>A Stripe publishable key, <c>pk_live_</c> or <c>pk_test_</c>.</summary>
    StripePublishableKey,

    /// <summary>A Stripe restricted key, <c>rk_live_</c> or <c>rk_test_</c>.</summary>
    StripeRestrictedKey,

    /// <summary>A Stripe webhook signing secret, <c>whsec_</c>.</summary>
    StripeWebhookSecret,
}
