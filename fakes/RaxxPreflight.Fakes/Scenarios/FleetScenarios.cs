namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>
/// Raxx's four services in one world (.config/fleet.json describes them): the queue as <see cref="DeployScenarios.Deployed"/>
/// serves it, and raxx-api (Flask, a heroku-24 slug app with Postgres and Sentry), raxx-console (Flask, Sentry, a poller
/// in its health answer) and raxx-velvet (health at /healthz, nothing else), each a pipeline of a staging and a prod app
/// deployed by its own workflow from the same repository and the same production environment. Then the incidents of
/// Raxx's reviews, one service wrong at a time.
/// </summary>
public static class FleetScenarios
{
    private static readonly DateTimeOffset Day = new(2026, 5, 18, 0, 0, 0, TimeSpan.Zero);

    /// <summary>When staging's newest slug was built.</summary>
    public static DateTimeOffset BuiltAt => Day.AddHours(20);

    /// <summary>When it was promoted to prod.</summary>
    public static DateTimeOffset PromotedAt => Day.AddHours(23);

    /// <summary>Every service deployed and healthy: every item passes or does not apply.</summary>
    public static Scenario Clear() =>
        Fleet(ScenarioNames.FleetClear, "four services deployed and healthy: every item that applies passes", [Api(), Console(), Velvet()]);

    /// <summary>raxx-console's prod lacks two vars staging sets.</summary>
    public static Scenario ConsoleMissingVars()
    {
        var console = Console();
        var vars = new Dictionary<string, string?>(console.Prod.ConfigVars, StringComparer.Ordinal);
        vars.Remove("POLLER_INTERVAL_SECONDS");
        vars.Remove("RAPTOR_BASE_URL");
        return Fleet(
            ScenarioNames.FleetConsoleMissingVars,
            "raxx-console-prod lacks POLLER_INTERVAL_SECONDS and RAPTOR_BASE_URL, which staging sets",
            [Api(), console with { Prod = console.Prod with { ConfigVars = vars } }, Velvet()]
        );
    }

    /// <summary>raxx-api's workflow promotes to prod on every push, from a job with no environment.</summary>
    public static Scenario ApiPushDeploysProd()
    {
        var clear = Clear();
        var files = new Dictionary<string, string>(clear.GitHub.Files, StringComparer.Ordinal)
        {
            [FleetWorkflows.ApiPath] = FleetWorkflows.SlugDeploy("deploy-heroku", "raxx-api", prodOnPush: true),
        };
        return clear with
        {
            Name = ScenarioNames.FleetApiPushDeploysProd,
            Description = "raxx-api's deploy-heroku.yml promotes to prod on every push to main, from a job with no environment",
            GitHub = clear.GitHub with { Files = files },
        };
    }

    /// <summary>The repository has no production environment at all: every deploy job's environment: makes it, unprotected.</summary>
    public static Scenario NoProductionEnvironment()
    {
        var clear = Clear();
        return clear with
        {
            Name = ScenarioNames.FleetNoProductionEnvironment,
            Description = "the repository has no production environment: the jobs' environment: creates it unprotected on first use",
            GitHub = clear.GitHub with
            {
                Environments = new Dictionary<string, IReadOnlyList<ProtectionRuleState>>(StringComparer.Ordinal),
            },
        };
    }

    /// <summary>raxx-api-prod was never deployed: seven releases that only set config vars, no formation, no dyno.</summary>
    public static Scenario ApiNeverDeployed()
    {
        var api = Api();
        var prod = api.Prod with
        {
            Releases =
            [
                new(1, "Initial release", "succeeded", false, Day.AddDays(-30)),
                new(2, "Enable Logplex", "succeeded", false, Day.AddDays(-30)),
                new(3, "Attach DATABASE (@ref:postgresql-rigid-40121)", "succeeded", false, Day.AddDays(-30)),
                new(4, "Set SECRET_KEY config vars", "succeeded", false, Day.AddDays(-29)),
                new(5, "Set SENTRY_DSN config vars", "succeeded", false, Day.AddDays(-29)),
                new(6, "Set QUEUE_BASE_URL, WEBAUTHN_RP_ID config vars", "succeeded", false, Day.AddDays(-28)),
                new(7, "Set FLASK_LOG_LEVEL config vars", "succeeded", true, Day.AddDays(-1)),
            ],
            Formation = [],
            Dynos = [],
            Router = RouterState.NoWebDynos,
            Log = [],
        };
        return Fleet(
            ScenarioNames.FleetApiNeverDeployed,
            "raxx-api-prod has never had a build: its 7 releases only set config vars, it runs no dyno",
            [api with { Prod = prod }, Console(), Velvet()]
        );
    }

