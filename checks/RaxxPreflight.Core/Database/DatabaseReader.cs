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
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(redactor);
        redactor.Remember(connection.Password is { } password ? new SecretValue(password) : null);
        redactor.Remember(connection.Username is { } user ? new SecretValue(user) : null);
        var where = PostgresUrl.Describe(connection);
        try
        {
            var session = new NpgsqlConnection(connection.ConnectionString);
            await using var closing = session.ConfigureAwait(false);
            await session.OpenAsync(cancellationToken).ConfigureAwait(false);
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
            var reason = e is PostgresException postgres
                ? $"{postgres.SqlState}: {postgres.MessageText}"
                : e.InnerException?.Message ?? e.Message;
            throw new DatabaseCheckException(
                $"{who} database at {where} did not accept a connection within {connection.Timeout}s: {redactor.Scrub(reason)}",
                e
            );
        }
    }

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
