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
    /// <summary>
    /// How long a test's call may take before it counts as hung: a bound on a hang, never a measure of speed, and
    /// generous, so that a loaded machine (a busy CI, large bodies served beside) cannot turn a pass into a failure.
    /// </summary>
    public static readonly TimeSpan HangBound = TimeSpan.FromSeconds(30);

    public static HerokuClient Heroku(Uri url, string key) =>
        new(new FlurlClient(HttpPipeline.CreateClient(HangBound)) { BaseUrl = url.ToString() }, new SecretValue(key));

    /// <summary>A Heroku client that may open log sessions, as the run's own is.</summary>
    public static HerokuClient HerokuWithLogSessions(Uri url, string key) =>
        new(
            new FlurlClient(HttpPipeline.CreateClient(HangBound, allowed: [World.DeployClients.LogSessionWrite]))
            {
                BaseUrl = url.ToString(),
            },
            new SecretValue(key)
        );

    public static HerokuClient Heroku(FakeWorld fakes) => Heroku(fakes.Heroku.Url, fakes.HerokuApiKey);

    public static GitHubReader GitHub(Uri url, string token) => new(url, new SecretValue(token), HangBound, HostResolution.None);

    public static StripeClient Stripe(Uri url) =>
        new(new FlurlClient(HttpPipeline.CreateClient(HangBound)) { BaseUrl = url.ToString() }, new Redactor());
}
