namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>The blockers cleared, but prod's database differs from staging's.</summary>
public static class DatabaseScenarios
{
    /// <summary>Prod's database lacks the pg_trgm extension staging's has.</summary>
    public static Scenario ProdMissingExtension()
    {
        var ready = SeedScenarios.Ready();
        var database = ready.Prod.Database with { Extensions = [.. ready.Prod.Database.Extensions.Where(e => e != "pg_trgm")] };
        return ready with
        {
            Name = ScenarioNames.ProdMissingExtension,
            Description = "prod's database lacks pg_trgm, which staging's has",
            Prod = ready.Prod with { Database = database },
        };
    }

    /// <summary>Prod's DATABASE_URL points at a server that does not answer.</summary>
    public static Scenario ProdDatabaseUnreachable()
    {
        var ready = SeedScenarios.Ready();
        return ready with
        {
            Name = ScenarioNames.ProdDatabaseUnreachable,
            Description = "prod's DATABASE_URL does not connect",
            Prod = ready.Prod with { Database = ready.Prod.Database with { Reachable = false } },
        };
    }

    /// <summary>Prod's schema is behind staging's: a table and a column its migrations have not created yet.</summary>
    public static Scenario ProdSchemaBehind()
    {
        var ready = SeedScenarios.Ready();
        var tables = ready
            .Prod.Database.Tables.Where(t => t.Key != "billing_events")
            .ToDictionary(
                t => t.Key,
                t =>
                    t.Key == "jobs"
                        ? (IReadOnlyList<string>)[.. t.Value.Where(c => !c.StartsWith("attempts", StringComparison.Ordinal))]
                        : t.Value,
                StringComparer.Ordinal
            );
        return ready with
        {
            Name = ScenarioNames.ProdSchemaBehind,
            Description = "prod's database lacks billing_events and jobs.attempts: migrations still to run",
            Prod = ready.Prod with { Database = ready.Prod.Database with { Tables = tables } },
        };
    }
}
