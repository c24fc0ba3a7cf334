using RaxxPreflight.Configuration;
using RaxxPreflight.Database;
using RaxxPreflight.GitHub;
using RaxxPreflight.Health;
using RaxxPreflight.Heroku;
using RaxxPreflight.Secrets;
using RaxxPreflight.Settling;
using RaxxPreflight.Stripe;

namespace RaxxPreflight.World;

/// <summary>
/// Everything the checklist reads, each remote resource fetched at most once per run and shared by every
/// check that needs it. Reads start on first demand, so independent reads run at once.
/// </summary>
public sealed class DeployWorld
{
    /// <summary>Wires the reads to the clients.</summary>
    public DeployWorld(
        PreflightConfig config,
        DeployClients clients,
        TimeProvider time,
        DatabaseAccess databases,
        CancellationToken cancellationToken,
        SharedReads? shared = null
    )
    {
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(clients);
        Config = config;
        Redactor = clients.Redactor;

        // The probe's header values are secrets like any other read: masked wherever they might be quoted.
        foreach (var header in config.Health.Headers)
        {
            Redactor.Remember(header.Value);
        }
        Time = time;
        this.clients = clients;
        var gh = config.GitHub;
        var ct = cancellationToken;
        var reads = shared ?? new SharedReads();
        this.reads = reads;
        var repo = $"github:repos/{gh.Owner}/{gh.Repository}";
        var post = config.PostDeploy;
        Poller = new Poller(time, post.SettleTimeout, post.PollInterval);

        // A polled resource is shared by every item that watches it: one read per half interval at most.
        var fresh = post.PollInterval / 2;

        // What other services or the service's discovery may read too comes from the run's shared reads.
        Once<HerokuApp> App(string app) => reads.App(clients.Heroku, app, ct);
        Once<ConfigVars> Vars(string app) => reads.ConfigVars(clients.Heroku, app, ct);
        StagingApp = App(config.Staging.App);
        ProdApp = App(config.Prod.App);
        StagingVars = new(() => Remember(Vars(config.Staging.App).Value));
        ProdVars = new(() => Remember(Vars(config.Prod.App).Value));
        // Keyed by app: a world made while the service's rules are still being found (to read ahead) and the world
        // made once they are share these reads.
        StagingAddons = reads.Get($"heroku:apps/{config.Staging.App}/addons", () => clients.Heroku.GetAddonsAsync(config.Staging.App, ct));
        ProdAddons = reads.Get($"heroku:apps/{config.Prod.App}/addons", () => clients.Heroku.GetAddonsAsync(config.Prod.App, ct));
        StagingAttachments = reads.Get(
            $"heroku:apps/{config.Staging.App}/addon-attachments",
            () => clients.Heroku.GetAttachmentsAsync(config.Staging.App, ct)
        );
        ProdAttachments = reads.Get(
            $"heroku:apps/{config.Prod.App}/addon-attachments",
            () => clients.Heroku.GetAttachmentsAsync(config.Prod.App, ct)
        );
        StagingHealth = reads.Get(
            $"health:{config.Staging.App}{config.Health.Path}",
            () => ProbeWithASecondLookAsync(config.Staging, StagingApp, ct)
        );
        Workflow = reads.Get(
            $"{repo}/contents/{gh.WorkflowPath}?ref={gh.Branch}",
            () => clients.GitHub.GetFileAsync(gh.Owner, gh.Repository, gh.WorkflowPath, gh.Branch)
        );
        NewestSuccessfulRun = reads.Get(
            $"{repo}/actions/workflows/{gh.WorkflowFile}/runs?branch={gh.Branch}",
            () => clients.GitHub.GetNewestSuccessfulRunAsync(gh.Owner, gh.Repository, gh.WorkflowFile, gh.Branch)
        );
        BranchHead = reads.Get($"{repo}/commits/{gh.Branch}", () => clients.GitHub.GetHeadShaAsync(gh.Owner, gh.Repository, gh.Branch));
        StagingReleases = reads.Get(
            $"heroku:apps/{config.Staging.App}/releases",
            () => clients.Heroku.GetReleasesAsync(config.Staging.App, 50, ct)
        );
        ProdFormation = reads.Get($"heroku:apps/{config.Prod.App}/formation", () => clients.Heroku.GetFormationAsync(config.Prod.App, ct));
        ProdReleases = new(() => clients.Heroku.GetReleasesAsync(config.Prod.App, 10, ct), time, fresh);
        ProdDynos = new(() => clients.Heroku.GetDynosAsync(config.Prod.App, ct), time, fresh);
        ProdHealth = new(() => ProbeHealthAsync(config.Prod, ProdApp, ct), time, fresh);
        StagingDatabase = reads.Get($"db:{config.Staging.App}", () => ReadDatabaseAsync(config.Staging, StagingVars, databases, ct));
        ProdDatabase = reads.Get($"db:{config.Prod.App}", () => ReadDatabaseAsync(config.Prod, ProdVars, databases, ct));
        ProdStripeKey = new(async () =>
            (await ProdVars.Value.ConfigureAwait(false)).Get(config.Stripe.SecretKey) is { } key
                ? await clients.Stripe.CheckKeyAsync(key, ct).ConfigureAwait(false)
                : null
        );
    }

