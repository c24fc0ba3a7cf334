namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>A Heroku app as the fakes serve it.</summary>
/// <param name="Name">The app's name.</param>
/// <param name="Id">The app's id (a UUID).</param>
/// <param name="HostSuffix">The suffix of the app's herokuapp.com host, which real web URLs carry.</param>
/// <param name="ConfigVars">The config vars; a null value is served as null.</param>
/// <param name="Addons">The add-ons.</param>
/// <param name="Router">What the app's router answers on the health path.</param>
public sealed record AppState(
    string Name,
    Guid Id,
    string HostSuffix,
    IReadOnlyDictionary<string, string?> ConfigVars,
    IReadOnlyList<AddonState> Addons,
    RouterState Router);

/// <summary>An add-on.</summary>
/// <param name="Name">Its own name, such as <c>postgresql-flat-88052</c>.</param>
/// <param name="Service">The add-on service, such as <c>heroku-postgresql</c>.</param>
/// <param name="Plan">The plan, such as <c>heroku-postgresql:standard-0</c>.</param>
public sealed record AddonState(string Name, string Service, string Plan);

/// <summary>What an app's router answers for the health path.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The content type.</param>
/// <param name="Body">The body.</param>
public sealed record RouterState(int Status, string ContentType, string Body)
{
    /// <summary>A healthy service: 200 with the JSON the raxx-queue service reports.</summary>
    public static RouterState Healthy(string service, string version) =>
        new(200, "application/json", $$"""{"service":"{{service}}","status":"ok","timestamp":"2026-05-18T22:55:23Z","version":"{{version}}"}""");

    /// <summary>What Heroku's router answers for an app with no web dyno running (H14): a 503 HTML page.</summary>
    public static RouterState NoWebDynos { get; } =
        new(503, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>Application Error</title></head><body><iframe src=\"//www.herokucdn.com/error-pages/application-error.html\"></iframe></body></html>");
}
