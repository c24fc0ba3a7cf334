using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Reporting;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>What the deploy's migrations will have to create on prod: a warning, since migrating is the deploy's job.</summary>
public sealed class PostgresSchemaParityCheck(PreflightSession session)
{
    [Item(
        CheckIds.PostgresSchemaParity,
        Phase.PreDeploy,
        "Prod's schema has every table and column staging's has (warns of what migrations must create)",
        Sources = Source.Heroku | Source.Postgres,
        FirstReads = [FirstRead.Databases]
    )]
    public Task Prod_schema_matches_staging() =>
        Item.RunAsync(
            session,
            async () =>
            {
                var world = session.World;
                var (staging, prod) = await DatabaseItem.SchemasAsync(world);

                var (tables, columns) = DatabaseParity.MissingSchema(staging, prod);
                if (tables.Count + columns.Count > 0)
                {
                    Verdict.Warn(
                        $"prod's schema lacks {tables.Count} table{(tables.Count == 1 ? string.Empty : "s")} and {columns.Count} column{(columns.Count == 1 ? string.Empty : "s")} that staging's has: the deploy's migrations must create them",
                        DatabaseParity.MissingLines(tables, columns),
                        [FixCommands.MigrationsRan(world.Config.Prod.App)],
                        [
                            .. tables.Select(t => new Finding(t, "a table staging's database has and prod's lacks", null)),
                            .. columns.Select(c => new Finding(c, "a column staging's database has and prod's lacks", null)),
                        ]
                    );
                }
            }
        );
}
