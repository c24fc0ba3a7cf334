using System.Text.RegularExpressions;

namespace RaxxPreflight.Secrets;

/// <summary>
/// Masks secrets the run never read but that text from elsewhere holds (an app logging a connection string, an
/// API echoing a token): URL passwords, Stripe, GitHub, Heroku, AWS and Slack credentials, <c>Authorization</c>
/// headers, JWTs, <c>password=</c>-like pairs (also in JSON) and PEM private keys. The shapes come from the public
/// rule sets of secret scanners (gitleaks) and the providers' documented token prefixes. A mask keeps the kind and
/// the last four characters (<c>sk_live_****abcd</c>, <c>postgres://admin:****@db:5432/billing</c>), so the operator
/// knows which secret it was; look-alikes (commit SHAs, UUIDs, <c>errors=0</c>, <c>token_count=3</c>) stay readable.
/// </summary>
public static partial class SecretPatterns
{
    private const string Stars = "****";

    /// <summary><paramref name="text"/> with every secret-shaped part masked.</summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        text = PemBlock()
            .Replace(
                text,
                m => $"-----BEGIN {m.Groups["kind"].Value}PRIVATE KEY----- {Stars} -----END {m.Groups["kind"].Value}PRIVATE KEY-----"
            );
        text = PemStart().Replace(text, m => $"-----BEGIN {m.Groups["kind"].Value}PRIVATE KEY----- {Stars}");
        text = UrlPassword().Replace(text, m => $"{m.Groups["head"].Value}{Stars}@");
        text = Prefixed().Replace(text, m => $"{m.Groups["prefix"].Value}{Stars}{Tail(m.Groups["secret"].Value)}");
        text = AwsSecret().Replace(text, m => $"{m.Groups["key"].Value}{Stars}{Tail(m.Groups["secret"].Value)}");
        text = AuthorizationScheme().Replace(text, m => $"{m.Groups["scheme"].Value}{Stars}{Tail(m.Groups["secret"].Value)}");
        text = Jwt().Replace(text, m => $"eyJ{Stars}{Tail(m.Value)}");
        text = JsonPair().Replace(text, m => $"{m.Groups["key"].Value}{Stars}{Tail(m.Groups["secret"].Value)}\"");
        text = Pair().Replace(text, m => $"{m.Groups["key"].Value}{Stars}{Tail(m.Groups["secret"].Value)}");
        return text;
    }

    private static string Tail(string secret) => secret.Length >= 16 ? secret[^4..] : string.Empty;

    // -----BEGIN RSA PRIVATE KEY----- ... -----END RSA PRIVATE KEY-----, or its first line alone (a log splits it).
    [GeneratedRegex(@"-----BEGIN (?<kind>[A-Z ]*?)PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*?PRIVATE KEY-----")]
    private static partial Regex PemBlock();

    [GeneratedRegex(@"-----BEGIN (?<kind>[A-Z ]*?)PRIVATE KEY-----(?! \*{4})[^\n]*")]
    private static partial Regex PemStart();

    // scheme://user:password@host: the password goes, the user and host stay.
    [GeneratedRegex(@"(?<head>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@""']*:)(?<secret>[^\s@/""']+)@")]
    private static partial Regex UrlPassword();

    // Provider tokens by their documented prefixes.
    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])(?<prefix>(?:sk|rk|pk)_(?:org_)?(?:live|test)_|whsec_|gh[pousr]_|github_pat_|HRKU-|xox[abposr]-|A[KS]IA)(?<secret>[A-Za-z0-9_\-+/=]{8,})"
    )]
    private static partial Regex Prefixed();

    [GeneratedRegex(@"(?<key>\bAWS_SECRET_ACCESS_KEY[""']?\s*[=:]\s*[""']?)(?<secret>[A-Za-z0-9/+=]{20,})")]
    private static partial Regex AwsSecret();

    // Authorization: Bearer|Basic|Token <credential>.
    [GeneratedRegex(@"(?<scheme>\b(?:Bearer|Basic|Token)\s+)(?<secret>[A-Za-z0-9._~+/=-]{8,})")]
    private static partial Regex AuthorizationScheme();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}")]
    private static partial Regex Jwt();

    // "password": "...", "api_key": "..."
    [GeneratedRegex(
        @"(?<key>""[A-Za-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key)""\s*:\s*"")(?<secret>[^""<]{4,})""",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex JsonPair();

    // password=..., HEROKU_API_KEY=..., secret: ... (the key must end in the word; placeholders like <value> stay).
    [GeneratedRegex(
        @"(?<key>(?<![A-Za-z0-9])[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key)\s*[=:]\s*[""']?)(?<secret>(?![^\s""'&,;<>]*\*{4})[^\s""'&,;<>]{4,})",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Pair();
}
