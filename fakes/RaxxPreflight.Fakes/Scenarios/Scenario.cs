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

    /// <summary>Every secret value the scenario holds, for tests that prove none is printed.</summary>
    public IReadOnlyList<string> SecretValues =>
        [
            .. Staging
                .ConfigVars.Values.Concat(Prod.ConfigVars.Values)
                .OfType<string>()
                .Where(v => v.Length >= 6)
                .Concat(Later?.SecretValues ?? [])
                .Distinct(StringComparer.Ordinal),
        ];
}
