namespace RaxxPreflight.Configuration;

/// <summary>What the deploy looks like: read from <c>.config/preflight.json</c> or <c>PREFLIGHT_CONFIG</c>.</summary>
/// <param name="Staging">The staging app.</param>
/// <param name="Prod">The prod app.</param>
/// <param name="GitHub">The repository, deploy workflow and protected environment.</param>
/// <param name="Health">Where the health endpoint lives and what it must report.</param>
/// <param name="ConfigVars">Which config vars are required, and how they are checked.</param>
/// <param name="Stripe">The names of the Stripe config vars.</param>
/// <param name="SentryDsnVar">The config var that holds the Sentry DSN.</param>
/// <param name="PostgresAddonService">The add-on service whose plan must match, usually <c>heroku-postgresql</c>.</param>
/// <param name="PostDeploy">How the post-deploy items wait and what they expect.</param>
/// <param name="Database">How the database items connect and what they allow.</param>
public sealed record PreflightConfig(
    StageConfig Staging,
    StageConfig Prod,
    GitHubConfig GitHub,
    HealthConfig Health,
    ConfigVarRules ConfigVars,
    StripeVarNames Stripe,
    string SentryDsnVar,
    string PostgresAddonService,
    PostDeployConfig PostDeploy,
    DatabaseConfig Database
)
{
    /// <summary>How long one API call may take, its retries included (<c>api.timeoutSeconds</c>; 30 s when unset).</summary>
    public TimeSpan ApiTimeout { get; init; } = DefaultApiTimeout;

    /// <summary>The requests left this hour below which Heroku is not asked (<c>api.herokuRateFloor</c>; 200 when unset).</summary>
    public int HerokuRateFloor { get; init; } = 200;

    /// <summary>The accepted findings, each with an owner and an expiry (<c>waivers</c>; none when unset).</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    /// <summary>The service's name: the <c>services</c> key, or the name a whole-service file gives (its health's service).</summary>
    public string Service { get; init; } = "service";

    /// <summary>The service's Heroku pipeline, when the config names one (its apps are then found from its couplings).</summary>
    public string? Pipeline { get; init; }

    /// <summary>The API timeout when the config sets none.</summary>
    public static TimeSpan DefaultApiTimeout { get; } = TimeSpan.FromSeconds(30);
}

/// <summary>One Heroku app of the deploy.</summary>
/// <param name="Name">"staging" or "prod": how messages name the environment.</param>
/// <param name="App">The Heroku app name.</param>
/// <param name="HealthUrl">The health URL, when it is not the app's <c>web_url</c> joined with the health path.</param>
public sealed record StageConfig(string Name, string App, Uri? HealthUrl);

/// <summary>The GitHub side of the deploy.</summary>
/// <param name="Owner">The repository's owner.</param>
/// <param name="Repository">The repository's name.</param>
/// <param name="WorkflowPath">The deploy workflow's path in the repository.</param>
/// <param name="Branch">The branch deploys are made from.</param>
/// <param name="Environment">The protected GitHub environment.</param>
/// <param name="Gate">What the workflow's confirm gate must look like.</param>
public sealed record GitHubConfig(string Owner, string Repository, string WorkflowPath, string Branch, string Environment, GateConfig Gate)
{
    /// <summary>The workflow's file name, as the Actions API names it.</summary>
    public string WorkflowFile => System.IO.Path.GetFileName(WorkflowPath);

    /// <summary><c>owner/name</c>.</summary>
    public string Slug => $"{Owner}/{Repository}";
}

/// <summary>The workflow's confirm gate.</summary>
/// <param name="DeployJob">The job that deploys to prod, when the config names one (jobs whose steps release to prod count too).</param>
/// <param name="TargetInput">The <c>workflow_dispatch</c> input naming the target; null for a prod-only workflow.</param>
/// <param name="TargetValue">The target value that means prod; null for a prod-only workflow.</param>
/// <param name="ConfirmInput">The input that must hold the phrase.</param>
/// <param name="ConfirmPhrase">The phrase.</param>
public sealed record GateConfig(string? DeployJob, string? TargetInput, string? TargetValue, string ConfirmInput, string ConfirmPhrase)
{
    /// <summary>
    /// A gate the config does not describe: the deploy job is found from the workflow (its steps release or promote to
    /// prod) and only a required reviewer counts, since no input is the confirm phrase's (an input cannot be named so).
    /// </summary>
    public static GateConfig ReviewerOnly { get; } = new(null, null, null, "(no confirm input)", "(no confirm phrase)");

