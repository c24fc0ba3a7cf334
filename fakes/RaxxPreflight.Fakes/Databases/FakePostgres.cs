using System.Globalization;
using Npgsql;
using RaxxPreflight.Fakes.Scenarios;
using Testcontainers.PostgreSql;

namespace RaxxPreflight.Fakes.Databases;

/// <summary>
/// The real Postgres server behind the scenarios' databases: a Testcontainers container of its own, or a
/// server already running (shared across scenarios, one database per app and scenario).
/// </summary>
public sealed class FakePostgres : IAsyncDisposable
{
    private readonly PostgreSqlContainer? container;
    private readonly NpgsqlConnectionStringBuilder admin;
    private readonly List<string> created = [];

    private FakePostgres(PostgreSqlContainer? container, string adminConnectionString)
    {
        this.container = container;
        // The fakes' own set-up is no verdict: on a machine busy enough that CREATE DATABASE waits past Npgsql's 30 s
        // (it did, in CI, under a load of 19 on two cores), the scenario is late, never failed. Bounded all the same.
        admin = new NpgsqlConnectionStringBuilder(adminConnectionString)
        {
            Pooling = false,
            Timeout = (int)SetUpBound.TotalSeconds,
            CommandTimeout = (int)SetUpBound.TotalSeconds,
        };
    }

    /// <summary>How long the fakes wait for their own server to connect or to run one set-up statement.</summary>
    public static readonly TimeSpan SetUpBound = TimeSpan.FromMinutes(3);

    /// <summary>A connection string to the server's <c>postgres</c> database as its admin.</summary>
    public string AdminConnectionString => admin.ConnectionString;

    /// <summary>Starts a container of <paramref name="image"/> (Testcontainers; the API version comes from the environment), on <paramref name="dockerEndpoint"/> when one is named.</summary>
    public static Task<FakePostgres> StartAsync(string image, Uri? dockerEndpoint, CancellationToken cancellationToken) =>
        StartAsync(image, dockerEndpoint, NewPassword(), cancellationToken);

    /// <summary>The admin user of a server this class starts.</summary>
    public const string ContainerUser = "raxx";

    /// <summary>A new password for a server this class starts.</summary>
    public static string NewPassword() => $"fake-{Guid.NewGuid():N}";

    /// <summary>Starts a container of <paramref name="image"/> whose admin (<see cref="ContainerUser"/>) has <paramref name="password"/>.</summary>
    public static async Task<FakePostgres> StartAsync(
        string image,
        Uri? dockerEndpoint,
        string password,
        CancellationToken cancellationToken
    )
    {
        // Testcontainers' own lines (the engine's version, the container's life) are no line of the operator's run.
        var builder = new PostgreSqlBuilder(image)
            .WithUsername(ContainerUser)
            .WithPassword(password)
            .WithDatabase("postgres")
            .WithLogger(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        // An engine named by DOCKER_HOST is the one to use: Testcontainers would otherwise try the default socket next.
        var container = (dockerEndpoint is null ? builder : builder.WithDockerEndpoint(dockerEndpoint)).Build();
        try
        {
            await container.StartAsync(cancellationToken).ConfigureAwait(false);
            return new FakePostgres(container, container.GetConnectionString());
        }
        catch
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Uses a server already running, as its admin connection string names it; databases made here are dropped at the end.</summary>
    public static FakePostgres Attach(string adminConnectionString) => new(null, adminConnectionString);

    /// <summary>Creates a database seeded with <paramref name="state"/>; the answer is its <c>postgres://</c> URL.</summary>
    public Task<string> CreateDatabaseAsync(string label, DatabaseState state, CancellationToken cancellationToken) =>
        CreateNamedDatabaseAsync(NewDatabaseName(label), state, cancellationToken);

    /// <summary>A database name of <paramref name="label"/> that no other call gives.</summary>
    public static string NewDatabaseName(string label) => DatabaseName(label, Guid.NewGuid());

    /// <summary>Creates the database <paramref name="name"/> (from <see cref="NewDatabaseName"/>) seeded with <paramref name="state"/>; the answer is its URL.</summary>
    public async Task<string> CreateNamedDatabaseAsync(string name, DatabaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await ExecuteAsync(admin, [$"CREATE DATABASE \"{name}\""], cancellationToken).ConfigureAwait(false);
        created.Add(name);

        var database = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name };
        var statements = state
            .Extensions.Select(e => $"CREATE EXTENSION IF NOT EXISTS \"{e}\"")
            .Concat(state.Tables.Select(t => $"CREATE TABLE \"{t.Key}\" ({string.Join(", ", t.Value)})"));
        await ExecuteAsync(database, [.. statements], cancellationToken).ConfigureAwait(false);
        return Url(database);
    }

    /// <summary>
    /// A database name unique to one call: the label, shortened so that the whole name fits PostgreSQL's 63 bytes,
    /// and the whole of <paramref name="unique"/> (cutting the name instead would cut the unique part first, and two
    /// worlds of one scenario with a long name would then collide: "42P04 database already exists").
    /// </summary>
    private static string DatabaseName(string label, Guid unique)
    {
        const int MaxLength = 63;
        var suffix = string.Create(CultureInfo.InvariantCulture, $"_{unique:N}");
        var words = new string([.. label.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_')]);
        var prefix = "raxx_" + words;
        return prefix[..Math.Min(prefix.Length, MaxLength - suffix.Length)] + suffix;
    }

    /// <summary>A URL with these credentials that no server answers.</summary>
    public static string UnreachableUrl(string user, string password, string label) =>
        Url(user, password, "127.0.0.1", 1, $"raxx_{label}_gone");

    /// <summary>A database's <c>postgres://</c> URL, its credentials escaped.</summary>
    public static string Url(string user, string password, string host, int port, string database) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"postgres://{Uri.EscapeDataString(user)}:{Uri.EscapeDataString(password)}@{host}:{port}/{database}"
        );

    /// <summary>The server's address, as its admin connection string names it.</summary>
    public (string Host, int Port) Address => (admin.Host ?? "127.0.0.1", admin.Port);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync().ConfigureAwait(false);
            return;
        }

        await ExecuteAsync(admin, [.. created.Select(name => $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")], CancellationToken.None)
            .ConfigureAwait(false);
    }

    private static string Url(NpgsqlConnectionStringBuilder database) =>
        Url(database.Username!, database.Password ?? string.Empty, database.Host!, database.Port, database.Database!);

    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Security",
        "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "The statements are built from the scenario's own constants, in test fakes."
    )]
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "RaxxPreflight",
        "RXP0003:Checklist code makes no mutating HTTP call",
        Justification = "The fakes create and seed their own scenario databases on the fakes' own server; production is never reachable from here."
    )]
    private static async Task ExecuteAsync(
        NpgsqlConnectionStringBuilder where,
        IReadOnlyList<string> statements,
        CancellationToken cancellationToken
    )
    {
        var connection = new NpgsqlConnection(where.ConnectionString);
        await using var closing = connection.ConfigureAwait(false);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var sql in statements)
        {
            var command = new NpgsqlCommand(sql, connection);
            await using var disposing = command.ConfigureAwait(false);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
