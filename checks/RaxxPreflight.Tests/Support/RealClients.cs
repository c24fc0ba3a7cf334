using Flurl.Http;
using RaxxPreflight.Fakes;
using RaxxPreflight.GitHub;
using RaxxPreflight.Heroku;
using RaxxPreflight.Http;
using RaxxPreflight.Secrets;
using RaxxPreflight.Stripe;

namespace RaxxPreflight.Tests.Support;

/// <summary>The run's real clients, pointed at fakes or at a bare WireMock server.</summary>
internal static class RealClients
{
    public static HerokuClient Heroku(Uri url, string key) =>
        new(new FlurlClient(HttpPipeline.CreateClient(TimeSpan.FromSeconds(10))) { BaseUrl = url.ToString() }, new SecretValue(key));

    public static HerokuClient Heroku(FakeWorld fakes) => Heroku(fakes.Heroku.Url, fakes.HerokuApiKey);

    public static GitHubReader GitHub(Uri url, string token) =>
        new(url, new SecretValue(token), TimeSpan.FromSeconds(10), HostResolution.None);

    public static StripeClient Stripe(Uri url) =>
        new(new FlurlClient(HttpPipeline.CreateClient(TimeSpan.FromSeconds(10))) { BaseUrl = url.ToString() }, new Redactor());
}
