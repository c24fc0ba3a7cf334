// The checklist's vocabulary, defined once and linked into every project that speaks it (Core, the
// analyzers, the fakes): public in Core, internal where RAXX_VOCABULARY_INTERNAL is defined.
namespace RaxxPreflight;

/// <summary>The names of the scenarios the fakes serve (<c>PREFLIGHT_TARGET=fakes:&lt;name&gt;</c>, <c>--fakes NAME</c>).</summary>
#if RAXX_VOCABULARY_INTERNAL
internal
#else
public
#endif
static class ScenarioNames
{
    /// <summary>The seed on 2026-05-18: prod lacks its config vars and its live Stripe keys.</summary>
    public const string Blocked = "blocked";

    /// <summary>The blockers cleared; nothing deployed yet.</summary>
    public const string Ready = "ready";

    /// <summary>The promoted image running on prod: every item passes.</summary>
    public const string Deployed = "deployed";

    /// <summary>web.1 crashed at startup.</summary>
    public const string DeployedCrashing = "deployed-crashing";

    /// <summary>Prod runs another image than staging.</summary>
    public const string DeployedWrongImage = "deployed-wrong-image";

    /// <summary>web.1 up, but its startup log and its failing health answer quote secrets of other systems.</summary>
    public const string DeployedLeakingSecrets = "deployed-leaking-secrets";

    /// <summary>The deploy boots over the first looks, then holds.</summary>
    public const string Settling = "settling";

    /// <summary>Prod's database lacks an extension staging has.</summary>
    public const string ProdMissingExtension = "prod-missing-extension";

    /// <summary>Prod's DATABASE_URL does not connect.</summary>
    public const string ProdDatabaseUnreachable = "prod-database-unreachable";

    /// <summary>Prod's schema lacks tables and columns staging's has.</summary>
    public const string ProdSchemaBehind = "prod-schema-behind";

    /// <summary>Prod's database has a follower on the same plan.</summary>
    public const string ProdWithFollower = "prod-with-follower";

    /// <summary>An analytics database on a smaller plan beside prod's primary.</summary>
    public const string ProdAnalyticsListedFirst = "prod-analytics-listed-first";

    /// <summary>Prod's primary is on a smaller plan, beside a leftover database on staging's plan.</summary>
    public const string ProdPrimaryDowngraded = "prod-primary-downgraded";

    /// <summary>Reviewers on production, but the workflow deploys prod on every push from a job with no environment.</summary>
    public const string ProdDeployedOnPush = "prod-deployed-on-push";

    /// <summary>Raxx's four services deployed and healthy (with .config/fleet.json): every item that applies passes.</summary>
    public const string FleetClear = "fleet-clear";

    /// <summary>The fleet, raxx-console's prod lacking two vars staging sets.</summary>
    public const string FleetConsoleMissingVars = "fleet-console-missing-vars";

    /// <summary>The fleet, raxx-api's workflow promoting to prod on every push.</summary>
    public const string FleetApiPushDeploysProd = "fleet-api-push-deploys-prod";

    /// <summary>The fleet, with no production environment in the repository.</summary>
    public const string FleetNoProductionEnvironment = "fleet-no-production-environment";

    /// <summary>The fleet, raxx-api's prod never deployed (config-only releases).</summary>
    public const string FleetApiNeverDeployed = "fleet-api-never-deployed";

    /// <summary>The fleet, raxx-api's prod crash-looping after a config:set.</summary>
    public const string FleetApiCrashLooping = "fleet-api-crash-looping";

    /// <summary>The fleet, raxx-console's prod on an older slug than staging's.</summary>
    public const string FleetConsoleOldSlug = "fleet-console-old-slug";

    /// <summary>Deployed, prod's health UP with a part DOWN: prod-healthy warns.</summary>
    public const string DeployedDegraded = "deployed-degraded";

    /// <summary>Deployed and healthy, but prod lacks tables staging has: the release phase did not run.</summary>
    public const string DeployedNotMigrated = "deployed-not-migrated";

    /// <summary>The seed's ready world behind Cloudflare Access: the probe needs a service token.</summary>
    public const string HealthBehindAccess = "health-behind-access";

    /// <summary>Every scenario, in the order the usage text lists them.</summary>
    public static readonly string[] All =
    [
        Blocked,
        Ready,
        Deployed,
        DeployedCrashing,
        DeployedWrongImage,
        Settling,
        DeployedLeakingSecrets,
        DeployedDegraded,
        DeployedNotMigrated,
        HealthBehindAccess,
        ProdMissingExtension,
        ProdDatabaseUnreachable,
        ProdSchemaBehind,
        ProdWithFollower,
        ProdAnalyticsListedFirst,
        ProdPrimaryDowngraded,
        ProdDeployedOnPush,
        FleetClear,
        FleetConsoleMissingVars,
        FleetApiPushDeploysProd,
        FleetNoProductionEnvironment,
        FleetApiNeverDeployed,
        FleetApiCrashLooping,
        FleetConsoleOldSlug,
    ];
}