    /// <summary>A config:set on raxx-api-prod dropped WEBAUTHN_RP_ID: the release after it crash-loops.</summary>
    public static Scenario ApiCrashLooping()
    {
        var api = Api();
        var vars = new Dictionary<string, string?>(api.Prod.ConfigVars, StringComparer.Ordinal);
        vars.Remove("WEBAUTHN_RP_ID");
        var at = PromotedAt.AddMinutes(20);
        var prod = api.Prod with
        {
            ConfigVars = vars,
            Releases =
            [
                .. api.Prod.Releases.Select(r => r with { Current = false }),
                new ReleaseState(10, "Set FLASK_LOG_LEVEL config vars", "succeeded", true, at) { Slug = SlugId("raxx-api", 12) },
            ],
            Dynos = [new DynoState("web.1", "crashed", 10, "Standard-1X")],
            Router = RouterState.Unavailable,
            Log =
            [
                .. api.Prod.Log,
                new LogLineState(at, "heroku", "api", "Set FLASK_LOG_LEVEL config vars by ops@raxx.app"),
                new LogLineState(at.AddSeconds(1), "heroku", "web.1", "Restarting"),
                new LogLineState(at.AddSeconds(1), "heroku", "web.1", "State changed from up to starting"),
                new LogLineState(at.AddSeconds(2), "heroku", "web.1", "Stopping all processes with SIGTERM"),
                new LogLineState(at.AddSeconds(3), "heroku", "web.1", "Process exited with status 143"),
                new LogLineState(at.AddSeconds(4), "heroku", "web.1", "Starting process with command `gunicorn raptor.wsgi:app`"),
                new LogLineState(at.AddSeconds(6), "app", "web.1", "Traceback (most recent call last):"),
                new LogLineState(at.AddSeconds(6), "app", "web.1", "  File \"/app/raptor/settings.py\", line 41, in <module>"),
                new LogLineState(at.AddSeconds(6), "app", "web.1", "RuntimeError: WEBAUTHN_RP_ID is not set"),
                new LogLineState(at.AddSeconds(7), "heroku", "web.1", "Process exited with status 1"),
                new LogLineState(at.AddSeconds(7), "heroku", "web.1", "State changed from starting to crashed"),
            ],
        };
        return Fleet(
            ScenarioNames.FleetApiCrashLooping,
            "a config:set on raxx-api-prod dropped WEBAUTHN_RP_ID: web.1 crash-loops (RuntimeError: WEBAUTHN_RP_ID is not set)",
            [api with { Prod = prod }, Console(), Velvet()]
        );
    }

    /// <summary>raxx-console-prod still runs the slug before staging's newest: the promotion never happened.</summary>
    public static Scenario ConsoleOldSlug()
    {
        var console = Console();
        var prod = console.Prod with
        {
            Releases =
            [
                .. console.Prod.Releases.Where(r => r.Version < 9),
                new ReleaseState(9, "Promote raxx-console-staging v11 (7c1d2e3)", "succeeded", true, Day.AddDays(-3))
                {
                    Slug = SlugId("raxx-console", 11),
                },
            ],
            Dynos = [new DynoState("web.1", "up", 9, "Standard-1X")],
        };
        return Fleet(
            ScenarioNames.FleetConsoleOldSlug,
            "raxx-console-prod runs the slug of staging's v11, staging runs v12's: the promotion did not happen",
            [Api(), console with { Prod = prod }, Velvet()]
        );
    }

