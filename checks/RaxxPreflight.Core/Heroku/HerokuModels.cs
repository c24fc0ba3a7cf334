namespace RaxxPreflight.Heroku;

/// <summary>A Heroku app, as <c>GET /apps/{app}</c> answers (the fields the checklist reads).</summary>
/// <param name="Id">The app's id.</param>
/// <param name="Name">The app's name.</param>
/// <param name="WebUrl">Where the app's router serves it.</param>
/// <param name="Stack">The app's stack.</param>
/// <param name="ReleasedAt">When the app was last released, if ever.</param>
public sealed record HerokuApp(string Id, string Name, Uri? WebUrl, HerokuNamed? Stack, DateTimeOffset? ReleasedAt);

/// <summary>A nested <c>{name}</c> object.</summary>
/// <param name="Name">The name.</param>
public sealed record HerokuNamed(string? Name);

/// <summary>An add-on of an app.</summary>
/// <param name="Name">The add-on's own name (<c>postgresql-flat-88052</c>).</param>
/// <param name="State">provisioning, provisioned or deprovisioned.</param>
/// <param name="AddonService">The service (<c>heroku-postgresql</c>).</param>
/// <param name="Plan">The plan (<c>heroku-postgresql:standard-0</c>).</param>
public sealed record HerokuAddon(string Name, string? State, HerokuNamed? AddonService, HerokuNamed? Plan);
