using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>Migrations and queries that staging runs may need its extensions: prod must have them too.</summary>
public sealed class PostgresExtensionsParityCheck(PreflightSession session)
{
    [Item(
        CheckIds.PostgresExtensionsParity,
        Phase.PreDeploy,
        "Prod's database has every extension staging's has",
        Sources = Source.Heroku | Source.Postgres,
        FirstReads = [FirstRead.Databases]
    )]
    public Task Prod_has_stagings_extensions() =>
        Item.RunAsync(
            session,
            async () =>
            {
                var world = session.World;
                var (staging, prod) = await DatabaseItem.BothAsync(
                    world,
                    "extensions",
                    d => string.Join(", ", d.Extensions.Order(StringComparer.Ordinal))
                );

                var missing = DatabaseParity.MissingExtensions(staging, prod, world.Config.Database.AllowedMissingExtensions);
                var app = world.Config.Prod.App;
                Verdict.NoFindings(
                    [
                        .. missing.Select(e => new Finding(
                            e,
                            $"staging's database has it, prod's ({prod.Where}) does not (or list it in database.allowedMissingExtensions if prod does without it)",
                            FixCommands.CreateExtension(app, e)
                        )),
                    ],
                    $"prod's database lacks {missing.Count} extension{(missing.Count == 1 ? string.Empty : "s")} staging's has: {string.Join(", ", missing)}"
                );
            }
        );
}
