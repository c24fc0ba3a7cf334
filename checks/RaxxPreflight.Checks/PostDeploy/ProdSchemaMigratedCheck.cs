using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks.PostDeploy;

/// <summary>
/// After the release, prod's schema must have what staging's has: a release phase that did not run (<c>heroku
/// container:release</c> skips heroku.yml's) or migrated nothing passes every other item while every write fails.
/// </summary>
public sealed class ProdSchemaMigratedCheck(PreflightSession session)
{
    [Item(
        CheckIds.ProdSchemaMigrated,
        Phase.PostDeploy,
        "After the release, prod's schema has every table and column staging's has (its migrations ran)",
        Sources = Source.Heroku | Source.Postgres,
        FirstReads = [FirstRead.Databases]
    )]
    public Task Prod_schema_was_migrated() =>
        Item.RunAsync(
            session,
            async () =>
            {
                var world = session.World;
                var (staging, prod) = await DatabaseItem.SchemasAsync(world);

                Verdict.Apply(DatabaseParity.Migrated(staging, prod, world.Config.Prod.App));
            }
        );
}
