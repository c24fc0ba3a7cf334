using System.Text.RegularExpressions;
using RaxxPreflight.Configuration;
using RaxxPreflight.Secrets;

namespace RaxxPreflight.Rules;

/// <summary>Whether a config var's value has the shape of its kind; problems are worded without the value.</summary>
public static partial class VarShapes
{
    /// <summary>
    /// The problem with <paramref name="value"/> as a <paramref name="kind"/>, or null when it fits. Whitespace around a
    /// value is named first (a trailing newline fits no shape: every shape ends at the value's true end).
    /// </summary>
    public static string? Problem(VarKind kind, SecretValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Reveal();
        if (kind != VarKind.Text && Values.ValueText.WhitespaceProblem(text) is { } whitespace)
        {
            return $"{whitespace} ({value.Masked})";
        }

        return kind switch
        {
            VarKind.Text => value.IsBlank ? "is empty" : null,
            VarKind.Hex64Token => Hex64().IsMatch(text)
                ? null
                : $"is not a 64-character hex token (found {value.Length} characters, {value.Masked})",
            VarKind.HttpsUrl => IsHttpsUrl(text) ? null : $"is not an absolute https URL (found {value.Masked})",
            VarKind.Flag => text is "true" or "false" ? null : $"is not true or false (found {value.Length} characters)",
            VarKind.PostgresUrl => Values.PostgresTarget.Parse(text).Problem is { } problem ? $"{problem} ({value.Masked})" : null,
            VarKind.SentryDsn => SentryDsn.TryParse(text) switch
            {
                null => $"is not a Sentry DSN https://<key>@<host>/<project> (found {value.Masked})",
                { } dsn when text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) =>
                    $"is a Sentry DSN over plain http ({dsn}): events, and the data they carry, would travel unencrypted; use its https:// form",
                _ => null,
            },
            VarKind.StripeSecretKey => StripeKind(value, "secret key", "sk_live_/sk_test_"),
            VarKind.StripePublishableKey => StripeKind(value, "publishable key", "pk_live_/pk_test_"),
            VarKind.StripeRestrictedKey => StripeKind(value, "restricted key", "rk_live_/rk_test_"),
            VarKind.StripeWebhookSecret => StripeKind(value, "webhook signing secret", "whsec_"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown kind"),
        };
    }

    // A key of the wrong kind names both the kind found and the kind expected.
    private static string? StripeKind(SecretValue value, string expected, string prefixes) =>
        Values.StripeKey.Classify(value.Reveal()) switch
        {
            null => $"is not a Stripe {expected} {prefixes} (found {value.Masked})",
            { Kind: var kind } key when kind != expected =>
                $"is {key.Words} ({value.Masked}), not the {expected} ({prefixes}) this var holds",
            { WellFormed: false } =>
                $"has the prefix of a Stripe {expected} but not its shape (found {value.Length} characters, {value.Masked})",
            _ => null,
        };

    /// <summary>What to type in place of the value in a <c>heroku config:set</c> line.</summary>
    public static string Placeholder(VarKind? kind) =>
        kind switch
        {
            VarKind.Hex64Token => "<64-hex token>",
            VarKind.HttpsUrl => "<https URL>",
            VarKind.Flag => "<true|false>",
            VarKind.PostgresUrl => "<postgres URL>",
            VarKind.SentryDsn => "<Sentry DSN>",
            VarKind.StripeSecretKey => "<sk_live_...>",
            VarKind.StripePublishableKey => "<pk_live_...>",
            VarKind.StripeRestrictedKey => "<rk_live_...>",
            VarKind.StripeWebhookSecret => "<whsec_...>",
            _ => "<value>",
        };

    private static bool IsHttpsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0;

    [GeneratedRegex(@"^[0-9a-fA-F]{64}\z")]
    private static partial Regex Hex64();
}
