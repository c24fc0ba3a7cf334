using RaxxPreflight.Configuration;
using RaxxPreflight.Heroku;

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
                && stagingValue.Equals(value)
            )
            {
                findings.Add(
                    new Finding(
                        name,
                        $"on prod equals staging's value ({value.Masked}); prod needs its own",
                        SetCommand(name, kind, prod.App)
                    )
                );
            }
        }

        return findings;
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