    private readonly DeployClients clients;
    private readonly SharedReads reads;

    /// <summary>The run's configuration.</summary>
    public PreflightConfig Config { get; }

    /// <summary>Masks every secret the run has read out of text from elsewhere.</summary>
    public Redactor Redactor { get; }

    /// <summary><c>GET /apps/{staging}</c>.</summary>
    public Once<HerokuApp> StagingApp { get; }

    /// <summary><c>GET /apps/{prod}</c>.</summary>
    public Once<HerokuApp> ProdApp { get; }

    /// <summary>Staging's config vars.</summary>
    public Once<ConfigVars> StagingVars { get; }

    /// <summary>Prod's config vars.</summary>
    public Once<ConfigVars> ProdVars { get; }

    /// <summary>Staging's add-ons.</summary>
    public Once<IReadOnlyList<HerokuAddon>> StagingAddons { get; }

    /// <summary>Prod's add-ons.</summary>
    public Once<IReadOnlyList<HerokuAddon>> ProdAddons { get; }

    /// <summary><c>GET /apps/{staging}/addon-attachments</c>.</summary>
    public Once<IReadOnlyList<HerokuAttachment>> StagingAttachments { get; }

    /// <summary><c>GET /apps/{prod}/addon-attachments</c>.</summary>
    public Once<IReadOnlyList<HerokuAttachment>> ProdAttachments { get; }

    /// <summary>One probe of staging's health URL.</summary>
    public Once<HealthReading> StagingHealth { get; }

    /// <summary>
    /// <c>GET repos/{o}/{r}/environments/{name}</c>, once per name per run, whichever service asks (GitHub compares
    /// environment names case-insensitively): its protection rules, or that it does not exist (404).
    /// </summary>
    public Task<Rules.Workflows.EnvironmentProtection> GitHubEnvironmentAsync(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var gh = Config.GitHub;
        return reads
            .Get(
                $"github:repos/{gh.Owner}/{gh.Repository}/environments/{name.ToUpperInvariant()}",
                async () =>
                {
                    try
                    {
                        var found = await clients.GitHub.GetEnvironmentAsync(gh.Owner, gh.Repository, name).ConfigureAwait(false);
                        return new Rules.Workflows.EnvironmentProtection(
                            true,
                            [.. (found.ProtectionRules ?? []).Select(r => r.Type ?? "(no type)")]
                        );
                    }
                    catch (Http.RemoteServiceException e) when (e.StatusCode == 404)
                    {
                        return new Rules.Workflows.EnvironmentProtection(false, []);
                    }
                }
            )
            .Value;
    }

    /// <summary>The deploy workflow's YAML on the deploy branch.</summary>
    public Once<string> Workflow { get; }

    /// <summary>The newest successful run of the deploy workflow on the deploy branch, if any.</summary>
    public Once<DeployRun?> NewestSuccessfulRun { get; }

