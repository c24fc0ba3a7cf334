using System.Text.RegularExpressions;
using RaxxPreflight.Configuration;
using RaxxPreflight.Heroku;
using RaxxPreflight.Rules.Values;

namespace RaxxPreflight.Rules;

/// <summary>
/// What a service's config leaves out, judged from staging's config vars (the deploy's reference): every var staging
/// sets is required on prod; each var's kind from its value; which must differ from its kind (secrets, database URLs,
/// URLs of staging's own hosts); the Stripe key vars from their values' prefixes; the Sentry DSN var by its name.
/// </summary>
public static partial class FoundRules
{
    /// <summary>The kind <paramref name="name"/>'s value says it has; <see cref="VarKind.Text"/> when it says nothing more.</summary>
    public static VarKind KindOf(string name, Secrets.SecretValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Reveal().Trim();
        if (StripeKey.Classify(text) is { } key)
        {
            return key.Kind switch
            {
                "secret key" => VarKind.StripeSecretKey,
                "publishable key" => VarKind.StripePublishableKey,
                "restricted key" => VarKind.StripeRestrictedKey,
                "webhook signing secret" => VarKind.StripeWebhookSecret,
                _ => VarKind.Text,
            };
        }

        if (text.StartsWith("postgres://", StringComparison.Ordinal) || text.StartsWith("postgresql://", StringComparison.Ordinal))
        {
            return VarKind.PostgresUrl;
        }

        if (name.Contains("SENTRY", StringComparison.Ordinal) && SentryDsn.TryParse(text) is not null)
        {
            return VarKind.SentryDsn;
        }

        if (Hex64().IsMatch(text))
        {
            return VarKind.Hex64Token;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host))
        {
            return VarKind.HttpsUrl;
        }

