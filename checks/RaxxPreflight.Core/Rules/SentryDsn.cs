using System.Text.RegularExpressions;

namespace RaxxPreflight.Rules;

/// <summary>
/// A Sentry DSN's public parts (<c>https://&lt;key&gt;@o&lt;org&gt;.ingest[.&lt;region&gt;].sentry.io/&lt;project&gt;</c>): the
/// organization, the project and the host. The key is never kept. On sentry.io a project is one project whatever
/// ingest host spells it (<c>o123.ingest.sentry.io</c>, <c>o123.ingest.us.sentry.io</c>, the older <c>sentry.io</c>);
/// a self-hosted DSN keeps its host.
/// </summary>
/// <param name="Host">The ingest host (with its port, if any), lower-case.</param>
/// <param name="ProjectId">The project id.</param>
public sealed partial record SentryDsn(string Host, string ProjectId)
{
    /// <summary>The DSN's public parts of a config var's value, or null when it is not a DSN.</summary>
    public static SentryDsn? TryParse(Secrets.SecretValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value.Reveal());
    }

    /// <summary>
    /// Whether two environments' DSNs report to one Sentry project (the same value, or the same project on the same
    /// host), and how each is described without its key: its project and host, or its mask when it is no DSN.
    /// </summary>
    public static (bool Shared, string Staging, string Prod) Compare(Secrets.SecretValue staging, Secrets.SecretValue prod)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(prod);
        var stagingDsn = TryParse(staging);
        var prodDsn = TryParse(prod);
        var shared = staging.Equals(prod) || (stagingDsn is not null && prodDsn is not null && stagingDsn.SameProject(prodDsn));
        return (shared, stagingDsn?.ToString() ?? staging.Masked, prodDsn?.ToString() ?? prod.Masked);
    }

    /// <summary>The DSN's public parts, or null when <paramref name="text"/> is not a DSN (whitespace included).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Globalization",
        "CA1308:Normalize strings to uppercase",
        Justification = "Host names are compared as DNS spells them: lower-case."
    )]
    public static SentryDsn? TryParse(string text)
    {
        var match = Pattern().Match(text ?? string.Empty);
        return match.Success ? new SentryDsn(match.Groups["host"].Value.ToLowerInvariant(), match.Groups["project"].Value) : null;
    }

    /// <summary>True for sentry.io's own ingest hosts.</summary>
    public bool OnSentryIo => Host == "sentry.io" || Host.EndsWith(".sentry.io", StringComparison.Ordinal);

    /// <summary>The organization id an ingest host names (<c>o123</c>), if it names one.</summary>
    public string? OrganizationId => OrgHost().Match(Host) is { Success: true } m ? m.Groups["org"].Value : null;

    /// <summary>True when both are the same project: on sentry.io by project id, whatever host spells it; self-hosted, by host and id.</summary>
    public bool SameProject(SentryDsn other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ProjectId == other.ProjectId
            && (
                OnSentryIo && other.OnSentryIo
                    ? OrganizationId is null || other.OrganizationId is null || OrganizationId == other.OrganizationId
                    : Host == other.Host
            );
    }

    /// <inheritdoc />
    public override string ToString() => $"project {ProjectId} on {Host}";

    // The optional ":<secret>" after the key is deprecated but still accepted by Sentry. \z: no trailing newline.
    [GeneratedRegex(@"^https?://(?<key>[0-9a-zA-Z]+)(:[0-9a-zA-Z]+)?@(?<host>[A-Za-z0-9.\-]+(:\d+)?)/(?<path>[^\s]*/)?(?<project>\d+)/?\z")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^o(?<org>\d+)\.ingest(\.[a-z]{2})?\.sentry\.io$")]
    private static partial Regex OrgHost();
}
