using System.Text.RegularExpressions;

namespace RaxxPreflight.Rules;

/// <summary>A Sentry DSN's public parts: <c>https://&lt;key&gt;@&lt;host&gt;/&lt;project&gt;</c>. The key is never kept.</summary>
/// <param name="Host">The ingest host.</param>
/// <param name="ProjectId">The project id.</param>
public sealed partial record SentryDsn(string Host, string ProjectId)
{
    /// <summary>The DSN's public parts, or null when <paramref name="text"/> is not a DSN.</summary>
    public static SentryDsn? TryParse(string text)
    {
        var match = Pattern().Match(text ?? string.Empty);
        return match.Success ? new SentryDsn(match.Groups["host"].Value, match.Groups["project"].Value) : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"project {ProjectId} on {Host}";

    // The optional ":<secret>" after the key is deprecated but still accepted by Sentry.
    [GeneratedRegex(@"^https://(?<key>[0-9a-zA-Z]+)(:[0-9a-zA-Z]+)?@(?<host>[A-Za-z0-9.\-]+(:\d+)?)/(?<path>[^\s]*/)?(?<project>\d+)/?$")]
    private static partial Regex Pattern();
}