        return text is "true" or "false" ? VarKind.Flag : VarKind.Text;
    }

    /// <summary>
    /// The config var rules staging's vars give, the config's own (<paramref name="given"/>) over them where
    /// <paramref name="toFind"/> says it named them: required, kinds, which must differ and which may be equal.
    /// </summary>
    public static ConfigVarRules VarRules(ConfigVars staging, ConfigVarRules given, Discover toFind)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(given);
        var names = staging.SetNames;
        var kinds = new Dictionary<string, VarKind>(StringComparer.Ordinal);
        if (toFind.HasFlag(Discover.Kinds))
        {
            foreach (var name in names)
            {
                kinds[name] = KindOf(name, staging.Get(name)!);
            }
        }

        foreach (var (name, kind) in given.Kinds)
        {
            kinds[name] = kind;
        }

        var required = toFind.HasFlag(Discover.RequiredVars) ? names : given.Required;
        if (!toFind.HasFlag(Discover.Differ))
        {
            return new ConfigVarRules(required, given.MayBeEqual, given.MustDiffer, kinds);
        }

        var differ = required.Where(n => MustDiffer(n, kinds.GetValueOrDefault(n, VarKind.Text), staging)).ToList();
        return new ConfigVarRules(required, [.. required.Except(differ, StringComparer.Ordinal)], differ, kinds);
    }

    /// <summary>
    /// Whether prod must hold its own value of <paramref name="name"/>: a Stripe key, a database URL, a token or
    /// a secret by name, a URL whose host is staging's own (its name says staging, or it is the staging app's), or a
    /// URL that carries a password (an add-on's <c>REDIS_URL</c>, <c>CLOUDAMQP_URL</c>: prod would use staging's
    /// service with staging's credentials).
    /// </summary>
    public static bool MustDiffer(string name, VarKind kind, ConfigVars staging)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(staging);
        return kind switch
        {
            VarKind.StripeSecretKey or VarKind.StripePublishableKey or VarKind.StripeRestrictedKey or VarKind.StripeWebhookSecret => true,
            VarKind.PostgresUrl or VarKind.Hex64Token => true,

            // Sentry's own item judges a shared project (a warning): an old DSN's key:secret is no reason to fail here.
            VarKind.SentryDsn => false,
            VarKind.HttpsUrl => staging.Get(name) is { } value && StagingsOrCarriesPassword(value.Reveal().Trim(), staging),

            // Text: a secret by name, or a value that points at staging or carries a password.
            _ => SecretName().IsMatch(name)
                || (staging.Get(name) is { } value && StagingsOrCarriesPassword(value.Reveal().Trim(), staging)),
        };
    }

    // A URL of any scheme that carries a password or whose host is staging's (https://, http://...), or a bare host name
    // that is staging's (WEBAUTHN_RP_ID=raxx-api-staging-1a19fb3873b9.herokuapp.com: prod's passkeys would be bound to
    // staging's host).
    private static bool StagingsOrCarriesPassword(string text, ConfigVars staging) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && !string.IsNullOrEmpty(url.Host)
            ? CarriesPassword(url) || StagingsHost(url.Host, staging)
            : HostName().IsMatch(text) && StagingsHost(text, staging);

    // A host that is staging's own: its name says staging, or it is the staging app's (APP.herokuapp.com, APP-hash...).
    private static bool StagingsHost(string host, ConfigVars staging) =>
        host.Contains("staging", StringComparison.OrdinalIgnoreCase)
        || host.StartsWith(staging.App + ".", StringComparison.OrdinalIgnoreCase)
        || host.StartsWith(staging.App + "-", StringComparison.OrdinalIgnoreCase);

    // redis://h:PASSWORD@host, rediss://:PASSWORD@host, amqps://user:PASSWORD@host/vhost.
    private static bool CarriesPassword(Uri url) => url.UserInfo.Split(':', 2) is [_, { Length: > 0 }];

    /// <summary>
    /// The Stripe key vars staging's values name (the first var, by name, of each kind); kinds staging does not use are
    /// <see cref="StripeVarNames.Unused"/>. Null when staging sets no Stripe key at all.
    /// </summary>
    public static StripeVarNames? Stripe(ConfigVars staging)
    {
        ArgumentNullException.ThrowIfNull(staging);
        string? Of(VarKind kind) => staging.SetNames.FirstOrDefault(n => KindOf(n, staging.Get(n)!) == kind);
        var (secret, publishable, restricted, webhook) = (
            Of(VarKind.StripeSecretKey),
            Of(VarKind.StripePublishableKey),
            Of(VarKind.StripeRestrictedKey),
            Of(VarKind.StripeWebhookSecret)
        );
        if (secret is null && publishable is null && restricted is null && webhook is null)
        {
            return null;
        }

        var defaults = StripeVarNames.Default;
        return new StripeVarNames(
            secret ?? defaults.SecretKey,
            publishable ?? defaults.PublishableKey,
            restricted ?? defaults.RestrictedKey,
            webhook ?? defaults.WebhookSecret
        )
        {
            Unused = new HashSet<string>(
                new[]
                {
                    secret is null ? defaults.SecretKey : null,
                    publishable is null ? defaults.PublishableKey : null,
                    restricted is null ? defaults.RestrictedKey : null,
                    webhook is null ? defaults.WebhookSecret : null,
                }.OfType<string>(),
                StringComparer.Ordinal
            ),
        };
    }

    /// <summary>The Sentry DSN var: the first <c>SENTRY_DSN*</c> var staging sets, by name; null when it sets none.</summary>
    public static string? SentryDsnVar(ConfigVars staging)
    {
        ArgumentNullException.ThrowIfNull(staging);
        return staging.SetNames.FirstOrDefault(n => n.StartsWith("SENTRY_DSN", StringComparison.Ordinal));
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Hex64();

    // A DNS name of two labels at least, with an optional port: console.staging.raxx.app, raxx-api-staging.herokuapp.com.
    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+(:\d+)?$")]
    private static partial Regex HostName();

    [GeneratedRegex(
        "(SECRET|PASSWORD|PASSPHRASE|PRIVATE_KEY|API_KEY|_TOKEN|SIGNING_KEY|ENCRYPTION_KEY|MASTER_KEY|CREDENTIALS|_SALT$)",
        RegexOptions.None,
        1000
    )]
    private static partial Regex SecretName();
}
