namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>A Heroku app as the fakes serve it.</summary>
/// <param name="Name">The app's name.</param>
/// <param name="Id">The app's id (a UUID).</param>
/// <param name="HostSuffix">The suffix of the app's herokuapp.com host, which real web URLs carry.</param>
/// <param name="ConfigVars">The config vars; a null value is served as null.</param>
/// <param name="Addons">The add-ons.</param>
/// <param name="Router">What the app's router answers on the health path.</param>
/// <param name="Releases">The releases, any order; the one marked current is what runs.</param>
/// <param name="Formation">The formation; empty when the app never had a release of code.</param>
/// <param name="Dynos">The dynos.</param>
/// <param name="Log">The app's log lines, oldest first.</param>
public sealed record AppState(
    string Name,
    Guid Id,
    string HostSuffix,
    IReadOnlyDictionary<string, string?> ConfigVars,
    IReadOnlyList<AddonState> Addons,
    RouterState Router,
    IReadOnlyList<ReleaseState> Releases,
    IReadOnlyList<FormationState> Formation,
    IReadOnlyList<DynoState> Dynos,
    IReadOnlyList<LogLineState> Log
)
{
    /// <summary>The pipeline it is coupled to: its name without <c>-staging</c> or <c>-prod</c>, unless a scenario says otherwise.</summary>
    public string Pipeline
    {
        get =>
            pipeline
            ?? (
                Name.EndsWith("-staging", StringComparison.Ordinal) ? Name[..^"-staging".Length]
                : Name.EndsWith("-prod", StringComparison.Ordinal) ? Name[..^"-prod".Length]
                : Name
            );
        init => pipeline = value;
    }

    private readonly string? pipeline;

    /// <summary>Its stage in the pipeline: <c>production</c> for a <c>-prod</c> app, else <c>staging</c>, unless a scenario says otherwise.</summary>
    public string Stage
    {
        get => stage ?? (Name.EndsWith("-prod", StringComparison.Ordinal) ? "production" : "staging");
        init => stage = value;
    }

    private readonly string? stage;

    /// <summary>What the app's database holds; a real Postgres database is seeded with it.</summary>
    public DatabaseState Database { get; init; } = DatabaseState.Queue;

    /// <summary>The app with another DATABASE_URL.</summary>
    public AppState WithDatabaseUrl(string url) =>
        this with
        {
            ConfigVars = new Dictionary<string, string?>(ConfigVars, StringComparer.Ordinal) { ["DATABASE_URL"] = url },
        };
}

/// <summary>A release.</summary>
/// <param name="Version">Its version.</param>
/// <param name="Description">What it did, as Heroku words it.</param>
/// <param name="Status">failed, pending, succeeded or expired.</param>
/// <param name="Current">True for the release the app runs.</param>
/// <param name="CreatedAt">When it was made.</param>
public sealed record ReleaseState(int Version, string Description, string Status, bool Current, DateTimeOffset CreatedAt)
{
    /// <summary>The slug it released (a build or a pipeline promotion of a slug app); null for a container or config release.</summary>
    public string? Slug { get; init; }
}

/// <summary>One process type of the formation.</summary>
/// <param name="Type">The process type.</param>
/// <param name="Quantity">How many dynos.</param>
/// <param name="Size">The dyno size.</param>
public sealed record FormationState(string Type, int Quantity, string Size);

/// <summary>A dyno.</summary>
/// <param name="Name">Its name (<c>web.1</c>).</param>
/// <param name="State">crashed, down, idle, starting or up.</param>
/// <param name="ReleaseVersion">The release it runs.</param>
/// <param name="Size">Its size.</param>
public sealed record DynoState(string Name, string State, int ReleaseVersion, string Size);

/// <summary>A log line.</summary>
/// <param name="At">When it was logged.</param>
/// <param name="Source"><c>app</c> or <c>heroku</c>.</param>
/// <param name="Dyno">The dyno (<c>web.1</c>, <c>router</c>, <c>api</c>).</param>
/// <param name="Text">The message.</param>
public sealed record LogLineState(DateTimeOffset At, string Source, string Dyno, string Text)
{
    /// <summary>The line as logplex streams it.</summary>
    public override string ToString() =>
        $"{At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", System.Globalization.CultureInfo.InvariantCulture)} {Source}[{Dyno}]: {Text}";
}

/// <summary>An add-on.</summary>
/// <param name="Name">Its own name, such as <c>postgresql-flat-88052</c>.</param>
/// <param name="Service">The add-on service, such as <c>heroku-postgresql</c>.</param>
/// <param name="Plan">The plan, such as <c>heroku-postgresql:standard-0</c>.</param>
public sealed record AddonState(string Name, string Service, string Plan)
{
    /// <summary>
    /// The names it is attached to the app as, each setting <c>{NAME}_URL</c>. A scenario's one Postgres add-on
    /// is attached as <c>DATABASE</c> (and under its colour name, as Heroku attaches it); other add-ons as nothing.
    /// </summary>
    public IReadOnlyList<string>? AttachedAs { get; init; }

    /// <summary>The attachment names, the default filled in.</summary>
    public IReadOnlyList<string> Attachments => AttachedAs ?? (Service == "heroku-postgresql" ? ["DATABASE"] : []);
}

/// <summary>What an app's router answers for the health path.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The content type.</param>
/// <param name="Body">The body.</param>
public sealed record RouterState(int Status, string ContentType, string Body)
{
    /// <summary>A healthy service: 200 with the JSON the raxx-queue service reports.</summary>
    public static RouterState Healthy(string service, string version) =>
        new(
            200,
            "application/json",
            $$"""{"service":"{{service}}","status":"ok","timestamp":"2026-05-18T22:55:23Z","version":"{{version}}"}"""
        );

    /// <summary>What Heroku's router answers for an app with no web dyno running (H14): a 503 HTML page.</summary>
    public static RouterState NoWebDynos { get; } =
        new(
            503,
            "text/html; charset=utf-8",
            "<!DOCTYPE html><html><head><title>Application Error</title></head><body><iframe src=\"//www.herokucdn.com/error-pages/application-error.html\"></iframe></body></html>"
        );

    /// <summary>What the router answers while the web dyno boots or after it crashed (H20/H10): the same 503 page.</summary>
    public static RouterState Unavailable => NoWebDynos;

    /// <summary>Headers of the answer beyond its Content-Type: a redirect's Location, Cloudflare's cf-ray and Server.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>
    /// A Cloudflare Access gate in front of the app: a request without these headers (a service token's id and
    /// secret) is redirected to the Access login, as Cloudflare does; null: no gate.
    /// </summary>
    public IReadOnlyDictionary<string, string>? AccessToken { get; init; }

    /// <summary>What Cloudflare Access answers a request without its service token: a 302 to the team's login page.</summary>
    public static RouterState AccessLogin(string host) =>
        new(302, "text/html", string.Empty)
        {
            Headers =
            [
                new("Location", $"https://raxx.cloudflareaccess.com/cdn-cgi/access/login/{host}?kid=8f3c2a&redirect_url=%2Fhealth"),
                new("cf-ray", "8f1c2d3e4a5b6c7d-IAD"),
                new("Server", "cloudflare"),
            ],
        };
}
