using RaxxPreflight.Configuration;
using RaxxPreflight.Heroku;
using RaxxPreflight.Secrets;

namespace RaxxPreflight.Rules;

/// <summary>The config var rules: which prod vars are missing, and which have the wrong shape or equal staging's.</summary>
public static class ConfigVarFindings
{
    /// <summary>Every var staging sets or the config requires that prod does not set (or sets blank), sorted.</summary>
    public static IReadOnlyList<Finding> MissingOnProd(ConfigVars staging, ConfigVars prod, ConfigVarRules rules)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(prod);
        ArgumentNullException.ThrowIfNull(rules);
        return staging
            .SetNames.Union(rules.Required, StringComparer.Ordinal)
            .Where(name => !prod.IsSet(name))
            .Order(StringComparer.Ordinal)
            .Select(name => new Finding(
                name,
                prod.Values.ContainsKey(name) ? "is set but empty on prod"
                    : staging.IsSet(name) ? "is set on staging but not on prod"
                    : "is required but not set on prod",
                SetCommand(name, Kind(rules, name), prod.App)
            ))
            .ToList();
    }

    /// <summary>Each prod var present with the wrong shape for its kind, or equal to staging's where it must differ.</summary>
    public static IReadOnlyList<Finding> InvalidOnProd(ConfigVars staging, ConfigVars prod, ConfigVarRules rules)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(prod);
        ArgumentNullException.ThrowIfNull(rules);
        var findings = new List<Finding>();
        foreach (var name in prod.SetNames)
        {
            var value = prod.Get(name)!;
            var kind = Kind(rules, name);
            if (kind is { } k && VarShapes.Problem(k, value) is { } problem)
            {
                findings.Add(new Finding(name, $"{problem} on prod", SetCommand(name, kind, prod.App)));
            }

            if (
                rules.MustDiffer.Contains(name, StringComparer.Ordinal)
                && staging.Get(name) is { } stagingValue
                && Shared(kind, stagingValue, value) is { } shared
            )
            {
                findings.Add(new Finding(name, $"on prod {shared}; prod needs its own", SetCommand(name, kind, prod.App)));
            }
        }

        return findings;
    }

    /// <summary>
    /// What staging's and prod's values share, by what they point at, never printing a credential: database URLs
    /// by host, port and database (scheme spelling and query aside), URLs by scheme, host, port and path prefix
    /// (a trailing slash aside), Sentry DSNs by project, keys and secrets by value. Null when they differ.
    /// </summary>
    public static string? Shared(VarKind? kind, SecretValue staging, SecretValue prod)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(prod);
        if (
            kind == VarKind.PostgresUrl
            && Values.PostgresTarget.Parse(staging.Reveal()).Target is { } stagingDb
            && Values.PostgresTarget.Parse(prod.Reveal()).Target is { } prodDb
        )
        {
            return stagingDb == prodDb ? $"points at staging's database ({prodDb})" : null;
        }

        if (
            kind == VarKind.HttpsUrl
            && Values.UrlTarget.Parse(staging.Reveal()) is { } stagingUrl
            && Values.UrlTarget.Parse(prod.Reveal()) is { } prodUrl
        )
        {
            return stagingUrl.SameService(prodUrl)
                ? $"points at staging's service ({prod.Masked}: the same scheme, host and port{(stagingUrl.Path == prodUrl.Path ? " and path" : ", a path within staging's")})"
                : null;
        }

        if (
            kind == VarKind.SentryDsn
            && SentryDsn.TryParse(staging.Reveal()) is { } stagingDsn
            && SentryDsn.TryParse(prod.Reveal()) is { } prodDsn
        )
        {
            return stagingDsn.SameProject(prodDsn) ? $"reports to staging's Sentry project ({prodDsn})" : null;
        }

        return staging.Equals(prod) ? $"equals staging's value ({prod.Masked})" : null;
    }

    /// <summary>
    /// The config var diff by name, never by value: every var either environment sets or the config requires, with
    /// its kind and whether each environment sets it, sorted by name.
    /// </summary>
    public static IReadOnlyList<ConfigVarRow> Diff(ConfigVars staging, ConfigVars prod, ConfigVarRules rules)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(prod);
        ArgumentNullException.ThrowIfNull(rules);
        return
        [
            .. staging
                .SetNames.Union(prod.SetNames, StringComparer.Ordinal)
                .Union(rules.Required, StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(name => new ConfigVarRow(
                    name,
                    Kind(rules, name) is { } kind ? VarKinds.NameOf(kind) : null,
                    staging.IsSet(name),
                    prod.IsSet(name)
                )),
        ];
    }

    /// <summary>The <c>heroku config:set</c> line that sets <paramref name="name"/> on <paramref name="app"/>, with a placeholder.</summary>
    public static string SetCommand(string name, VarKind? kind, string app) =>
        $"heroku config:set {name}={VarShapes.Placeholder(kind)} --app {app}";

    private static VarKind? Kind(ConfigVarRules rules, string name) => rules.Kinds.TryGetValue(name, out var kind) ? kind : null;
}
