using RaxxPreflight.Checks.Session;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>The container's first query needs a database that answers: prod's DATABASE_URL must accept a connection.</summary>
[PreDeploy]
public sealed class ProdDatabaseReachableCheck(PreflightSession session)
{
    [Fact(DisplayName = "Prod's DATABASE_URL accepts a read-only connection (over TLS when live)")]
    [Check(CheckIds.ProdDatabaseReachable)]
    public async Task Prod_database_accepts_a_connection()
    {
        var world = session.World;
        var prod = await world.ProdDatabase;

        // A session that could write would have been refused before any read; say what was seen.
        prod.ReadOnly.ShouldBeTrue();
        TestContext.Current.TestOutputHelper?.WriteLine($"connected to {prod.Where}: PostgreSQL {prod.ServerVersion}, read-only session");
    }
}