    /// <summary>The deploy branch's HEAD commit.</summary>
    public Once<string> BranchHead { get; }

    /// <summary>The run's clock: the system's, or the scenario's.</summary>
    public TimeProvider Time { get; }

    /// <summary>Waits for a settling deploy with the configured timeout and interval.</summary>
    public Poller Poller { get; }

    /// <summary>Staging's newest releases (its newest container deploy is the image prod must run).</summary>
    public Once<IReadOnlyList<HerokuRelease>> StagingReleases { get; }

    /// <summary>Prod's formation.</summary>
    public Once<IReadOnlyList<HerokuFormation>> ProdFormation { get; }

    /// <summary>Prod's newest releases, re-read while the deploy settles.</summary>
    public Refreshing<IReadOnlyList<HerokuRelease>> ProdReleases { get; }

    /// <summary>Prod's dynos, re-read while the deploy settles.</summary>
    public Refreshing<IReadOnlyList<HerokuDyno>> ProdDynos { get; }

    /// <summary>Probes of prod's health URL, re-read while the deploy settles.</summary>
    public Refreshing<HealthReading> ProdHealth { get; }

    /// <summary>Staging's database, read in one read-only session.</summary>
    public Once<DatabaseReading> StagingDatabase { get; }

    /// <summary>Prod's database, read in one read-only session.</summary>
    public Once<DatabaseReading> ProdDatabase { get; }

    /// <summary>What Stripe says of prod's secret key; null when prod has none.</summary>
    public Once<StripeKeyCheck?> ProdStripeKey { get; }

    /// <summary>Both environments' config vars, read at once.</summary>
    public async Task<(ConfigVars Staging, ConfigVars Prod)> ConfigVarsAsync()
    {
        await Task.WhenAll(StagingVars.Value, ProdVars.Value).ConfigureAwait(false);
        return (await StagingVars.Value.ConfigureAwait(false), await ProdVars.Value.ConfigureAwait(false));
    }

    /// <summary>Each stage's database add-on (the one attached as DATABASE, and the others), from its add-ons and attachments.</summary>
    public async Task<(Rules.PrimaryDatabase Staging, Rules.PrimaryDatabase Prod)> PrimaryDatabasesAsync()
    {
        var reads = (StagingAddons.Value, StagingAttachments.Value, ProdAddons.Value, ProdAttachments.Value);
        await Task.WhenAll(reads.Item1, reads.Item2, reads.Item3, reads.Item4).ConfigureAwait(false);
        var service = Config.PostgresAddonService;
        return (
            Rules.PrimaryDatabase.Find(await reads.Item1.ConfigureAwait(false), await reads.Item2.ConfigureAwait(false), service),
            Rules.PrimaryDatabase.Find(await reads.Item3.ConfigureAwait(false), await reads.Item4.ConfigureAwait(false), service)
        );
    }

    /// <summary>Both environments' databases, read at once.</summary>
    public async Task<(DatabaseReading Staging, DatabaseReading Prod)> DatabasesAsync()
    {
        await Task.WhenAll(StagingDatabase.Value, ProdDatabase.Value).ConfigureAwait(false);
        return (await StagingDatabase.Value.ConfigureAwait(false), await ProdDatabase.Value.ConfigureAwait(false));
    }

    /// <summary>The health URL of <paramref name="environment"/>: configured, or the app's <c>web_url</c> joined with the health path.</summary>
    private async Task<Uri> HealthUrlAsync(StageConfig environment, Once<HerokuApp> app)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(app);
        if (environment.HealthUrl is { } configured)
        {
            return configured;
        }

        var baseUrl = (await app.Value.ConfigureAwait(false)).WebUrl;
        if (baseUrl is null || !baseUrl.IsAbsoluteUri)
        {
            throw new Http.RemoteServiceException(
                $"{HerokuClient.Service}: app {environment.App} has no web_url to find its health endpoint under: set environments.{environment.Name}.healthUrl in the config"
            );
        }

