using System.Collections.Concurrent;
using System.Globalization;
using RaxxPreflight.Fakes.Databases;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Fakes.Servers;

namespace RaxxPreflight.Fakes;

/// <summary>
/// Every fake of one scenario, started in this process: Heroku, GitHub, Stripe and each app's router.
/// <see cref="Variables"/> are what point a live run at them.
/// </summary>
public sealed class FakeWorld : IDisposable, IAsyncDisposable
{
    private FakeWorld(
        Scenario scenario,
        ConcurrentDictionary<string, int> looks,
        RouterFake stagingRouter,
        RouterFake prodRouter,
        HerokuFake heroku,
        LogplexFake logplex,
        GitHubFake gitHub,
        StripeFake stripe,
        string herokuApiKey,
        string gitHubToken
    )
    {
        Scenario = scenario;
        this.looks = looks;
        Logplex = logplex;
        StagingRouter = stagingRouter;
        ProdRouter = prodRouter;
        Heroku = heroku;
        GitHub = gitHub;
        Stripe = stripe;
        HerokuApiKey = herokuApiKey;
        GitHubToken = gitHubToken;
    }

    private readonly ConcurrentDictionary<string, int> looks;

    /// <summary>The scenario served (as it was at the start, for one that settles).</summary>
    public Scenario Scenario { get; }

    /// <summary>
    /// How many times each resource has been looked at (<c>raxx-queue-prod/dynos</c>, <c>raxx-queue-prod/router</c>,
    /// <c>raxx-queue-prod/log-sessions</c>...): what moves a settling scenario on.
    /// </summary>
    public IReadOnlyDictionary<string, int> Looks => looks;

    /// <summary>Logplex, serving the log sessions the Heroku fake opens.</summary>
    public LogplexFake Logplex { get; }

    /// <summary>The Heroku Platform API fake.</summary>
    public HerokuFake Heroku { get; }

    /// <summary>The GitHub REST fake.</summary>
    public GitHubFake GitHub { get; }

    /// <summary>The Stripe fake.</summary>
    public StripeFake Stripe { get; }

    /// <summary>Staging's router.</summary>
    public RouterFake StagingRouter { get; }

    /// <summary>Prod's router.</summary>
    public RouterFake ProdRouter { get; }

    /// <summary>The routers of the fleet's other services' apps, by app name.</summary>
    public IReadOnlyDictionary<string, RouterFake> OtherRouters { get; private init; } = new Dictionary<string, RouterFake>();

    private IEnumerable<RouterFake> Routers => [StagingRouter, ProdRouter, .. OtherRouters.Values];

    /// <summary>The only Heroku API key the fake accepts.</summary>
    public string HerokuApiKey { get; }

    /// <summary>The only GitHub token the fake accepts.</summary>
    public string GitHubToken { get; }

    /// <summary>
    /// <c>PREFLIGHT_RESOLVE</c>: each app's herokuapp.com host and the loopback port its router listens on,
    /// as curl's <c>--resolve</c> takes them, so that the apps' real-shaped web URLs reach the routers.
    /// </summary>
    public string Resolve =>
        string.Join(
            ';',
            Routers
                .Select(r => (r.Host, r.Port))
                .Append((LogplexFake.Host, Logplex.Port))
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Item1}:443=127.0.0.1:{r.Item2}"))
        );

    /// <summary>The SHA-256 of the certificate the routers and logplex present: trusted for the hosts <see cref="Resolve"/> redirects.</summary>
#pragma warning disable CA1822 // an instance property beside Resolve, which it belongs with, though every world shares the certificate
    public string CertificatePin => FakeCertificate.Pin;
