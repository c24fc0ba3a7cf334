namespace RaxxPreflight.Configuration;

/// <summary>
/// The deploy description: every service the checklist checks, each as the config gives it and with what is left to be
/// found from the APIs (<see cref="ServiceSpec.ToFind"/>). Read from <c>preflight.json</c>: a <c>services</c> map, or a
/// file that describes one service whole (the queue's first config), which is one service.
/// </summary>
/// <param name="Services">The services, in the file's order.</param>
public sealed record DeployDescription(IReadOnlyList<ServiceSpec> Services)
{
    /// <summary>The services' names, in the file's order.</summary>
    public IReadOnlyList<string> Names => [.. Services.Select(s => s.Name)];

    /// <summary>The service named <paramref name="name"/>, or null.</summary>
    public ServiceSpec? Find(string name) => Services.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}

/// <summary>One service of the deploy description.</summary>
/// <param name="Name">Its name (the <c>services</c> key): how lines, reports and the <c>Service</c> trait name it.</param>
/// <param name="Config">What the config says of it, with placeholders where <paramref name="ToFind"/> says the APIs tell.</param>
/// <param name="ToFind">What is found at the run's start, from the pipeline and staging's config vars.</param>
/// <param name="Error">Why the service's description is wrong (one line); then nothing of it is checked, the others are.</param>
public sealed record ServiceSpec(string Name, PreflightConfig Config, Discover ToFind, string? Error = null);

/// <summary>What the checklist finds from the APIs when the config does not say it.</summary>
[Flags]
public enum Discover
{
    /// <summary>Everything is in the config.</summary>
    None = 0,

    /// <summary>The staging and prod apps, from the pipeline's couplings.</summary>
    Apps = 1,

    /// <summary>The required vars (staging's), each var's kind (from its value) and which must differ (from the kind).</summary>
    RequiredVars = 2,

    /// <summary>The vars' kinds not named in the config.</summary>
    Kinds = 4,

    /// <summary>Which vars must differ and which may be equal, when the config names neither list.</summary>
    Differ = 8,

    /// <summary>The Stripe key vars, from staging's values (<c>sk_</c>, <c>pk_</c>, <c>rk_</c>, <c>whsec_</c>).</summary>
    Stripe = 16,

    /// <summary>The Sentry DSN var: the <c>SENTRY_DSN*</c> var staging sets.</summary>
    Sentry = 32,
}
