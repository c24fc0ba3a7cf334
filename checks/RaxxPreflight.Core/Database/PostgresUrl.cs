using Npgsql;
using RaxxPreflight.Secrets;

namespace RaxxPreflight.Database;

/// <summary>
/// The one place a <c>DATABASE_URL</c> (<c>postgres://user:password@host:port/database</c>) becomes a
/// connection string. Every session it makes is read-only (<c>default_transaction_read_only</c>), and
/// every error names the host and never the credentials.
/// </summary>
public static class PostgresUrl
{
    /// <summary>The connection string for <paramref name="url"/>, TLS required when <paramref name="requireTls"/>.</summary>
    /// <exception cref="DatabaseCheckException">The URL is not a postgres URL; the message holds no credential.</exception>
    public static NpgsqlConnectionStringBuilder Parse(SecretValue url, bool requireTls, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url.Reveal(), UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
        {
            throw new DatabaseCheckException($"DATABASE_URL is not a postgres://user:password@host:port/database URL ({url.Masked})");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var credentials = uri.UserInfo.Split(':', 2);
        if (uri.Host.Length == 0 || database.Length == 0 || credentials[0].Length == 0)
        {
            throw new DatabaseCheckException(
                $"DATABASE_URL names no {(uri.Host.Length == 0 ? "host" : database.Length == 0 ? "database" : "user")} ({url.Masked})"
            );
        }

        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = database,
            Username = Uri.UnescapeDataString(credentials[0]),
            Password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : null,
            SslMode = requireTls ? SslMode.Require : SslMode.Disable,
            Timeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
            CommandTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
            ApplicationName = "raxx-preflight",

            // Read-only in the session itself: nothing this connection runs can write.
            Options = "-c default_transaction_read_only=on",
            Pooling = false,
        };
    }

    /// <summary>Where a connection string points, without its credentials: <c>host:port/database</c>.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return $"{connection.Host}:{connection.Port}/{connection.Database}";
    }
}
