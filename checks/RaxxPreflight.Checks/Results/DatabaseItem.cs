using RaxxPreflight.Database;
using RaxxPreflight.Rules;
using RaxxPreflight.World;

namespace RaxxPreflight.Checks;

/// <summary>What every database item does first: end as not applicable where no database is attached, then read both.</summary>
internal static class DatabaseItem
{
    /// <summary>Ends the item as not applicable when neither side has a <c>DATABASE_URL</c> to connect with.</summary>
    public static async Task AppliesAsync(DeployWorld world)
    {
        var (stagingVars, prodVars) = await world.ConfigVarsAsync();
        Verdict.AppliesUnless(Applicability.NoDatabaseToConnect(stagingVars, prodVars, world.Config.Staging.App, world.Config.Prod.App));
    }

    /// <summary>Both databases, once the item applies, with what was seen of them (<paramref name="name"/>, as <paramref name="shown"/> says it).</summary>
    public static async Task<(DatabaseReading Staging, DatabaseReading Prod)> BothAsync(
        DeployWorld world,
        string name,
        Func<DatabaseReading, string> shown
    )
    {
        await AppliesAsync(world);
        var (staging, prod) = await world.DatabasesAsync();
        Seen.Databases(name, staging, prod, shown);
        return (staging, prod);
    }

    /// <summary>Both databases for the schema items, with their table counts as what was seen.</summary>
    public static Task<(DatabaseReading Staging, DatabaseReading Prod)> SchemasAsync(DeployWorld world) =>
        BothAsync(world, "tables", d => d.Tables.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
