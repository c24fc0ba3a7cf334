using System.Globalization;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Fakes.Servers;

namespace RaxxPreflight.Fakes;

/// <summary>
/// Every fake of one scenario, started in this process: Heroku, GitHub, Stripe and each app's router.
/// <see cref="Variables"/> are what point a live run at them.
/// </summary>
public sealed class FakeWorld : IDisposable
{
    private FakeWorld(Scenario scenario, RouterFake stagingRouter, RouterFake prodRouter, HerokuFake heroku, GitHubFake gitHub, StripeFake stripe, string herokuApiKey, string gitHubToken)
    {
        Scenario = scenario;
        StagingRouter = stagingRouter;
        ProdRouter = prodRouter;
        Heroku = heroku;
        GitHub = gitHub;
        Stripe = stripe;
        HerokuApiKey = herokuApiKey;
        GitHubToken = gitHubToken;
    }

    /// <summary>The scenario served.</summary>
    public Scenario Scenario { get; }

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

    /// <summary>The only Heroku API key the fake accepts.</summary>
    public string HerokuApiKey { get; }

    /// <summary>The only GitHub token the fake accepts.</summary>
    public string GitHubToken { get; }

    /// <summary>
    /// <c>PREFLIGHT_RESOLVE</c>: each app's herokuapp.com host and the loopback port its router listens on,
    /// as curl's <c>--resolve</c> takes them, so that the apps' real-shaped web URLs reach the routers.
    /// </summary>
    public string Resolve => string.Join(
        ';',
        new[] { StagingRouter, ProdRouter }.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Host}:80=127.0.0.1:{r.Port}")));

    /// <summary>The environment variables that point a live run (<c>PREFLIGHT_TARGET=live</c>) at these fakes.</summary>
    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PREFLIGHT_TARGET"] = "live",
        ["HEROKU_API_URL"] = Heroku.Url.ToString(),
        ["GITHUB_API_URL"] = GitHub.Url.ToString(),
        ["STRIPE_API_URL"] = Stripe.Url.ToString(),
        ["HEROKU_API_KEY"] = HerokuApiKey,
        ["GITHUB_TOKEN"] = GitHubToken,
        ["PREFLIGHT_RESOLVE"] = Resolve,
    };

    /// <summary>Starts every fake serving <paramref name="scenario"/>; the routers answer <paramref name="healthPath"/>.</summary>
    public static FakeWorld Start(Scenario scenario, string healthPath = "/health")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var herokuApiKey = $"HRKU-fake-{Guid.NewGuid():N}";
        var gitHubToken = $"ghp_fake{Guid.NewGuid():N}";
        var stagingRouter = RouterFake.Start(scenario.Staging, healthPath);
        var prodRouter = RouterFake.Start(scenario.Prod, healthPath);
        var heroku = HerokuFake.Start(scenario, herokuApiKey, app => new Uri($"http://{(app == scenario.Staging ? stagingRouter : prodRouter).Host}/"));
        var gitHub = GitHubFake.Start(scenario.GitHub, gitHubToken);
        var stripe = StripeFake.Start(scenario.Stripe);
        return new FakeWorld(scenario, stagingRouter, prodRouter, heroku, gitHub, stripe, herokuApiKey, gitHubToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Heroku.Dispose();
        GitHub.Dispose();
        Stripe.Dispose();
        StagingRouter.Dispose();
        ProdRouter.Dispose();
    }
}
