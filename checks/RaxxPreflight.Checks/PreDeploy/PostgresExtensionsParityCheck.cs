using RaxxPreflight.Checks.Session;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>Migrations and queries that staging runs may need its extensions: prod must have them too.</summary>
[PreDeploy]
public sealed class PostgresExtensionsParityCheck(PreflightSession session)
{
    [Fact(DisplayName = "Prod's database has every extension staging's has")]
    [Check(CheckIds.PostgresExtensionsParity)]
    public Task Prod_has_stagings_extensions() =>
        Item.RunAsync(
            session,
            async () =>
            {
                var world = session.World;
                var (staging, prod) = await world.DatabasesAsync();
                Seen.Databases("extensions", staging, prod, d => string.Join(", ", d.Extensions.Order(StringComparer.Ordinal)));

                var missing = DatabaseParity.MissingExtensions(staging, prod, world.Config.Database.AllowedMissingExtensions);
                Verdict.That(
                    missing.Count == 0,
                    $"prod's database lacks {missing.Count} extension{(missing.Count == 1 ? string.Empty : "s")} staging's has: {string.Join(", ", missing)}",
                    [
                        $"staging ({staging.Where}): {string.Join(", ", staging.Extensions.Order(StringComparer.Ordinal))}",
                        $"prod ({prod.Where}): {string.Join(", ", prod.Extensions.Order(StringComparer.Ordinal))}",
                    ],
                    [
                        .. missing.Select(e =>
                            $"heroku pg:psql --app {world.Config.Prod.App} -c 'CREATE EXTENSION IF NOT EXISTS \"{e}\";'"
                        ),
                        "or, if prod does without it, list it in database.allowedMissingExtensions in the config",
                    ]
                );
            }
        );
}
