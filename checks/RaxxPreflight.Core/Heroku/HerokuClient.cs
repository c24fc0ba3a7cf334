using Flurl.Http;
using RaxxPreflight.Http;
using RaxxPreflight.Secrets;

namespace RaxxPreflight.Heroku;

/// <summary>Reads the Heroku Platform API v3 (GET only, through the run's guarded pipeline).</summary>
public sealed class HerokuClient
{
    /// <summary>How messages name this service.</summary>
    public const string Service = "Heroku API";

    private const string Accept = "application/vnd.heroku+json; version=3";
    private readonly IFlurlClient client;
    private readonly SecretValue apiKey;

    // What the API last said the account has left this hour (RateLimit-Remaining); unknown until its first answer.
    private int remaining = int.MaxValue;

    // Whether the API has refused a request for the rate limit (429): then the floor's line says so.
    private int limited;

    /// <summary>
    /// The requests left this hour below which the run stops asking (<c>api.herokuRateFloor</c>): the account's 4,500 an
    /// hour are shared by every tool and person using it, and a checklist must not be what runs them out.
    /// </summary>
    public int RateFloor { get; init; } = DefaultRateFloor;

    /// <summary>The floor when the config sets none.</summary>
    public const int DefaultRateFloor = 200;

    /// <summary>The requests the account has left this hour, as the API last said; null before its first answer.</summary>
    public int? Remaining => Volatile.Read(ref remaining) is var left && left != int.MaxValue ? left : null;

    // Requests sent and not yet answered: each will take one from what the account has left.
    private int inFlight;

    // Not asked at all once the account would be below the floor (what it had left at the last answer, less what is
    // asked and not yet answered): the item that needed it is not checked, saying why. Asked, it counts as in flight.
    private void KeepToTheFloor(string what)
    {
        var asked = Interlocked.Increment(ref inFlight);
        var left = Volatile.Read(ref remaining);
        if (left != int.MaxValue && left - asked < RateFloor - 1)
        {
            Answered();
            throw new RemoteServiceException(
                $"{Service}: {what} was not asked: the account has {left} requests left this hour (RateLimit-Remaining{(Volatile.Read(ref limited) == 1 ? "; the API already answered 429 Too Many Requests" : string.Empty)}), under the floor of {RateFloor} the checklist leaves to everyone else (api.herokuRateFloor); run again when the hour turns"
            );
        }
    }

    private void Answered() => Interlocked.Decrement(ref inFlight);

    // The fewest the API has said are left: answers arrive out of order, and a later one may carry an older count.
    private void Note(RemoteResponse response)
    {
        if (response.Status == 429)
        {
            Volatile.Write(ref limited, 1);
        }

        if (
            int.TryParse(
                response.Header("RateLimit-Remaining"),
                System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture,
                out var left
            )
        )
        {
            int seen;
            do
            {
                seen = Volatile.Read(ref remaining);
            } while (left < seen && Interlocked.CompareExchange(ref remaining, left, seen) != seen);
        }
    }

    /// <summary>Reads through <paramref name="client"/> (whose base URL is the API's) with <paramref name="apiKey"/>.</summary>
    public HerokuClient(IFlurlClient client, SecretValue apiKey)
    {
        this.client = client;
        this.apiKey = apiKey;
    }

    /// <summary><c>GET /apps/{app}</c>.</summary>
    public async Task<HerokuApp> GetAppAsync(string app, CancellationToken cancellationToken) =>
        (await GetAsync(null, ["apps", app], cancellationToken).ConfigureAwait(false)).Json<HerokuApp>("an app object");

    /// <summary><c>GET /pipelines</c>, every page: the account's pipelines.</summary>
    public Task<IReadOnlyList<HerokuPipeline>> GetPipelinesAsync(CancellationToken cancellationToken) =>
        GetListAsync<HerokuPipeline>(["pipelines"], "id ..; max=1000", "a list of pipelines", cancellationToken);