    /// <summary>The id of the slug staging's release <paramref name="version"/> of <paramref name="pipeline"/> built.</summary>
    public static string SlugId(string pipeline, int version) => Servers.HerokuResources.Uuid($"{pipeline}/slug/{version}");

    private static Scenario Fleet(string name, string description, IReadOnlyList<ServiceApps> others)
    {
        var queue = DeployScenarios.Deployed();
        var files = new Dictionary<string, string>(queue.GitHub.Files, StringComparer.Ordinal)
        {
            [FleetWorkflows.ApiPath] = FleetWorkflows.SlugDeploy("deploy-heroku", "raxx-api"),
            [FleetWorkflows.ConsolePath] = FleetWorkflows.SlugDeploy("deploy-console", "raxx-console"),
            [FleetWorkflows.VelvetPath] = FleetWorkflows.SlugDeploy("deploy-velvet", "raxx-velvet"),
        };
        var runs = new List<WorkflowRunState>(queue.GitHub.Runs);
        var id = 9130000000L;
        foreach (var file in new[] { "deploy-heroku.yml", "deploy-console.yml", "deploy-velvet.yml" })
        {
            runs.Add(new WorkflowRunState(id++, 7, file, SeedScenarios.MainHead, "main", "push", "completed", "success", BuiltAt));
        }

        return queue with
        {
            Name = name,
            Description = description,
            Others = others,
            GitHub = queue.GitHub with { Files = files, Runs = runs },
        };
    }

    // A slug app: staging built slug v(built), prod runs it by promotion; both healthy, started cleanly after the release.
    private static ServiceApps SlugService(
        string pipeline,
        string healthPath,
        RouterState health,
        Dictionary<string, string?> stagingVars,
        Dictionary<string, string?> prodVars,
        bool postgres,
        string start
    )
    {
        const int built = 12;
        var slug = SlugId(pipeline, built);
        IReadOnlyList<AddonState> Addons(string addon) =>
            postgres ? [new AddonState(addon, "heroku-postgresql", "heroku-postgresql:standard-0")] : [];
        IReadOnlyList<ReleaseState> Setup(string addon) =>
            [
                new(1, "Initial release", "succeeded", false, Day.AddDays(-40)),
                new(2, "Enable Logplex", "succeeded", false, Day.AddDays(-40)),
                new(
                    3,
                    postgres ? $"Attach DATABASE (@ref:{addon})" : "Set FLASK_LOG_LEVEL config vars",
                    "succeeded",
                    false,
                    Day.AddDays(-40)
                ),
            ];
        IReadOnlyList<LogLineState> Startup(DateTimeOffset at) =>
            [
                new(at.AddSeconds(2), "heroku", "web.1", $"Starting process with command `{start}`"),
                new(at.AddSeconds(4), "app", "web.1", "[INFO] Listening at: http://0.0.0.0:5000"),
                new(at.AddSeconds(5), "heroku", "web.1", "State changed from starting to up"),
            ];
        var staging = new AppState(
            $"{pipeline}-staging",
            Guid.Parse(Servers.HerokuResources.Uuid($"{pipeline}-staging/app")),
            Servers.HerokuResources.Uuid($"{pipeline}-staging/host")[..12],
            stagingVars,
            Addons($"postgresql-{pipeline}-staging"),
            health,
            [
                .. Setup($"postgresql-{pipeline}-staging"),
                new ReleaseState(11, "Deploy 7c1d2e3", "succeeded", false, Day.AddDays(-4)) { Slug = SlugId(pipeline, 11) },
                new ReleaseState(built, "Deploy 3f2a1b9", "succeeded", true, BuiltAt) { Slug = slug },
            ],
            [new FormationState("web", 1, "Standard-1X")],
            [new DynoState("web.1", "up", built, "Standard-1X")],
            Startup(BuiltAt)
        )
        {
            Database = DatabaseState.Queue,
        };
        var prod = new AppState(
            $"{pipeline}-prod",
            Guid.Parse(Servers.HerokuResources.Uuid($"{pipeline}-prod/app")),
            Servers.HerokuResources.Uuid($"{pipeline}-prod/host")[..12],
            prodVars,
            Addons($"postgresql-{pipeline}-prod"),
            health,
            [
                .. Setup($"postgresql-{pipeline}-prod"),
                new ReleaseState(8, "Promote " + pipeline + "-staging v11 (7c1d2e3)", "succeeded", false, Day.AddDays(-3))
                {
                    Slug = SlugId(pipeline, 11),
                },
                new ReleaseState(9, $"Promote {pipeline}-staging v{built} (3f2a1b9)", "succeeded", true, PromotedAt) { Slug = slug },
            ],
            [new FormationState("web", 1, "Standard-1X")],
            [new DynoState("web.1", "up", 9, "Standard-1X")],
            Startup(PromotedAt)
        );
        return new ServiceApps(staging, prod, healthPath);
    }

