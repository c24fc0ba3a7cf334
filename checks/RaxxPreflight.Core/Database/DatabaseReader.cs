using System.Globalization;
using System.Net.Sockets;
using Npgsql;
using RaxxPreflight.Secrets;

namespace RaxxPreflight.Database;

/// <summary>Reads a database's version, extensions and schema in one read-only session.</summary>
public static class DatabaseReader
{
    private const string ColumnsSql = """
        SELECT table_schema || '.' || table_name || '.' || column_name
        FROM information_schema.columns
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\_%'
        """;

    /// <summary>Opens <paramref name="connection"/> (read-only), reads, and closes it.</summary>
    /// <exception cref="DatabaseCheckException">No connection, or the session is not read-only; one line, no credential.</exception>
    public static async Task<DatabaseReading> ReadAsync(
        NpgsqlConnectionStringBuilder connection,
        string who,
        Redactor redactor,
        CancellationToken cancellationToken,
        string? app = null
    )
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(redactor);
        redactor.Remember(connection.Password is { } password ? new SecretValue(password) : null);
        redactor.Remember(connection.Username is { } user ? new SecretValue(user) : null);
        var where = PostgresUrl.Describe(connection);
        try
        {
            // The slim builder, without type loading: the reader reads text, names and integers, which Npgsql knows
            // without asking the server (no pg_type query on each session), and TLS is switched on explicitly.
            var builder = new NpgsqlSlimDataSourceBuilder(connection.ConnectionString);
            builder.EnableTransportSecurity();
            builder.ConfigureTypeLoading(loading => loading.EnableTypeLoading(false));
            var source = builder.Build();
            await using var closingSource = source.ConfigureAwait(false);
            var session = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var closing = session.ConfigureAwait(false);
            var readOnly = string.Equals(
                await ScalarAsync(session, "SHOW transaction_read_only", cancellationToken).ConfigureAwait(false),
                "on",
                StringComparison.Ordinal
            );
            if (!readOnly)
            {
                throw new DatabaseCheckException(
                    $"{who} database at {where} did not open a read-only session: the checklist will not read it"
                );
            }

            var version = await ScalarAsync(session, "SHOW server_version", cancellationToken).ConfigureAwait(false) ?? "?";
            var number = int.Parse(
                await ScalarAsync(session, "SHOW server_version_num", cancellationToken).ConfigureAwait(false) ?? "0",
                CultureInfo.InvariantCulture
            );
            var extensions = await ListAsync(session, "SELECT extname FROM pg_extension", cancellationToken).ConfigureAwait(false);
            var columns = await ListAsync(session, ColumnsSql, cancellationToken).ConfigureAwait(false);
            return new DatabaseReading(where, version.Split(' ')[0], number / 10000, extensions, columns, readOnly);
        }
        catch (Exception e)
            when (e is NpgsqlException or SocketException or TimeoutException or InvalidOperationException
                && e is not DatabaseCheckException
            )
        {
            var cause = Cause(e, connection.Timeout);
            var fix =
                app is null ? string.Empty
                : cause.Contains("credentials", StringComparison.Ordinal)
                    ? $": check that DATABASE_URL is current (heroku pg:credentials:url --app {app})"
                : cause.Contains("protocol", StringComparison.Ordinal)
                    ? $": check the host and port of DATABASE_URL against heroku pg:info --app {app}"
                : $": heroku pg:info --app {app}";

            // A peer that is not Postgres gets no quote: the driver's words for it ("Internal Npgsql bug") mislead.
            var reason = cause.Contains("protocol", StringComparison.Ordinal)
                ? " (it closed the connection mid-handshake or answered other bytes)"
                : $" ({redactor.Scrub(Reason(e))})";
            throw new DatabaseCheckException($"{who} database at {where} {cause}{reason}{fix}", e);
        }
    }

    // What actually went wrong, in the words an operator acts on: refused, no answer, credentials, TLS, no database.
    private static string Cause(Exception e, int timeoutSeconds)
    {
        var chain = new List<Exception>();
        for (var cause = e; cause is not null; cause = cause.InnerException)
        {
            chain.Add(cause);
        }

        return chain switch
        {
            _ when chain.OfType<PostgresException>().FirstOrDefault() is { SqlState: "28P01" or "28000" } =>
                "refused the credentials in its URL",
            _ when chain.OfType<PostgresException>().FirstOrDefault() is { SqlState: "3D000" } => "has no such database",
            _ when chain.OfType<SocketException>().FirstOrDefault() is { SocketErrorCode: SocketError.ConnectionRefused } =>
                "refused the connection",
            _ when chain.OfType<SocketException>().FirstOrDefault()
                    is { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain } => "names a host that does not resolve",
            _ when chain.Any(c => c is System.Security.Authentication.AuthenticationException) => "failed the TLS handshake",
            _ when chain.Any(c => c is TimeoutException) => $"did not answer within {timeoutSeconds}s",
            _ when NotPostgres(chain) => "did not speak PostgreSQL's protocol",
            _ => "did not accept a connection",
        };
    }

    // A peer that is not Postgres: the stream ends inside the handshake, or Npgsql meets a message code it does not know.
    private static bool NotPostgres(List<Exception> chain) =>
        chain.Any(c =>
            c is EndOfStreamException
            || c.Message.Contains("Internal Npgsql bug", StringComparison.Ordinal)
            || c.Message.Contains("Unknown message code", StringComparison.OrdinalIgnoreCase)
        );

    private static string Reason(Exception e) =>
        e is PostgresException postgres ? $"{postgres.SqlState}: {postgres.MessageText}" : e.InnerException?.Message ?? e.Message;

    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Security",
        "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "Every query is a constant of this class; nothing from outside is ever part of one."
    )]
    private static async Task<string?> ScalarAsync(NpgsqlConnection session, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, session);
        await using var disposing = command.ConfigureAwait(false);
        return (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))?.ToString();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Security",
        "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "Every query is a constant of this class; nothing from outside is ever part of one."
    )]
    private static async Task<IReadOnlySet<string>> ListAsync(NpgsqlConnection session, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, session);
        await using var disposing = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var closing = reader.ConfigureAwait(false);
        var values = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