    /// <summary><c>GET /pipeline-couplings</c>, every page: which app is in which stage of which pipeline, account-wide.</summary>
    public Task<IReadOnlyList<HerokuCoupling>> GetAllPipelineCouplingsAsync(CancellationToken cancellationToken) =>
        GetListAsync<HerokuCoupling>(["pipeline-couplings"], "id ..; max=1000", "a list of pipeline couplings", cancellationToken);

    /// <summary><c>GET /apps</c>, every page: the account's apps, each whole (as <c>GET /apps/{app}</c> answers).</summary>
    public Task<IReadOnlyList<HerokuApp>> GetAppsAsync(CancellationToken cancellationToken) =>
        GetListAsync<HerokuApp>(["apps"], "id ..; max=1000", "a list of apps", cancellationToken);

    /// <summary><c>GET /apps/{app}/config-vars</c>: names with their values; a null value counts as unset.</summary>
    public async Task<ConfigVars> GetConfigVarsAsync(string app, CancellationToken cancellationToken)
    {
        var response = await GetAsync(null, ["apps", app, "config-vars"], cancellationToken).ConfigureAwait(false);
        var raw = response.Json<Dictionary<string, string?>>("an object of config vars");
        return new ConfigVars(
            app,
            raw.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => new SecretValue(p.Value!), StringComparer.Ordinal)
        );
    }

    /// <summary><c>GET /apps/{app}/addons</c>, every page.</summary>
    public Task<IReadOnlyList<HerokuAddon>> GetAddonsAsync(string app, CancellationToken cancellationToken) =>
        GetListAsync<HerokuAddon>(["apps", app, "addons"], "id ..; max=1000", "a list of add-ons", cancellationToken);

    /// <summary><c>GET /apps/{app}/addon-attachments</c>, every page: which add-on sets which config var.</summary>
    public Task<IReadOnlyList<HerokuAttachment>> GetAttachmentsAsync(string app, CancellationToken cancellationToken) =>
        GetListAsync<HerokuAttachment>(
            ["apps", app, "addon-attachments"],
            "id ..; max=1000",
            "a list of add-on attachments",
            cancellationToken
        );

    /// <summary><c>GET /apps/{app}/releases</c>, the newest <paramref name="count"/> first.</summary>
    public Task<IReadOnlyList<HerokuRelease>> GetReleasesAsync(string app, int count, CancellationToken cancellationToken) =>
        GetListAsync<HerokuRelease>(
            ["apps", app, "releases"],
            $"version ..; max={count}, order=desc",
            "a list of releases",
            cancellationToken,
            // The newest page holds the current release; read on only for an API that pages otherwise.
            enough: page => page.Any(r => r.Current)
        );

    /// <summary><c>GET /apps/{app}/formation</c>.</summary>
    public Task<IReadOnlyList<HerokuFormation>> GetFormationAsync(string app, CancellationToken cancellationToken) =>
        GetListAsync<HerokuFormation>(["apps", app, "formation"], "type ..; max=1000", "a formation list", cancellationToken);

    /// <summary><c>GET /apps/{app}/dynos</c>.</summary>
    public Task<IReadOnlyList<HerokuDyno>> GetDynosAsync(string app, CancellationToken cancellationToken) =>
        GetListAsync<HerokuDyno>(["apps", app, "dynos"], "name ..; max=1000", "a list of dynos", cancellationToken);

    /// <summary>
    /// <c>POST /apps/{app}/log-sessions</c>: the one write the checklist makes. Creating a log session
    /// changes nothing in the app; the read-only guard lets this path through and no other.
    /// </summary>
    /// <remarks>
    /// Every source and dyno: the platform's own lines (a crash, an exit status, the router's errors) say as much
    /// about a startup as the app's; the startup rule picks the web process's lines out.
    /// </remarks>
    [PermittedWrite("A log session only opens a read of the app's log; it changes nothing in the app.")]
    public async Task<HerokuLogSession> CreateLogSessionAsync(string app, int lines, CancellationToken cancellationToken)
    {
        var body = new { lines, tail = false };
        KeepToTheFloor($"POST /apps/{app}/log-sessions");
        RemoteResponse answer;
        try
        {
            answer = await RemoteResponse
                .SendAsync(
                    Authorized(client.Request("apps", app, "log-sessions")),
                    Service,
                    "POST",
                    r => r.PostJsonAsync(body, HttpCompletionOption.ResponseContentRead, cancellationToken)
                )
                .ConfigureAwait(false);
            Note(answer);
        }
        finally
        {
            Answered();
        }

        return answer.Status is 200 or 201 ? answer.Json<HerokuLogSession>("a log session") : throw HerokuErrors.From(answer);
    }

    /// <summary>GETs a log session's <c>logplex_url</c>: the log lines, one per line.</summary>
    public async Task<IReadOnlyList<string>> ReadLogAsync(HerokuLogSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var where = session.LogplexUrl.GetLeftPart(UriPartial.Path);
        var response = await RemoteResponse
            .GetAsync(client.Request(session.LogplexUrl).WithHeader("User-Agent", "RaxxPreflight"), "Heroku log session", cancellationToken)
            .ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw new RemoteServiceException(
                $"Heroku log session answered {response.Status} to GET {where}: the session may have expired, run again"
            )
            {
                StatusCode = response.Status,
            };
        }

        var lines = response.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // A body of which no line is a log line (an HTML page, JSON) is not the log: say so now, not after the wait.
        return lines.Length == 0 || lines.Any(l => Rules.Logs.LogLine.Parse(l) is not null)
            ? lines
            : throw new RemoteServiceException(
                $"Heroku log session answered 200 to GET {where} with {lines.Length} line{(lines.Length == 1 ? string.Empty : "s")} of which none is a log line ({response.Header("Content-Type") ?? "no content type"}): a proxy answered, or the session format changed; run again, and report it if it stays"
            )
            {
                StatusCode = 200,
            };
    }

    /// <summary>Reads a list, following <c>Next-Range</c> while the API answers 206 Partial Content, until <paramref name="enough"/> says the items read so far will do.</summary>
    public async Task<IReadOnlyList<T>> GetListAsync<T>(
        string[] path,
        string range,
        string what,
        CancellationToken cancellationToken,
        Func<IReadOnlyList<T>, bool>? enough = null
    )
    {
        ArgumentNullException.ThrowIfNull(path);
        var items = new List<T>();
        string? next = range;
        const int maxPages = 20;
        for (var page = 0; next is not null && page < maxPages; page++)
        {
            var response = await GetAsync(next, path, cancellationToken).ConfigureAwait(false);
            items.AddRange(response.Json<List<T>>(what));
            next = response.Status == 206 && enough?.Invoke(items) != true ? response.Header("Next-Range") : null;
        }

        return items;
    }

    private IFlurlRequest Authorized(IFlurlRequest request) =>
        request.WithHeader("Accept", Accept).WithHeader("User-Agent", "RaxxPreflight").WithOAuthBearerToken(apiKey.Reveal());

    private async Task<RemoteResponse> GetAsync(string? range, string[] segments, CancellationToken cancellationToken)
    {
        var request = Authorized(client.Request(segments));
        if (range is not null)
        {
            request = request.WithHeader("Range", range);
        }

        KeepToTheFloor($"GET /{string.Join('/', segments)}");
        RemoteResponse response;
        var givingUp = RetryLog.WatchGivingUp();
        try
        {
            response = await RemoteResponse.GetAsync(request, Service, cancellationToken).ConfigureAwait(false);
            Note(response);
        }
        finally
        {
            Answered();
        }

        return response.Status is 200 or 206 ? response : throw HerokuErrors.From(response, givingUp.Last);
    }
}
