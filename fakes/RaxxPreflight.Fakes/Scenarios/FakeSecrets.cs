using System.Security.Cryptography;
using System.Text;

namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>Realistic-looking, made-up secret values, the same every run for the same label.</summary>
public static class FakeSecrets
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>64 lowercase hex characters.</summary>
    public static string Hex64(string label) => Convert.ToHexStringLower(Hash(label));

    /// <summary>A Stripe-shaped key: <paramref name="prefix"/> and 99 alphanumerics, as Stripe's are.</summary>
    public static string StripeKey(string prefix, string label) => prefix + "51Raxx" + Alphanumerics(label, 93);

    /// <summary>A webhook signing secret: <c>whsec_</c> and 32 alphanumerics.</summary>
    public static string WebhookSecret(string label) => "whsec_" + Alphanumerics(label, 32);

    /// <summary>A Heroku Postgres URL.</summary>
    public static string DatabaseUrl(string label)
    {
        // Loopback port 1: nothing answers, and nothing leaves the machine. FakeWorld.StartAsync points
        // DATABASE_URL at a real database instead.
        var hex = Hex64(label);
        return $"postgres://u{hex[..13]}:p{hex[13..51]}@127.0.0.1:1/d{hex[58..]}";
    }

    /// <summary>A Sentry DSN of project <paramref name="project"/>.</summary>
    public static string SentryDsn(string label, long project) => $"https://{Hex64(label)[..32]}@o4507238.ingest.us.sentry.io/{project}";

    private static string Alphanumerics(string label, int length)
    {
        var text = new StringBuilder(length);
        for (var block = 0; text.Length < length; block++)
        {
            foreach (var b in Hash($"{label}#{block}"))
            {
                if (text.Length < length)
                {
                    text.Append(Alphanumeric[b % Alphanumeric.Length]);
                }
            }
        }

        return text.ToString();
    }

    private static byte[] Hash(string label) => SHA256.HashData(Encoding.UTF8.GetBytes(label));
}
