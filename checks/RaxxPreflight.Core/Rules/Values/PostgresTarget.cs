using System.Net;

namespace RaxxPreflight.Rules.Values;

/// <summary>
/// What a Postgres URL points at, per libpq's URI rules (<c>postgres[ql]://[user[:password]@][host][:port][/db][?params]</c>):
/// bracketed IPv6 hosts, an omitted port (5432), percent-encoded credentials, query parameters. Never the credentials.
/// </summary>
/// <param name="Host">The host, lower-case as <see cref="Uri"/> gives it; an IPv6 address in brackets.</param>
/// <param name="Port">The port.</param>
/// <param name="Database">The database.</param>
public sealed partial record PostgresTarget(string Host, int Port, string Database)
{
    /// <summary><c>host db.example, port 5432, database billing</c>.</summary>
    public override string ToString() => $"host {Host}, port {Port}, database {Database}";

    /// <summary>What <paramref name="text"/> points at, or why it is not a Postgres URL a live check can use.</summary>
    public static (PostgresTarget? Target, string? Problem) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // libpq takes a percent-encoded path as the host: a Unix socket, which System.Uri does not read as a host.
        if (SocketHost().Match(text) is { Success: true } socketHost)
        {
            return (
                null,
                $"names a Unix socket ({Uri.UnescapeDataString(socketHost.Groups["socket"].Value)}), which a live check cannot reach"
            );
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
        {
            return (null, "is not a postgres:// or postgresql:// URL");
        }

        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
        var hostParameter = query.Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == "host" && p.Length == 2)?[1];
        var host = uri.Host;
        if (host.Length == 0 || host.StartsWith('%') || WebUtility.UrlDecode(hostParameter ?? string.Empty).StartsWith('/'))
        {
            var socket = host.Length > 0 ? Uri.UnescapeDataString(host) : WebUtility.UrlDecode(hostParameter ?? string.Empty);
            return (null, socket.StartsWith('/') ? $"names a Unix socket ({socket}), which a live check cannot reach" : "names no host");
        }

        if (uri.UserInfo.Split(':', 2)[0].Length == 0)
        {
            return (null, "names no user");
        }

        // Heroku Postgres (any server off the dyno) refuses a login without one: the URL was copied without it.
        if (uri.UserInfo.Split(':', 2) is not [_, { Length: > 0 }] && !query.Any(p => p.StartsWith("password=", StringComparison.Ordinal)))
        {
            return (
                null,
                "names no password (Heroku Postgres refuses a login without one: copy the URL again with heroku pg:credentials:url)"
            );
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0)
        {
            return (null, "names no database");
        }

        return (new PostgresTarget(host, uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port, database), null);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^postgres(ql)?://([^@/?]*@)?(?<socket>%2[Ff][^/?:]*)")]
    private static partial System.Text.RegularExpressions.Regex SocketHost();
}
