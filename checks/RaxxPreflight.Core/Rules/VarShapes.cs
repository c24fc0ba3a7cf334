using System.Text.RegularExpressions;
using RaxxPreflight.Configuration;
using RaxxPreflight.Secrets;

namespace RaxxPreflight.Rules;

/// <summary>Whether a config var's value has the shape of its kind; problems are worded without the value.</summary>
public static partial class VarShapes
{
    /// <summary>The problem with <paramref name="value"/> as a <paramref name="kind"/>, or null when it fits.</summary>
    public static string? Problem(VarKind kind, SecretValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Reveal();
        return kind switch
        {
            VarKind.Text => value.IsBlank ? "is empty" : null,
            VarKind.Hex64Token => Hex64().IsMatch(text)
                ? null
                : $"is not a 64-character hex token (found {value.Length} characters, {value.Masked})",
            VarKind.HttpsUrl => IsHttpsUrl(text) ? null : $"is not an absolute https URL (found {value.Masked})",
            VarKind.Flag => text is "true" or "false" ? null : $"is not true or false (found {value.Length} characters)",
            VarKind.PostgresUrl => PostgresUrl().IsMatch(text)
                ? null
                : $"is not a postgres://user:password@host:port/database URL (found {value.Masked})",
            VarKind.SentryDsn => SentryDsn.TryParse(text) is not null
                ? null
                : $"is not a Sentry DSN https://<key>@<host>/<project> (found {value.Masked})",
            VarKind.StripeSecretKey => StripeKey("sk").IsMatch(text)
                ? null
                : $"is not a Stripe secret key sk_live_/sk_test_ (found {value.Masked})",
            VarKind.StripePublishableKey => StripeKey("pk").IsMatch(text)
                ? null
                : $"is not a Stripe publishable key pk_live_/pk_test_ (found {value.Masked})",
            VarKind.StripeRestrictedKey => StripeKey("rk").IsMatch(text)
                ? null
                : $"is not a Stripe restricted key rk_live_/rk_test_ (found {value.Masked})",
            VarKind.StripeWebhookSecret => WebhookSecret().IsMatch(text)
                ? null
                : $"is not a Stripe webhook signing secret whsec_ (found {value.Masked})",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown kind"),
        };
    }

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

    private static Regex StripeKey(string kind) =>
        kind switch
        {
            "sk" => SecretKey(),
            "pk" => PublishableKey(),
            _ => RestrictedKey(),
        };

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Hex64();

    [GeneratedRegex(@"^postgres(ql)?://[^:@/\s]+:[^@\s]+@[^:/\s]+(:\d+)?/[^/\s?]+(\?\S*)?$")]
    private static partial Regex PostgresUrl();

    [GeneratedRegex("^sk_(live|test)_[A-Za-z0-9]{8,}$")]
    private static partial Regex SecretKey();

    [GeneratedRegex("^pk_(live|test)_[A-Za-z0-9]{8,}$")]
    private static partial Regex PublishableKey();

    [GeneratedRegex("^rk_(live|test)_[A-Za-z0-9]{8,}$")]
    private static partial Regex RestrictedKey();

    [GeneratedRegex("^whsec_[A-Za-z0-9+/=]{8,}$")]
    private static partial Regex WebhookSecret();
}