    /// <summary>True when the config names a confirm phrase the workflow must check.</summary>
    public bool HasPhrase => !ReferenceEquals(this, ReviewerOnly) && ConfirmInput != ReviewerOnly.ConfirmInput;
}

/// <summary>The health endpoint.</summary>
/// <param name="Path">Joined with the app's <c>web_url</c>.</param>
/// <param name="Service">The service name the endpoint must report; null when the config names none (then it is not checked).</param>
/// <param name="Timeout">How long one probe may take.</param>
public sealed record HealthConfig(string Path, string? Service, TimeSpan Timeout)
{
    /// <summary>The status word the body must give (<c>health.status</c>), or null: any word that means healthy.</summary>
    public string? Status { get; init; }

    /// <summary>Headers the probe sends (<c>health.headers</c>: a Cloudflare Access service token, say), each value from an environment variable.</summary>
    public IReadOnlyList<ProbeHeader> Headers { get; init; } = [];

    /// <summary>What a service's answer must give beyond health: the name and word configured, and <paramref name="version"/> (staging's).</summary>
    public Rules.HealthExpectations Expected(Health.HealthVersion? version = null) => new(Service, Status, version);
}

/// <summary>A header the health probe sends, its value from an environment variable (a secret: masked like every one).</summary>
/// <param name="Name">The header, such as <c>CF-Access-Client-Id</c>.</param>
/// <param name="Variable">The environment variable that holds its value.</param>
/// <param name="Value">The value, once read from the environment (null: not read, or not set).</param>
public sealed record ProbeHeader(string Name, string Variable, RaxxPreflight.Secrets.SecretValue? Value = null);

/// <summary>The Stripe config var names.</summary>
/// <param name="SecretKey">The secret key's var (<c>sk_</c>).</param>
/// <param name="PublishableKey">The publishable key's var (<c>pk_</c>).</param>
/// <param name="RestrictedKey">The restricted key's var (<c>rk_</c>).</param>
/// <param name="WebhookSecret">The webhook signing secret's var (<c>whsec_</c>).</param>
public sealed record StripeVarNames(string SecretKey, string PublishableKey, string RestrictedKey, string WebhookSecret)
{
    /// <summary>The names a service is checked for when staging sets no Stripe key under any name.</summary>
    public static StripeVarNames Default { get; } =
        new("STRIPE_API_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_RESTRICTED_KEY", "STRIPE_WEBHOOK_SECRET");

    /// <summary>
    /// The vars of kinds the service does not use, found so from staging (it sets a secret and a publishable key and no
    /// restricted key, say): not required on prod, and not read.
    /// </summary>
    public IReadOnlySet<string> Unused { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The vars the service uses, in the order secret, publishable, restricted, webhook.</summary>
    public IReadOnlyList<string> All =>
        [.. new[] { SecretKey, PublishableKey, RestrictedKey, WebhookSecret }.Where(n => !Unused.Contains(n))];
}

/// <summary>The post-deploy phase: how long to wait for the deploy to settle, and what settled looks like.</summary>
/// <param name="SettleTimeout">How long an item waits for a changing state (<c>PREFLIGHT_SETTLE_TIMEOUT</c> overrides).</param>
/// <param name="PollInterval">The wait between looks (<c>PREFLIGHT_POLL_INTERVAL</c> overrides).</param>
/// <param name="ProcessType">The process type that serves the app (<c>web</c>).</param>
/// <param name="Quantity">The least number of its dynos.</param>
/// <param name="Size">The dyno size it must run on, or null for any.</param>
/// <param name="LogLines">How many recent log lines to read for startup errors.</param>
public sealed record PostDeployConfig(
    TimeSpan SettleTimeout,
    TimeSpan PollInterval,
    string ProcessType,
    int Quantity,
    string? Size,
    int LogLines
)
{
    /// <summary>The service's own log formats (<c>postDeploy.logs.failOn</c>, <c>postDeploy.logs.ignore</c>).</summary>
    public Rules.Logs.LogPatterns Logs { get; init; } = Rules.Logs.LogPatterns.None;
}

/// <summary>The database items.</summary>
/// <param name="ConnectTimeout">How long a connection may take.</param>
/// <param name="AllowedMissingExtensions">Extensions staging has that prod may lack.</param>
public sealed record DatabaseConfig(TimeSpan ConnectTimeout, IReadOnlyList<string> AllowedMissingExtensions);
