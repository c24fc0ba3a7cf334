using RaxxPreflight.Configuration;
using RaxxPreflight.Heroku;
using RaxxPreflight.Http;
using RaxxPreflight.Rules;
using RaxxPreflight.World;

namespace RaxxPreflight.Services;

/// <summary>
/// Finds what a service's config leaves out, from what the APIs say: its staging and prod apps from its Heroku
/// pipeline's couplings (a coupling names its app by id only, so each app is read by id), and its config var rules,
/// Stripe and Sentry vars from staging's config vars (<see cref="FoundRules"/>). Every read goes through the run's
/// <see cref="SharedReads"/>, which the service's world reads from too: nothing is read twice.
/// </summary>
public static class ServiceResolver
{
    /// <summary>The service, whole: the config's fields over what was found; <see cref="ResolvedService.Found"/> says what was found.</summary>
    /// <exception cref="PreflightConfigException">The service's description is wrong, or its pipeline does not give its apps.</exception>
    /// <exception cref="RemoteServiceException">An API could not be read.</exception>
    public static async Task<ResolvedService> ResolveAsync(
        ServiceSpec spec,
        HerokuClient heroku,
        SharedReads reads,
        CancellationToken cancellationToken
    )
    {
        var apps = await ResolveAppsAsync(spec, heroku, reads, cancellationToken).ConfigureAwait(false);
        var config = apps.Config;
        var found = apps.Found.ToList();
        var fromVars = Discover.RequiredVars | Discover.Kinds | Discover.Differ | Discover.Stripe | Discover.Sentry;
        if ((spec.ToFind & fromVars) != 0)
        {
            (config, var fromStaging) = await RulesAsync(spec, config, heroku, reads, cancellationToken).ConfigureAwait(false);
            found.AddRange(fromStaging);
        }

        return new ResolvedService(config, found);
    }

    /// <summary>
    /// The service with its apps found (its rules not yet): enough to start the reads that depend only on the apps
    /// while staging's vars are read for the rules.
    /// </summary>
    public static async Task<ResolvedService> ResolveAppsAsync(
        ServiceSpec spec,
        HerokuClient heroku,
        SharedReads reads,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(heroku);
        ArgumentNullException.ThrowIfNull(reads);
        if (spec.Error is { } error)
        {
            throw new PreflightConfigException(error);
        }

        var config = spec.Config;
        var found = new List<FoundFact>();
        if (spec.ToFind.HasFlag(Discover.Apps))
        {
            var pipeline = config.Pipeline!;
            var (staging, prod) = await AppsAsync(spec.Name, pipeline, config, heroku, reads, cancellationToken).ConfigureAwait(false);
            if (config.Staging.App.Length == 0)
            {
                config = config with { Staging = config.Staging with { App = staging! } };
                found.Add(new FoundFact("apps.staging", staging!, $"pipeline {pipeline}'s staging stage"));
            }

            if (config.Prod.App.Length == 0)
            {
                config = config with { Prod = config.Prod with { App = prod! } };
                found.Add(new FoundFact("apps.prod", prod!, $"pipeline {pipeline}'s production stage"));
            }
        }

        return new ResolvedService(config, found);
    }

    // The config var rules, Stripe and Sentry vars staging's vars give (the config's own over them).
    private static async Task<(PreflightConfig Config, List<FoundFact> Found)> RulesAsync(
        ServiceSpec spec,
        PreflightConfig config,
        HerokuClient heroku,
        SharedReads reads,
        CancellationToken cancellationToken
    )
    {
        var found = new List<FoundFact>();
        var app = config.Staging.App;
        var vars = await reads.ConfigVars(heroku, app, cancellationToken).Value.ConfigureAwait(false);
        var from = $"{app}'s config vars";
        if ((spec.ToFind & (Discover.RequiredVars | Discover.Kinds | Discover.Differ)) != 0)
        {
            config = config with { ConfigVars = FoundRules.VarRules(vars, config.ConfigVars, spec.ToFind) };
            if (spec.ToFind.HasFlag(Discover.RequiredVars))
            {
                found.Add(new FoundFact("configVars.required", Listed(config.ConfigVars.Required), from));
            }

            if (spec.ToFind.HasFlag(Discover.Differ))
            {
                found.Add(new FoundFact("configVars.mustDiffer", Listed(config.ConfigVars.MustDiffer), "each var's kind"));
            }
        }

        if (spec.ToFind.HasFlag(Discover.Stripe))
        {
            var stripe = FoundRules.Stripe(vars);
            config = config with
            {
                Stripe = stripe ?? StripeVarNames.Default with { Unused = new HashSet<string>(StringComparer.Ordinal) },
            };
            found.Add(
                stripe is null
                    ? new FoundFact("stripe", "(none)", $"{app} sets no Stripe key")
                    : new FoundFact("stripe", string.Join(", ", stripe.All), $"{app}'s values (sk_, pk_, rk_, whsec_)")
            );
        }

        if (spec.ToFind.HasFlag(Discover.Sentry))
        {
            var dsn = FoundRules.SentryDsnVar(vars);
            config = config with { SentryDsnVar = dsn ?? PreflightConfigLoader.SentryDefaultVar };
            found.Add(new FoundFact("sentry.dsnVar", dsn ?? "(none)", dsn is null ? $"{app} sets no SENTRY_DSN* var" : from));
        }

        return (config, found);
    }

