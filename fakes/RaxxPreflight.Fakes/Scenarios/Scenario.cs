namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>One whole state of the world the fakes serve: both apps, GitHub and Stripe.</summary>
/// <param name="Name">The name <c>PREFLIGHT_TARGET=fakes:&lt;name&gt;</c> selects it by.</param>
/// <param name="Description">What the scenario is, in a line.</param>
/// <param name="Staging">The staging app.</param>
/// <param name="Prod">The prod app.</param>
/// <param name="GitHub">The repository, its deploy workflow and environment.</param>
/// <param name="Stripe">The keys Stripe knows.</param>
public sealed record Scenario(string Name, string Description, AppState Staging, AppState Prod, GitHubState GitHub, StripeState Stripe)
{
    /// <summary>
    /// For a scenario that settles: how many looks at each resource (each request for prod's dynos, its health,
    /// a log session...) see this state before that resource turns into <see cref="Later"/>'s. The world moves on
    /// by the checklist's own looks, never by the clock, so a loaded machine sees the same states in the same order.
    /// </summary>
    public int SettlesAfterLooks { get; init; }

    /// <summary>For a scenario that settles: the world once it has settled; null for a still one.</summary>
    public Scenario? Later { get; init; }

    /// <summary>The state a look sees after <paramref name="earlierLooks"/> earlier looks at the same resource.</summary>
    public Scenario After(int earlierLooks) =>
        Later is not null && earlierLooks >= SettlesAfterLooks ? Later.After(earlierLooks - SettlesAfterLooks) : this;

    /// <summary>How many requests the Heroku account has left this hour when the world starts (RateLimit-Remaining counts down from it).</summary>
    public int HerokuRateRemaining { get; init; } = 4500;

    /// <summary>The fleet's other services beside the one <see cref="Staging"/> and <see cref="Prod"/> make (none for the seed's worlds).</summary>
    public IReadOnlyList<ServiceApps> Others { get; init; } = [];

    /// <summary>Every app of the world: the first service's two, then each other service's.</summary>
    public IReadOnlyList<AppState> Apps => [Staging, Prod, .. Others.SelectMany(o => new[] { o.Staging, o.Prod })];

    /// <summary>The app named <paramref name="name"/> as this state has it.</summary>
    public AppState App(string name) => Apps.First(a => a.Name == name);

    /// <summary>Every secret value the scenario holds, for tests that prove none is printed.</summary>
    public IReadOnlyList<string> SecretValues =>
        [
            .. Apps.SelectMany(a => a.ConfigVars.Values)
                .OfType<string>()
                .Where(v => v.Length >= 6)
                .Concat(Later?.SecretValues ?? [])
                .Distinct(StringComparer.Ordinal),
        ];
}

/// <summary>Another service of the fleet: its two apps and where its health answers.</summary>
/// <param name="Staging">Its staging app.</param>
/// <param name="Prod">Its prod app.</param>
/// <param name="HealthPath">The path its router answers health on.</param>
public sealed record ServiceApps(AppState Staging, AppState Prod, string HealthPath);