        return new Uri(baseUrl, Config.Health.Path.TrimStart('/'));
    }

    /// <summary>
    /// Prod's recent log lines of the serving process type, through a new log session (the one write the
    /// checklist makes). Not shared: each look at the logs is a new session.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReadProdLogAsync(CancellationToken cancellationToken)
    {
        var session = await clients
            .Heroku.CreateLogSessionAsync(Config.Prod.App, Config.PostDeploy.LogLines, cancellationToken)
            .ConfigureAwait(false);
        return await clients.Heroku.ReadLogAsync(session, cancellationToken).ConfigureAwait(false);
    }

    // The one probe of a pre-deploy item: an answer that a moment may change (5xx, 429) gets a second look, as an
    // operator would give it, and says so; the post-deploy waits look again by themselves.
    private async Task<HealthReading> ProbeWithASecondLookAsync(
        StageConfig environment,
        Once<HerokuApp> app,
        CancellationToken cancellationToken
    )
    {
        var first = await ProbeHealthAsync(environment, app, cancellationToken).ConfigureAwait(false);
        if (first.Status is not (>= 500 or 429))
        {
            return first;
        }

        await Task.Delay(Http.HttpPipeline.RetryBackoff, Time, cancellationToken).ConfigureAwait(false);
        var second = await ProbeHealthAsync(environment, app, cancellationToken).ConfigureAwait(false);
        if (second.Status is >= 500 or 429)
        {
            return second with
            {
                Problem = string.Join("; ", new[] { second.Problem, $"a look before it: HTTP {first.Status}" }.OfType<string>()),
            };
        }

        Http.RetryLog.Record($"GET {first.Url.AbsolutePath} passed after 1 retry ({first.Status})");
        return second;
    }

    private async Task<HealthReading> ProbeHealthAsync(StageConfig environment, Once<HerokuApp> app, CancellationToken cancellationToken)
    {
        var url = await HealthUrlAsync(environment, app).ConfigureAwait(false);

        // A header whose variable is not set is not sent empty: the probe would meet the gate it was meant to pass.
        if (Config.Health.Headers.FirstOrDefault(h => h.Value is null) is { } unset)
        {
            return HealthFormats.Read(
                HealthAnswer.None(
                    url,
                    $"no probe: health.headers gives {unset.Name} the value of {unset.Variable}, which is not set: export {unset.Variable} and run again"
                )
            );
        }

        return await clients
            .Health.ProbeAsync(
                url,
                Config.Health.Timeout,
                cancellationToken,
                [.. Config.Health.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value!.Reveal()))]
            )
            .ConfigureAwait(false);
    }

    private async Task<DatabaseReading> ReadDatabaseAsync(
        StageConfig environment,
        Once<ConfigVars> vars,
        DatabaseAccess access,
        CancellationToken cancellationToken
    )
    {
        var who = $"{environment.Name}'s";

        // The databases get ready (the fakes start their server) while the config vars are read.
        var ready = access.Prepare?.Invoke(cancellationToken) ?? Task.FromResult<string?>(null);
        var url =
            (await vars.Value.ConfigureAwait(false)).Get(Rules.Applicability.DatabaseUrlVar)
            ?? throw new DatabaseCheckException(
                $"{environment.Name} ({environment.App}) has no DATABASE_URL to connect with: attach Postgres (heroku addons:create heroku-postgresql:<plan> --app {environment.App})"
            );
        if (await ready.ConfigureAwait(false) is { } reason)
        {
            throw new DatabaseCheckException($"{who} database could not be checked: {reason}");
        }

        var connection = PostgresUrl.Parse(url, access.RequireTls, Config.Database.ConnectTimeout);
        return await DatabaseReader.ReadAsync(connection, who, Redactor, cancellationToken, environment.App).ConfigureAwait(false);
    }

    private async Task<ConfigVars> Remember(Task<ConfigVars> read)
    {
        var vars = await read.ConfigureAwait(false);
        foreach (var value in vars.Values.Values)
        {
            Redactor.Remember(value);
        }

        return vars;
    }
}
