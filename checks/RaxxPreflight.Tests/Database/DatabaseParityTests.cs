using RaxxPreflight.Database;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Tests.Database;

public class DatabaseParityTests
{
    [Fact]
    public void Major_versions_must_match_minor_ones_need_not()
    {
        DatabaseParity.Version(Reading("15.8", 15), Reading("15.12", 15)).ShouldBeNull();
        DatabaseParity.Version(Reading("15.8", 15), Reading("16.4", 16)).ShouldBe("prod runs PostgreSQL 16 (16.4), staging 15 (15.8)");
    }

    [Fact]
    public void Missing_extensions_are_those_staging_has_less_the_allowed()
    {
        var staging = Reading("15.8", 15, extensions: ["plpgsql", "pgcrypto", "pg_trgm", "pg_stat_statements"]);
        var prod = Reading("15.8", 15, extensions: ["plpgsql", "pgcrypto", "citext"]);

        DatabaseParity.MissingExtensions(staging, prod, []).ShouldBe(["pg_stat_statements", "pg_trgm"]);
        DatabaseParity.MissingExtensions(staging, prod, ["pg_stat_statements"]).ShouldBe(["pg_trgm"]);
    }

    [Fact]
    public void Missing_schema_names_whole_tables_once_and_columns_of_shared_tables()
    {
        var staging = Reading(
            "15.8",
            15,
            columns: ["public.jobs.id", "public.jobs.attempts", "public.billing_events.id", "public.billing_events.received_at"]
        );
        var prod = Reading("15.8", 15, columns: ["public.jobs.id", "public.extra.id"]);

        var (tables, columns) = DatabaseParity.MissingSchema(staging, prod);

        tables.ShouldBe(["public.billing_events"]);
        columns.ShouldBe(["public.jobs.attempts"]);
    }

    private static DatabaseReading Reading(string version, int major, string[]? extensions = null, string[]? columns = null) =>
        new("h:5432/d", version, major, (extensions ?? ["plpgsql"]).ToHashSet(), (columns ?? []).ToHashSet(), ReadOnly: true);
}
