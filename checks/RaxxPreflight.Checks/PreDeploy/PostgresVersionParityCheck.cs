using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>What was tested on staging's Postgres major version must run on prod's.</summary>
public sealed class PostgresVersionParityCheck(PreflightSession session)
{
    [Item(
        CheckIds.PostgresVersionParity,
        Phase.PreDeploy,
        "Prod's PostgreSQL major version equals staging's",
        Sources = Source.Heroku | Source.Postgres,
        FirstReads = [FirstRead.Databases]
    )]
    public Task Prod_postgres_version_matches_staging() =>
        Item.RunAsync(
            session,
            async () =>
            {
                var world = session.World;
                var (staging, prod) = await DatabaseItem.BothAsync(world, "server version", d => d.ServerVersion);

                var problem = DatabaseParity.Version(staging, prod);
                Verdict.That(
                    problem is null,
                    $"{problem}: the deploy would run on a server major version staging was never tested on",
                    [$"staging: {staging.Where}", $"prod: {prod.Where}"],
                    [FixCommands.PgUpgrade(world.Config.Prod.App, world.Config.Staging.App)]
                );
            }
        );
}
