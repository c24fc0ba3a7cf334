namespace RaxxPreflight.Configuration;

/// <summary>The base URLs of the APIs a run reads, each ending in '/'.</summary>
/// <param name="Heroku">The Heroku Platform API.</param>
/// <param name="GitHub">GitHub's REST API, used as given: <c>repos/...</c> is appended to it.</param>
/// <param name="Stripe">Stripe's API.</param>
public sealed record ApiUrls(Uri Heroku, Uri GitHub, Uri Stripe);
