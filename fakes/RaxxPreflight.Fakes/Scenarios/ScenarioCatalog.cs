namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>Every scenario the fakes can serve, each built by one named builder.</summary>
public static class ScenarioCatalog
{
    private static readonly Dictionary<string, Func<Scenario>> Builders = new(StringComparer.Ordinal)
    {
        [ScenarioNames.Blocked] = SeedScenarios.Blocked,
        [ScenarioNames.Ready] = SeedScenarios.Ready,
        [ScenarioNames.Deployed] = DeployScenarios.Deployed,
        [ScenarioNames.DeployedCrashing] = DeployScenarios.DeployedCrashing,
        [ScenarioNames.DeployedWrongImage] = DeployScenarios.DeployedWrongImage,
        [ScenarioNames.DeployedLeakingSecrets] = DeployScenarios.DeployedLeakingSecrets,
        [ScenarioNames.Settling] = () => DeployScenarios.Settling(SettlingLooks),
        [ScenarioNames.DeployedDegraded] = HealthScenarios.DeployedDegraded,
        [ScenarioNames.DeployedNotMigrated] = HealthScenarios.DeployedNotMigrated,
        [ScenarioNames.HealthBehindAccess] = HealthScenarios.HealthBehindAccess,
        [ScenarioNames.ProdMissingExtension] = DatabaseScenarios.ProdMissingExtension,
        [ScenarioNames.ProdDatabaseUnreachable] = DatabaseScenarios.ProdDatabaseUnreachable,
        [ScenarioNames.ProdSchemaBehind] = DatabaseScenarios.ProdSchemaBehind,
        [ScenarioNames.ProdWithFollower] = AddonScenarios.ProdWithFollower,
        [ScenarioNames.ProdAnalyticsListedFirst] = AddonScenarios.ProdAnalyticsListedFirst,
        [ScenarioNames.ProdPrimaryDowngraded] = AddonScenarios.ProdPrimaryDowngraded,
        [ScenarioNames.ProdDeployedOnPush] = GateScenarios.ProdDeployedOnPush,
        [ScenarioNames.FleetClear] = FleetScenarios.Clear,
        [ScenarioNames.FleetConsoleMissingVars] = FleetScenarios.ConsoleMissingVars,
        [ScenarioNames.FleetApiPushDeploysProd] = FleetScenarios.ApiPushDeploysProd,
        [ScenarioNames.FleetNoProductionEnvironment] = FleetScenarios.NoProductionEnvironment,
        [ScenarioNames.FleetApiNeverDeployed] = FleetScenarios.ApiNeverDeployed,
        [ScenarioNames.FleetApiCrashLooping] = FleetScenarios.ApiCrashLooping,
        [ScenarioNames.FleetConsoleOldSlug] = FleetScenarios.ConsoleOldSlug,
    };

    /// <summary>How many looks at each of prod's resources the <c>settling</c> scenario stays booting for.</summary>
    public const int SettlingLooks = 2;

    /// <summary>The scenarios' names.</summary>
    public static IReadOnlyCollection<string> Names => ScenarioNames.All;

    /// <summary>Builds the scenario named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No scenario has that name.</exception>
    public static Scenario Get(string name) =>
        Builders.TryGetValue(name, out var build)
            ? build()
            : throw new ArgumentException($"no scenario is named '{name}'; the scenarios are {string.Join(", ", Names)}", nameof(name));
}
