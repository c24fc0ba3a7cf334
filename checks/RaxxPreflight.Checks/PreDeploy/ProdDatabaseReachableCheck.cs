using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>The container's first query needs a database that answers: prod's DATABASE_URL must accept a connection.</summary>
public sealed class ProdDatabaseReachableCheck(PreflightSession session)
{
    [Item(
        CheckIds.ProdDatabaseReachable,
        Phase.PreDeploy,
        "Prod's DATABASE_URL accepts a read-only connection (over TLS when live)",
        Sources = Source.Heroku | Source.Postgres,
        FirstReads = [FirstRead.ProdDatabase]
    )]
    public Task Prod_database_accepts_a_connection() =>
        Item.RunAsync(
            session,
            async () =>
            {
                var world = session.World;
                await DatabaseItem.AppliesAsync(world);
                var prod = await world.ProdDatabase;
                Seen.State(Stages.Prod, "database", $"PostgreSQL {prod.ServerVersion} at {prod.Where}");

                // A session that could write would have been refused before any read; say what was seen.
                Verdict.That(
                    prod.ReadOnly,
                    $"prod's database session at {prod.Where} is not read-only: the checklist never opens one that could write",
                    [],
                    []
                );
                Verdict.Pass($"connected to {prod.Where}: PostgreSQL {prod.ServerVersion}, read-only session");
            }
        );
}