    private static ServiceApps Api() =>
        SlugService(
            "raxx-api",
            "/health",
            new RouterState(200, "application/json", """{"status":"ok","version":"3f2a1b9"}"""),
            new(StringComparer.Ordinal)
            {
                ["DATABASE_URL"] = FakeSecrets.DatabaseUrl("api-staging/db"),
                ["FLASK_LOG_LEVEL"] = "INFO",
                ["QUEUE_BASE_URL"] = "https://raxx-queue-staging-8d1e5b2c9a47.herokuapp.com",
                ["SECRET_KEY"] = FakeSecrets.Hex64("api-staging/secret"),
                ["SENTRY_DSN"] = FakeSecrets.SentryDsn("api-staging/sentry", 4507239001),
                ["WEBAUTHN_RP_ID"] = "staging.raxx.app",
            },
            new(StringComparer.Ordinal)
            {
                ["DATABASE_URL"] = FakeSecrets.DatabaseUrl("api-prod/db"),
                ["FLASK_LOG_LEVEL"] = "INFO",
                ["QUEUE_BASE_URL"] = "https://raxx-queue-prod-327fa047b4b6.herokuapp.com",
                ["SECRET_KEY"] = FakeSecrets.Hex64("api-prod/secret"),
                ["SENTRY_DSN"] = FakeSecrets.SentryDsn("api-prod/sentry", 4507239002),
                ["WEBAUTHN_RP_ID"] = "raxx.app",
            },
            postgres: true,
            "gunicorn raptor.wsgi:app"
        );

    private static ServiceApps Console() =>
        SlugService(
            "raxx-console",
            "/health",
            new RouterState(200, "application/json", """{"status": "ok", "poller_last_poll_at": "2026-05-18T23:59:30Z"}"""),
            new(StringComparer.Ordinal)
            {
                ["POLLER_INTERVAL_SECONDS"] = "30",
                ["QUEUE_SERVICE_TOKEN"] = FakeSecrets.Hex64("console-staging/queue"),
                ["RAPTOR_BASE_URL"] = "https://raxx-api-staging-3f7a9c2e4b61.herokuapp.com",
                ["SENTRY_DSN_CONSOLE"] = FakeSecrets.SentryDsn("console-staging/sentry", 4507239101),
            },
            new(StringComparer.Ordinal)
            {
                ["POLLER_INTERVAL_SECONDS"] = "30",
                ["QUEUE_SERVICE_TOKEN"] = FakeSecrets.Hex64("console-prod/queue"),
                ["RAPTOR_BASE_URL"] = "https://raxx-api-prod-5e81c0d2a9f4.herokuapp.com",
                ["SENTRY_DSN_CONSOLE"] = FakeSecrets.SentryDsn("console-prod/sentry", 4507239102),
            },
            postgres: false,
            "gunicorn console.app:app"
        );

    private static ServiceApps Velvet() =>
        SlugService(
            "raxx-velvet",
            "/healthz",
            new RouterState(200, "application/json", """{"service":"velvet","status":"ok"}"""),
            new(StringComparer.Ordinal) { ["VELVET_LOG_FORMAT"] = "json" },
            new(StringComparer.Ordinal) { ["VELVET_LOG_FORMAT"] = "json" },
            postgres: false,
            "bin/velvet serve"
        );
}