#pragma warning restore CA1822

    /// <summary>The environment variables that point a live run (<c>PREFLIGHT_TARGET=live</c>) at these fakes.</summary>
    public IReadOnlyDictionary<string, string> Variables =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Settings.Target] = "live",
            [Settings.HerokuApiUrl] = Heroku.Url.ToString(),
            [Settings.GitHubApiUrl] = GitHub.Url.ToString(),
            [Settings.StripeApiUrl] = Stripe.Url.ToString(),
            [Settings.HerokuApiKey] = HerokuApiKey,
            [Settings.GitHubToken] = GitHubToken,
            [Settings.Resolve] = Resolve,
            [Settings.ResolveCertificate] = CertificatePin,

            // The fakes' database server is local and speaks no TLS; Heroku's always does.
            [Settings.DatabaseTls] = "off",
        };

    /// <summary>
    /// Starts every fake serving <paramref name="scenario"/>; the routers answer <paramref name="healthPath"/>.
    /// A settling scenario moves on by the looks at each resource (<see cref="Scenario.SettlesAfterLooks"/>), never by the clock.
    /// </summary>
    public static FakeWorld Start(Scenario scenario, string healthPath = "/health")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var looks = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        // Each request is one look at its resource, and sees the state that many earlier looks left it in.
        Scenario Look(string resource) =>
            resource.Length == 0 ? scenario : scenario.After(looks.AddOrUpdate(resource, 1, (_, n) => n + 1) - 1);
        var herokuApiKey = $"HRKU-fake-{Guid.NewGuid():N}";
        var gitHubToken = $"ghp_fake{Guid.NewGuid():N}";
        var stagingRouter = RouterFake.Start(scenario.Staging, () => Look($"{scenario.Staging.Name}/router").Staging, healthPath);
        var prodRouter = RouterFake.Start(scenario.Prod, () => Look($"{scenario.Prod.Name}/router").Prod, healthPath);
        var others = new Dictionary<string, RouterFake>(StringComparer.Ordinal);
        foreach (var service in scenario.Others)
        {
            foreach (var app in new[] { service.Staging, service.Prod })
            {
                others[app.Name] = RouterFake.Start(app, () => Look($"{app.Name}/router").App(app.Name), service.HealthPath);
            }
        }

        var logplex = LogplexFake.Start();
        var heroku = HerokuFake.Start(
            Look,
            herokuApiKey,
            app => new Uri(
                $"https://{(app == scenario.Staging.Name ? stagingRouter
                        : app == scenario.Prod.Name ? prodRouter
                        : others[app]).Host}/"
            ),
            logplex
        );
        var gitHub = GitHubFake.Start(scenario.GitHub, gitHubToken);
        var stripe = StripeFake.Start(scenario.Stripe);
        return new FakeWorld(scenario, looks, stagingRouter, prodRouter, heroku, logplex, gitHub, stripe, herokuApiKey, gitHubToken)
        {
            OtherRouters = others,
        };
    }

    /// <summary>The scenario's databases, made on first need; null for a world started without them.</summary>
    public LazyDatabases? Databases { get; private set; }

    /// <summary>
    /// Starts the fakes with real databases: each app's DATABASE_URL points at a database of <paramref name="databases"/>'s
    /// server, seeded as the scenario says, made when first needed (<see cref="LazyDatabases"/>): a run that reads no
    /// database starts no server. <paramref name="served"/>, when given, changes the scenario the fakes serve once its
    /// database URLs exist (a self-test that points prod's DATABASE_URL at a faulty server, say).
    /// </summary>
    public static async Task<FakeWorld> StartAsync(
        Scenario scenario,
        FakeDatabaseOptions databases,
        string healthPath = "/health",
        Func<Scenario, Scenario>? served = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(databases);
        cancellationToken.ThrowIfCancellationRequested();
        var lazy = new LazyDatabases(databases);
        // As on Heroku, DATABASE_URL is what a Postgres add-on's attachment sets: an app with none has none.
        string? Url(AppState app) =>
            !app.Addons.Any(a => a.Service == PostgresService) ? null
            : app.Database.Reachable ? lazy.Plan($"{scenario.Name}_{app.Name}", app.Database)
            : lazy.Unreachable(app.Name.Replace('-', '_'));
        try
        {
            scenario = WithDatabaseUrls(scenario, scenario.Apps.ToDictionary(a => a.Name, Url, StringComparer.Ordinal));
            var world = Start(served is null ? scenario : served(scenario), healthPath);
            world.Databases = lazy;
            return world;
        }
        catch
        {
            // The forwarder is listening already: it goes with the world that could not start.
            await lazy.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts the databases now (once) and waits for them; the answer is why they could not be had, or null.</summary>
    public Task<string?> DatabasesReadyAsync(CancellationToken cancellationToken = default) =>
        Databases?.PrepareAsync(cancellationToken) ?? Task.FromResult<string?>("this world was started without databases");

    /// <summary>Delays every answer of every HTTP fake by <paramref name="latency"/>, as a network would (the benchmark's L).</summary>
    public void AddLatency(TimeSpan latency)
    {
        Heroku.AddLatency(latency);
        GitHub.AddLatency(latency);
        Stripe.AddLatency(latency);
        foreach (var router in Routers)
        {
            router.AddLatency(latency);
        }

        Logplex.AddLatency(latency);
    }

    /// <summary>Every request the HTTP fakes received, as <c>METHOD host/path?query</c>, oldest first within each fake.</summary>
    public IReadOnlyList<string> AllRequests =>
        [
            .. new[] { Heroku.Requests, GitHub.Requests, Stripe.Requests }
                .Concat(Routers.Select(r => r.Requests))
                .Append(Logplex.Requests)
                .SelectMany(r => r)
                .Select(r => $"{r.Method} {r.Url}"),
        ];

    /// <summary>Stops every fake and drops (or stops) the databases.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Databases is not null)
        {
            await Databases.DisposeAsync().ConfigureAwait(false);
        }

        Dispose();
    }

    /// <summary>Stops the HTTP fakes; a world with databases is disposed with <see cref="DisposeAsync"/>, which drops them too.</summary>
    public void Dispose()
    {
        Heroku.Dispose();
        Logplex.Dispose();
        GitHub.Dispose();
        Stripe.Dispose();
        foreach (var router in Routers)
        {
            router.Dispose();
        }
    }

    private const string PostgresService = "heroku-postgresql";

    private static Scenario WithDatabaseUrls(Scenario scenario, IReadOnlyDictionary<string, string?> urls)
    {
        AppState With(AppState app) => urls.GetValueOrDefault(app.Name) is { } url ? app.WithDatabaseUrl(url) : app;
        return scenario with
        {
            Staging = With(scenario.Staging),
            Prod = With(scenario.Prod),
            Others = [.. scenario.Others.Select(o => o with { Staging = With(o.Staging), Prod = With(o.Prod) })],
            Later = scenario.Later is null ? null : WithDatabaseUrls(scenario.Later, urls),
        };
    }
}
