// The checklist's vocabulary, defined once and linked into every project that speaks it (Core, the
// analyzers, the fakes): public in Core, internal where RAXX_VOCABULARY_INTERNAL is defined.
namespace RaxxPreflight;

/// <summary>The names of the environment variables (settings) a run reads.</summary>
#if RAXX_VOCABULARY_INTERNAL
internal
#else
public
#endif
static class Settings
{
    /// <summary><c>live</c> or <c>fakes:&lt;scenario&gt;</c>: never implicit.</summary>
    public const string Target = "PREFLIGHT_TARGET";

    /// <summary>Another deploy description than <c>.config/preflight.json</c>.</summary>
    public const string Config = "PREFLIGHT_CONFIG";

    /// <summary>The live Heroku credential.</summary>
    public const string HerokuApiKey = "HEROKU_API_KEY";

    /// <summary>The live GitHub credential.</summary>
    public const string GitHubToken = "GITHUB_TOKEN";

    /// <summary>Heroku's base URL override.</summary>
    public const string HerokuApiUrl = "HEROKU_API_URL";

    /// <summary>GitHub's base URL override.</summary>
    public const string GitHubApiUrl = "GITHUB_API_URL";

    /// <summary>Stripe's base URL override.</summary>
    public const string StripeApiUrl = "STRIPE_API_URL";

    /// <summary><c>host:port=127.0.0.1:port;...</c>, like curl's <c>--resolve</c>.</summary>
    public const string Resolve = "PREFLIGHT_RESOLVE";

    /// <summary>
    /// The SHA-256 of the certificate the hosts <see cref="Resolve"/> redirects present (the fakes' own): accepted only on
    /// those connections, beside the system's trust store.
    /// </summary>
    public const string ResolveCertificate = "PREFLIGHT_RESOLVE_CERTIFICATE";

    /// <summary>Seconds a post-deploy item waits for the deploy to settle.</summary>
    public const string SettleTimeout = "PREFLIGHT_SETTLE_TIMEOUT";

    /// <summary>Seconds between a waiting item's looks.</summary>
    public const string PollInterval = "PREFLIGHT_POLL_INTERVAL";

    /// <summary>
    /// Seconds the whole run may take before every unfinished item is reported not checked and the run ends (default:
    /// from the items' own timeouts, <c>RunBound</c>).
    /// </summary>
    public const string RunTimeout = "PREFLIGHT_RUN_TIMEOUT";

    /// <summary><c>off</c> only for local database servers.</summary>
    public const string DatabaseTls = "PREFLIGHT_DATABASE_TLS";

    /// <summary>The image of the fakes' Postgres server.</summary>
    public const string PostgresImage = "PREFLIGHT_POSTGRES_IMAGE";

    /// <summary>An admin connection string of a Postgres server already running, for the fakes' databases.</summary>
    public const string FakesPostgres = "PREFLIGHT_FAKES_POSTGRES";

    /// <summary>
    /// Set by the runner: where the checklist process writes its events (each item's result, each look of a
    /// wait) as JSON lines: <c>stderr</c>.
    /// </summary>
    public const string Events = "PREFLIGHT_EVENTS";

    /// <summary>
    /// Set by whoever starts the checklist as a child process with a pipe on its standard input: <c>stdin</c> makes the
    /// child end when that pipe closes, which the kernel does when the parent dies, so that a parent killed hard (a
    /// test host past its time, SIGKILL) leaves no checklist running.
    /// </summary>
    public const string ParentPipe = "PREFLIGHT_PARENT_PIPE";

    /// <summary>
    /// <c>off</c>: the session does not start the selected items' first reads before the items start (each item reads as
    /// it runs). For diagnosis, and for the self-test that holds the reads started ahead to the items' own.
    /// </summary>
    public const string ReadAhead = "PREFLIGHT_READ_AHEAD";

    /// <summary>
    /// <c>off</c>: the checklist does not pay TLS's first-use cost ahead, on loopback, while it sets up (the first real
    /// TLS connection pays it). For diagnosis, and to measure what the warm-up saves.
    /// </summary>
    public const string TlsWarmUp = "PREFLIGHT_TLS_WARMUP";

    /// <summary>The Docker engine's address.</summary>
    public const string DockerHost = "DOCKER_HOST";

    /// <summary><c>true</c> in a GitHub Actions step.</summary>
    public const string GitHubActions = "GITHUB_ACTIONS";

    /// <summary>The step summary file GitHub Actions names.</summary>
    public const string GitHubStepSummary = "GITHUB_STEP_SUMMARY";

    /// <summary>Every setting a run reads: what the self-tests clear before they set their own.</summary>
    public static readonly string[] All =
    [
        Target,
        Config,
        HerokuApiKey,
        GitHubToken,
        HerokuApiUrl,
        GitHubApiUrl,
        StripeApiUrl,
        Resolve,
        ResolveCertificate,
        SettleTimeout,
        PollInterval,
        RunTimeout,
        DatabaseTls,
        PostgresImage,
        FakesPostgres,
        Events,
        ParentPipe,
        ReadAhead,
        TlsWarmUp,
        GitHubActions,
        GitHubStepSummary,
    ];
}
