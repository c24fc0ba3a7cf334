using RaxxPreflight.Http;
using RaxxPreflight.Secrets;

namespace RaxxPreflight.Configuration;

/// <summary>
/// Everything a run reads from environment variables. This is the one place that reads them:
/// the checks get these values, never the process environment.
/// </summary>
/// <param name="Target">The raw <c>PREFLIGHT_TARGET</c>.</param>
/// <param name="ConfigPath">The raw <c>PREFLIGHT_CONFIG</c>.</param>
/// <param name="HerokuApiKey"><c>HEROKU_API_KEY</c>, if set.</param>
/// <param name="GitHubToken"><c>GITHUB_TOKEN</c>, if set.</param>
/// <param name="ApiUrls">The base URLs of the live APIs.</param>
/// <param name="Resolution">Hosts that resolve to loopback fakes (<c>PREFLIGHT_RESOLVE</c>).</param>
/// <param name="SettleTimeout"><c>PREFLIGHT_SETTLE_TIMEOUT</c> in seconds, overriding the config's.</param>
/// <param name="PollInterval"><c>PREFLIGHT_POLL_INTERVAL</c> in seconds, overriding the config's.</param>
/// <param name="GitHubStepSummary">In GitHub Actions (<c>GITHUB_ACTIONS=true</c>), the file <c>GITHUB_STEP_SUMMARY</c> names; else null.</param>
/// <param name="InGitHubActions">True when running as a GitHub Actions step.</param>
/// <param name="DatabaseTls">False only when <c>PREFLIGHT_DATABASE_TLS=off</c>: for local database servers, never for Heroku's.</param>
/// <param name="PostgresImage">The image the fakes' database server runs (<c>PREFLIGHT_POSTGRES_IMAGE</c>, default the official one).</param>
/// <param name="FakesPostgres">An already running server the fakes' databases go on (<c>PREFLIGHT_FAKES_POSTGRES</c>, a connection string).</param>
/// <param name="DockerHost">The Docker engine <c>DOCKER_HOST</c> names, if any.</param>
/// <param name="RunTimeout"><c>PREFLIGHT_RUN_TIMEOUT</c> in seconds: the whole run's bound, overriding the one its items' timeouts make.</param>
public sealed record PreflightSettings(
    string? Target,
    string? ConfigPath,
    SecretValue? HerokuApiKey,
    SecretValue? GitHubToken,
    ApiUrls ApiUrls,
    HostResolution Resolution,
    TimeSpan? SettleTimeout,
    TimeSpan? PollInterval,
    string? GitHubStepSummary,
    bool InGitHubActions,
    bool DatabaseTls,
    string PostgresImage,
    string? FakesPostgres,
    Uri? DockerHost,
    TimeSpan? RunTimeout = null
)
{
    /// <summary>Reads the variables through <paramref name="get"/>.</summary>
    /// <exception cref="PreflightConfigException">A URL override is not an absolute http(s) URL, or PREFLIGHT_RESOLVE is malformed.</exception>
    public static PreflightSettings Read(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        var settings = new PreflightSettings(
            get(Settings.Target),
            Blank(get(Settings.Config)),
            Secret(get(Settings.HerokuApiKey)),
            Secret(get(Settings.GitHubToken)),
            new ApiUrls(
                Url(get, Settings.HerokuApiUrl, "https://api.heroku.com/"),
                Url(get, Settings.GitHubApiUrl, "https://api.github.com/"),
                Url(get, Settings.StripeApiUrl, "https://api.stripe.com/")
            ),
            HostResolution.Parse(get(Settings.Resolve), get(Settings.ResolveCertificate)),
            Seconds(get, Settings.SettleTimeout),
            Seconds(get, Settings.PollInterval),
            Blank(get(Settings.GitHubStepSummary)),
            string.Equals(get(Settings.GitHubActions), "true", StringComparison.OrdinalIgnoreCase),
            !string.Equals(Blank(get(Settings.DatabaseTls)), "off", StringComparison.OrdinalIgnoreCase),
            Blank(get(Settings.PostgresImage)) ?? "postgres:16",
            Blank(get(Settings.FakesPostgres)),
            Uri.TryCreate(Blank(get(Settings.DockerHost)), UriKind.Absolute, out var docker) ? docker : null,
            Seconds(get, Settings.RunTimeout)
        );
        return settings with { variables = get };
    }

    // Every variable, for the few the config names itself (the health probe's header values).
    private Func<string, string?> variables = _ => null;

    /// <summary>
    /// <paramref name="health"/> with its probe headers' values read from the variables they name (a variable not set
    /// leaves its value null, which the probe reports by name).
    /// </summary>
    public HealthConfig Apply(HealthConfig health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return health with { Headers = [.. health.Headers.Select(h => h with { Value = Secret(variables(h.Variable)) })] };
    }

    /// <summary>Reads the variables of this process.</summary>
    public static PreflightSettings FromProcess() => Read(ProcessVariable);

    /// <summary>
    /// True when the runner asked for the run's events on standard error (<c>PREFLIGHT_EVENTS=stderr</c>). Read on its
    /// own, so that a run whose other settings are malformed still reports every item's failure as data.
    /// </summary>
    public static bool EventsRequested() => string.Equals(Blank(ProcessVariable(Settings.Events)), "stderr", StringComparison.Ordinal);

    /// <summary>True when the process's parent asked it to end with the pipe on its standard input (<c>PREFLIGHT_PARENT_PIPE=stdin</c>).</summary>
    public static bool ParentPipeRequested() =>
        string.Equals(Blank(ProcessVariable(Settings.ParentPipe)), "stdin", StringComparison.Ordinal);

    /// <summary>False when <c>PREFLIGHT_READ_AHEAD=off</c>: then no read starts before the items do.</summary>
    public static bool ReadAheadRequested() =>
        !string.Equals(Blank(ProcessVariable(Settings.ReadAhead)), "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>False when <c>PREFLIGHT_TLS_WARMUP=off</c>: then the first real TLS connection pays TLS's first-use cost.</summary>
    public static bool TlsWarmUpRequested() =>
        !string.Equals(Blank(ProcessVariable(Settings.TlsWarmUp)), "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The config file: <c>PREFLIGHT_CONFIG</c> (a relative path from where the process was started), else
    /// <c>preflight.json</c> in <paramref name="defaultDirectory"/>.
    /// </summary>
    public string ConfigFile(string defaultDirectory) =>
        ConfigPath is { } path
            ? Path.GetFullPath(path, LaunchDirectory)
            : Path.Combine(defaultDirectory, PreflightConfigLoader.DefaultFileName);

    /// <summary>
    /// The directory the process was started in, which relative paths in settings are relative to: xunit makes the
    /// checks' folder the current directory before it finds the items, so the entry point records it first.
    /// </summary>
    public static string LaunchDirectory { get; set; } = Environment.CurrentDirectory;

    /// <summary>Checks that a live run has both credentials.</summary>
    /// <exception cref="PreflightConfigException">One or both are missing; the message names each.</exception>
    public void RequireLiveCredentials()
    {
        var missing = new List<string>();
        if (HerokuApiKey is null)
        {
            missing.Add($"{Settings.HerokuApiKey} (heroku auth:token)");
        }

        if (GitHubToken is null)
        {
            missing.Add($"{Settings.GitHubToken} (gh auth token; needs actions:read, contents:read, environments read)");
        }

        if (missing.Count > 0)
        {
            throw new PreflightConfigException(
                $"{Settings.Target}=live but {string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} not set, so nothing was checked: set {(missing.Count == 1 ? "it" : "them")} and run again"
            );
        }
    }

    /// <summary>The post-deploy settings with this environment's overrides applied.</summary>
    public PostDeployConfig Apply(PostDeployConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config with { SettleTimeout = SettleTimeout ?? config.SettleTimeout, PollInterval = PollInterval ?? config.PollInterval };
    }

    private static TimeSpan? Seconds(Func<string, string?> get, string variable)
    {
        var text = Blank(get(variable));
        if (text is null)
        {
            return null;
        }

        return
            double.TryParse(
                text,
                System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture,
                out var seconds
            )
            && seconds > 0
            && seconds < 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw new PreflightConfigException(
                $"{variable}=\"{text}\" is not a number of seconds: set it to a positive number such as 120"
            );
    }

    // The one read of the process environment.
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "ApiDesign",
        "RS0030:Do not use banned APIs",
        Justification = "This is the configuration layer: the one place that reads the process environment."
    )]
    private static string? ProcessVariable(string name) => Environment.GetEnvironmentVariable(name);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static SecretValue? Secret(string? value) => Blank(value) is { } text ? new SecretValue(text) : null;

    private static Uri Url(Func<string, string?> get, string variable, string fallback)
    {
        var text = Blank(get(variable)) ?? fallback;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new PreflightConfigException(
                $"{variable}=\"{text}\" is not an absolute http(s) URL: set it to a base URL such as {fallback}"
            );
        }

        // A base URL that does not end in '/' would lose its last segment when paths are joined to it.
        return text.EndsWith('/') ? uri : new Uri(text + "/");
    }
}
