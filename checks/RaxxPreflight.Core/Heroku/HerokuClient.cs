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

    /// <summary>Reads through <paramref name="client"/> (whose base URL is the API's) with <paramref name="apiKey"/>.</summary>
    public HerokuClient(IFlurlClient client, SecretValue apiKey)
    {
        this.client = client;
        this.apiKey = apiKey;
    }

    /// <summary><c>GET /apps/{app}</c>.</summary>
    public async Task<HerokuApp> GetAppAsync(string app, CancellationToken cancellationToken) =>
        (await GetAsync(null, ["apps", app], cancellationToken).ConfigureAwait(false)).Json<HerokuApp>("an app object");

    /// <summary><c>GET /apps/{app}/config-vars</c>: names with their values; a null value counts as unset.</summary>
    public async Task<ConfigVars> GetConfigVarsAsync(string app, CancellationToken cancellationToken)
    {
        var response = await GetAsync(null, ["apps", app, "config-vars"], cancellationToken).ConfigureAwait(false);
        var raw = response.Json<Dictionary<string, string?>>("an object of config vars");
        return new ConfigVars(app, raw.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => new SecretValue(p.Value!), StringComparer.Ordinal));
    }

    /// <summary><c>GET /apps/{app}/addons</c>, every page.</summary>
    public Task<IReadOnlyList<HerokuAddon>> GetAddonsAsync(string app, CancellationToken cancellationToken) =>
        GetListAsync<HerokuAddon>(["apps", app, "addons"], "id ..; max=1000", "a list of add-ons", cancellationToken);

    /// <summary>Reads a list, following <c>Next-Range</c> while the API answers 206 Partial Content.</summary>
    public async Task<IReadOnlyList<T>> GetListAsync<T>(string[] path, string range, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var items = new List<T>();
        string? next = range;
        const int maxPages = 20;
        for (var page = 0; next is not null && page < maxPages; page++)
        {
            var response = await GetAsync(next, path, cancellationToken).ConfigureAwait(false);
            items.AddRange(response.Json<List<T>>(what));
            next = response.Status == 206 ? response.Header("Next-Range") : null;
        }

        return items;
    }

    private async Task<RemoteResponse> GetAsync(string? range, string[] segments, CancellationToken cancellationToken)
    {
        var request = client.Request(segments)
            .WithHeader("Accept", Accept)
            .WithHeader("User-Agent", "RaxxPreflight")
            .WithOAuthBearerToken(apiKey.Reveal());
        if (range is not null)
        {
            request = request.WithHeader("Range", range);
        }

        var response = await RemoteResponse.GetAsync(request, Service, cancellationToken).ConfigureAwait(false);
        return response.Status is 200 or 206 ? response : throw HerokuErrors.From(response);
    }
}