    // Three account-wide lists, read once for every service and at once (no read waits on another): the pipelines (by
    // name), every coupling (app id, stage, pipeline id) and every app (id, name, web URL); an app the list lacks is read
    // by id.
    private static async Task<(string? Staging, string? Prod)> AppsAsync(
        string service,
        string pipeline,
        PreflightConfig config,
        HerokuClient heroku,
        SharedReads reads,
        CancellationToken cancellationToken
    )
    {
        var pipelinesRead = reads.Get("heroku:pipelines", () => heroku.GetPipelinesAsync(cancellationToken)).Value;
        var couplingsRead = reads.Get("heroku:pipeline-couplings", () => heroku.GetAllPipelineCouplingsAsync(cancellationToken)).Value;
        var appsRead = reads.Get("heroku:apps", () => heroku.GetAppsAsync(cancellationToken)).Value;
        await Task.WhenAll(pipelinesRead, couplingsRead, appsRead).ConfigureAwait(false);
        var found =
            (await pipelinesRead.ConfigureAwait(false)).FirstOrDefault(p =>
                string.Equals(p.Name, pipeline, StringComparison.Ordinal) || string.Equals(p.Id, pipeline, StringComparison.Ordinal)
            )
            ?? throw new PreflightConfigException(
                $"{service}: Heroku has no pipeline {pipeline} (services.{service}.pipeline): check the name (heroku pipelines), or name the apps (services.{service}.apps.staging, .prod)"
            );
        var couplings = (await couplingsRead.ConfigureAwait(false)).Where(c => c.Pipeline?.Id == found.Id).ToList();
        var listed = (await appsRead.ConfigureAwait(false)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        async Task<string?> StageAsync(string stage, string key, bool wanted)
        {
            if (!wanted)
            {
                return null;
            }

            var ids = couplings
                .Where(c => string.Equals(c.Stage, stage, StringComparison.Ordinal) && c.App?.Id is not null)
                .Select(c => c.App!.Id!)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var apps = await Task.WhenAll(
                    ids.Select(id =>
                        listed.TryGetValue(id, out var app) ? Task.FromResult(app) : reads.App(heroku, id, cancellationToken).Value
                    )
                )
                .ConfigureAwait(false);
            return apps switch
            {
                [] => throw new PreflightConfigException(
                    $"{service}: pipeline {pipeline} has no {stage} app: heroku pipelines:add {pipeline} --stage {stage} --app <app>, or name it (services.{service}.apps.{key})"
                ),
                [var one] => Remember(reads, one),
                _ => throw new PreflightConfigException(
                    $"{service}: pipeline {pipeline} has {apps.Length} apps in {stage} ({string.Join(", ", apps.Select(a => a.Name).Order(StringComparer.Ordinal))}): name the one to check (services.{service}.apps.{key})"
                ),
            };
        }

        var staging = StageAsync("staging", "staging", config.Staging.App.Length == 0);
        var prod = StageAsync("production", "prod", config.Prod.App.Length == 0);
        await Task.WhenAll(staging, prod).ConfigureAwait(false);
        return (await staging.ConfigureAwait(false), await prod.ConfigureAwait(false));
    }

    private static string Listed(IReadOnlyList<string> names) => names.Count == 0 ? "(none)" : string.Join(", ", names);

    // An app read by id is the app the world reads by name: the one read serves both.
    private static string Remember(SharedReads reads, HerokuApp app)
    {
        reads.Know(app);
        return app.Name;
    }
}

/// <summary>A service made whole: its config, and what was found for it (for <c>describe</c>, and for review).</summary>
/// <param name="Config">The service's config, every field known.</param>
/// <param name="Found">Each field the APIs gave, with its value and where it came from.</param>
public sealed record ResolvedService(PreflightConfig Config, IReadOnlyList<FoundFact> Found);

/// <summary>A field the checklist found rather than read from the config.</summary>
/// <param name="Field">The config field it stands for (<c>apps.prod</c>).</param>
/// <param name="Value">What was found (names, never a value of a var).</param>
/// <param name="From">Where it was found.</param>
public sealed record FoundFact(string Field, string Value, string From);
