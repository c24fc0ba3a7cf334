using Npgsql;
using RaxxPreflight.Database;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Secrets;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.Database;

/// <summary>Against a real Postgres database (the run's shared server): the session the checklist opens cannot write.</summary>
public class ReadOnlySessionTests
{
    private static readonly string[] Expected = ["plpgsql", "pgcrypto", "citext", "pg_trgm"];

    [Fact]
    public async Task A_write_through_the_checklists_connection_is_refused_by_the_server()
    {
        var ct = TestContext.Current.CancellationToken;
        var url = await SharedPostgres.Server.CreateDatabaseAsync("readonly_test", DatabaseState.Queue, ct);
        var connection = PostgresUrl.Parse(new SecretValue(url), requireTls: false, TimeSpan.FromSeconds(10));

        await using var session = new NpgsqlConnection(connection.ConnectionString);
        await session.OpenAsync(ct);
        await using var write = new NpgsqlCommand("CREATE TABLE intruder (id int)", session);
        var refused = await Should.ThrowAsync<PostgresException>(() => write.ExecuteNonQueryAsync(ct));

        refused.SqlState.ShouldBe(PostgresErrorCodes.ReadOnlySqlTransaction);
    }

    [Fact]
    public async Task The_reader_sees_version_extensions_and_columns_in_a_read_only_session()
    {
        var ct = TestContext.Current.CancellationToken;
        var url = await SharedPostgres.Server.CreateDatabaseAsync("reader_test", DatabaseState.Queue, ct);
        var connection = PostgresUrl.Parse(new SecretValue(url), requireTls: false, TimeSpan.FromSeconds(10));

        var reading = await DatabaseReader.ReadAsync(connection, "staging's", new Redactor(), ct);

        reading.ReadOnly.ShouldBeTrue();
        reading.MajorVersion.ShouldBeGreaterThanOrEqualTo(12);
        Expected.ShouldAllBe(e => reading.Extensions.Contains(e));
        reading.Tables.ShouldBe(["public.billing_events", "public.jobs", "public.queues"], ignoreOrder: true);
        reading.Columns.ShouldContain("public.jobs.attempts");
    }

    [Fact]
    public async Task Two_databases_made_for_one_long_label_are_two_databases()
    {
        // Two worlds of one scenario with a long name once made the same name (the unique part was cut off): 42P04.
        var ct = TestContext.Current.CancellationToken;
        const string Label = "prod-database-unreachable_raxx-queue-staging_and_a_longer_tail";

        var first = await SharedPostgres.Server.CreateDatabaseAsync(Label, DatabaseState.Queue, ct);
        var second = await SharedPostgres.Server.CreateDatabaseAsync(Label, DatabaseState.Queue, ct);

        var names = new[] { first, second }.Select(u => new Uri(u).AbsolutePath.TrimStart('/')).ToList();
        names.Distinct().Count().ShouldBe(2);
        names.ShouldAllBe(n => n.Length <= 63 && n.StartsWith("raxx_prod_database_unreachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_credentials_are_one_line_without_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = new NpgsqlConnectionStringBuilder(SharedPostgres.Server.AdminConnectionString);
        var url = $"postgres://raxx-intruder:wrong-password-123@{admin.Host}:{admin.Port}/postgres";
        var connection = PostgresUrl.Parse(new SecretValue(url), requireTls: false, TimeSpan.FromSeconds(10));

        var error = await Should.ThrowAsync<DatabaseCheckException>(() =>
            DatabaseReader.ReadAsync(connection, "prod's", new Redactor(), ct, "raxx-queue-prod")
        );

        error.Message.ShouldStartWith($"prod's database at {admin.Host}:{admin.Port}/postgres refused the credentials in its URL (28P01");
        error.Message.ShouldEndWith("): check that DATABASE_URL is current (heroku pg:credentials:url --app raxx-queue-prod)");
        error.Message.ShouldNotContain("wrong-password-123");
        error.Message.ShouldNotContain("raxx-intruder");
    }
}
