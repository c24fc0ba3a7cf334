// The checklist's vocabulary, defined once and linked into every project that speaks it (Core, the
// analyzers, the fakes): public in Core, internal where RAXX_VOCABULARY_INTERNAL is defined.
namespace RaxxPreflight;

/// <summary>
/// Every checklist item's stable id, by name (CI history and <c>--filter Check=...</c> rely on them never changing): what
/// tests and fakes call an item, and, in the order the constants stand, the checklist's order. The item itself, its phase,
/// title and reads are declared on its fact (<c>[Item(...)]</c>).
/// </summary>
#if RAXX_VOCABULARY_INTERNAL
internal
#else
public
#endif
static class CheckIds
{
    /// <summary>Staging's health endpoint answers ok.</summary>
    public const string StagingHealthy = "staging-healthy";

    /// <summary>Staging runs what main's HEAD built.</summary>
    public const string StagingDeployedFromMain = "staging-deployed-from-main";

    /// <summary>Prod sets every var staging sets or the config requires.</summary>
    public const string ProdConfigVarsPresent = "prod-config-vars-present";

    /// <summary>Prod's vars have the shapes of their kinds and differ from staging's where they must.</summary>
    public const string ProdConfigVarsValid = "prod-config-vars-valid";

    /// <summary>Prod's Stripe keys are live, staging's are test-mode.</summary>
    public const string StripeKeysLive = "stripe-keys-live";

    /// <summary>Stripe accepts prod's secret key as a live key.</summary>
    public const string StripeKeyVerified = "stripe-key-verified";

    /// <summary>Prod's Postgres plan equals staging's.</summary>
    public const string PostgresPlanParity = "postgres-plan-parity";

    /// <summary>A human gate stands before the prod deploy.</summary>
    public const string DeployGateConfigured = "deploy-gate-configured";

    /// <summary>Prod and staging report to different Sentry projects (a warning only).</summary>
    public const string SentryDsnPerEnvironment = "sentry-dsn-per-environment";

    /// <summary>Prod runs a succeeded container release of staging's image.</summary>
    public const string ProdReleaseDeployed = "prod-release-deployed";

    /// <summary>Prod's formation runs the web process.</summary>
    public const string ProdFormationSet = "prod-formation-set";

    /// <summary>Every web dyno of prod's current release is up.</summary>
    public const string ProdDynosUp = "prod-dynos-up";

    /// <summary>Prod's health endpoint answers ok with staging's version.</summary>
    public const string ProdHealthy = "prod-healthy";

    /// <summary>Prod's web dynos logged no ERROR since the release.</summary>
    public const string ProdStartupLogsClean = "prod-startup-logs-clean";

    /// <summary>Prod's DATABASE_URL accepts a read-only connection.</summary>
    public const string ProdDatabaseReachable = "prod-database-reachable";

    /// <summary>Prod's Postgres major version equals staging's.</summary>
    public const string PostgresVersionParity = "postgres-version-parity";

    /// <summary>Prod has every extension staging has.</summary>
    public const string PostgresExtensionsParity = "postgres-extensions-parity";

    /// <summary>Prod's schema lacks nothing of staging's (a warning only).</summary>
    public const string PostgresSchemaParity = "postgres-schema-parity";

    /// <summary>After the release, prod's schema has every table and column staging's has: its migrations ran.</summary>
    public const string ProdSchemaMigrated = "prod-schema-migrated";
}
