using System.Text.RegularExpressions;
using Flurl.Http;
using RaxxPreflight.Configuration;
using RaxxPreflight.GitHub;
using RaxxPreflight.Health;
using RaxxPreflight.Heroku;
using RaxxPreflight.Http;
using RaxxPreflight.Secrets;
using RaxxPreflight.Stripe;

namespace RaxxPreflight.World;

/// <summary>The run's clients, all over one guarded HTTP pipeline.</summary>
/// <param name="Heroku">The Heroku Platform API.</param>
/// <param name="GitHub">GitHub, through Octokit.</param>
/// <param name="Stripe">Stripe.</param>
/// <param name="Health">The services' health endpoints.</param>
/// <param name="Redactor">The run's secret scrubber.</param>
public sealed record DeployClients(HerokuClient Heroku, GitHubReader GitHub, StripeClient Stripe, HealthProbe Health, Redactor Redactor)
{
    /// <summary>
    /// Clients for the APIs at <paramref name="urls"/>, authenticated with the given credentials; each API call,
    /// its retries included, is bounded by <paramref name="apiTimeout"/>; Heroku is not asked once the account has fewer
    /// than <paramref name="herokuRateFloor"/> requests left this hour.
    /// </summary>
    public static DeployClients Create(
        ApiUrls urls,
        SecretValue herokuApiKey,
        SecretValue gitHubToken,
        HostResolution resolution,
        TimeSpan apiTimeout,
        int herokuRateFloor = HerokuClient.DefaultRateFloor
    )
    {
        ArgumentNullException.ThrowIfNull(urls);
        var redactor = new Redactor();
        redactor.Remember(herokuApiKey);
        redactor.Remember(gitHubToken);
        return new DeployClients(
            new HerokuClient(Flurl(urls.Heroku, apiTimeout, resolution, [LogSessionWrite]), herokuApiKey) { RateFloor = herokuRateFloor },
            new GitHubReader(urls.GitHub, gitHubToken, apiTimeout, resolution),
            new StripeClient(Flurl(urls.Stripe, apiTimeout, resolution), redactor),
            // A health answer is the verdict itself: a 503 is judged (and looked at again by a wait), not retried away.
            new HealthProbe(
                new FlurlClient(HttpPipeline.CreateClient(Timeout.InfiniteTimeSpan, resolution, retries: false, passRedirects: true))
            ),
            redactor
        );
    }

    /// <summary>The one write the checklist makes: creating a Heroku log session, which changes nothing in the app.</summary>
    public static AllowedWrite LogSessionWrite { get; } = new(HttpMethod.Post, new Regex("(^|/)apps/[^/]+/log-sessions$"));

    private static FlurlClient Flurl(
        Uri baseUrl,
        TimeSpan timeout,
        HostResolution resolution,
        IReadOnlyList<AllowedWrite>? allowed = null
    ) => new(HttpPipeline.CreateClient(timeout, resolution, allowed)) { BaseUrl = baseUrl.ToString() };
}
