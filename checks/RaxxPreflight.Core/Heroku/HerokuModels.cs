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
/// <param name="Id">The add-on's id, which its attachments name.</param>
public sealed record HerokuAddon(string Name, string? State, HerokuNamed? AddonService, HerokuNamed? Plan, string? Id = null);

/// <summary>
/// An add-on attached to an app (<c>GET /apps/{app}/addon-attachments</c>): the attachment's name is the prefix
/// of the config var it sets, so the add-on attached as <c>DATABASE</c> is the one <c>DATABASE_URL</c> points at.
/// </summary>
/// <param name="Name">The attachment's name (<c>DATABASE</c>, <c>HEROKU_POSTGRESQL_RED</c>).</param>
/// <param name="Namespace">The attachment's namespace (<c>role:analytics</c>), null for a plain one.</param>
/// <param name="Addon">The add-on attached.</param>
public sealed record HerokuAttachment(string Name, string? Namespace, HerokuAddonRef? Addon);

/// <summary>The add-on an attachment names.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
public sealed record HerokuAddonRef(string? Id, string? Name);

/// <summary>A release of an app.</summary>
/// <param name="Id">The release's id.</param>
/// <param name="Version">Its version number (v15 is 15).</param>
/// <param name="Description">What it did: <c>Deployed web (142013fe2b5c)</c>, <c>Set X config vars</c>...</param>
/// <param name="Status">failed, pending, succeeded or expired.</param>
/// <param name="Current">True for the release the app runs.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="Slug">The slug it runs, for a slug app's build or promotion; null for a container release and for one
/// that only changed config vars.</param>
public sealed record HerokuRelease(
    string Id,
    int Version,
    string Description,
    string Status,
    bool Current,
    DateTimeOffset CreatedAt,
    HerokuSlugRef? Slug = null
);

/// <summary>The slug a release runs (<c>release.slug</c>: its id).</summary>
/// <param name="Id">The slug's id.</param>
public sealed record HerokuSlugRef(string? Id);

/// <summary>One process type of an app's formation.</summary>
/// <param name="Type">The process type (<c>web</c>).</param>
/// <param name="Quantity">How many dynos.</param>
/// <param name="Size">The dyno size (<c>Standard-1X</c>).</param>
public sealed record HerokuFormation(string Type, int Quantity, string? Size);

/// <summary>A dyno of an app.</summary>
/// <param name="Name">Its name (<c>web.1</c>).</param>
/// <param name="Type">Its process type.</param>
/// <param name="State">crashed, down, idle, starting or up.</param>
/// <param name="Release">The release it runs.</param>
/// <param name="UpdatedAt">When its state last changed.</param>
public sealed record HerokuDyno(string Name, string? Type, string State, HerokuReleaseRef? Release, DateTimeOffset? UpdatedAt);

/// <summary>A reference to a release.</summary>
/// <param name="Id">The release's id.</param>
/// <param name="Version">Its version.</param>
public sealed record HerokuReleaseRef(string? Id, int Version);

/// <summary>A log session: where to read an app's log lines from.</summary>
/// <param name="Id">The session's id.</param>
/// <param name="LogplexUrl">The URL a GET of which streams the lines.</param>
public sealed record HerokuLogSession(string Id, Uri LogplexUrl);

/// <summary>A pipeline.</summary>
/// <param name="Id">Its id, which its couplings' list is read by.</param>
/// <param name="Name">Its name.</param>
public sealed record HerokuPipeline(string Id, string Name);

/// <summary>An app's place in a pipeline: the app (by id only, as the schema documents) and its stage.</summary>
/// <param name="Id">The coupling's id.</param>
/// <param name="App">The app, by id.</param>
/// <param name="Stage"><c>test</c>, <c>review</c>, <c>development</c>, <c>staging</c> or <c>production</c>.</param>
public sealed record HerokuCoupling(string? Id, HerokuAppRef? App, string? Stage)
{
    /// <summary>The pipeline it couples the app to, by id.</summary>
    public HerokuAppRef? Pipeline { get; init; }
}

/// <summary>A nested <c>{id}</c> object (an app, a pipeline).</summary>
/// <param name="Id">Its id.</param>
public sealed record HerokuAppRef(string? Id);
