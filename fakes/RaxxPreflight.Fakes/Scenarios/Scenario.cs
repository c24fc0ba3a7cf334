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
    /// <summary>For a time-driven scenario: how long after the fakes start the world turns into <see cref="Later"/>.</summary>
    public TimeSpan SettlesAfter { get; init; }

    /// <summary>For a time-driven scenario: the world once it has settled; null for a still one.</summary>
    public Scenario? Later { get; init; }

    /// <summary>The state at <paramref name="elapsed"/> since the fakes started.</summary>
    public Scenario At(TimeSpan elapsed) => Later is not null && elapsed >= SettlesAfter ? Later.At(elapsed - SettlesAfter) : this;

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
