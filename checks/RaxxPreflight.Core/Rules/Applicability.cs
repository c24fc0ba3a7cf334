using RaxxPreflight.Configuration;
using RaxxPreflight.Heroku;

namespace RaxxPreflight.Rules;

/// <summary>
/// Whether an item applies to a service, from what its apps say: the Stripe items where the apps set Stripe keys, the
/// Sentry item where they set its DSN, the database items where they have a Postgres add-on. Each answer is null when
/// the item applies, else why it does not, in words the item's line carries ("not applicable: ...").
/// </summary>
public static class Applicability
{
    /// <summary>The Stripe items: neither app sets any of the config's Stripe vars.</summary>
    public static string? Stripe(ConfigVars staging, ConfigVars prod, StripeVarNames stripe, string stagingApp, string prodApp)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(prod);
        ArgumentNullException.ThrowIfNull(stripe);
        return stripe.All.Any(name => staging.Get(name) is not null || prod.Get(name) is not null)
            ? null
            : $"neither {stagingApp} nor {prodApp} sets a Stripe key ({string.Join(", ", stripe.All)}): the service does not bill through Stripe";
    }

    /// <summary>The Sentry item: neither app sets the DSN var.</summary>
    public static string? Sentry(ConfigVars staging, ConfigVars prod, string dsnVar, string stagingApp, string prodApp)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(prod);
        return staging.Get(dsnVar) is not null || prod.Get(dsnVar) is not null
            ? null
            : $"neither {stagingApp} nor {prodApp} sets {dsnVar}: the service reports to no Sentry project";
    }

    /// <summary>
    /// The items that read the database: neither app sets <c>DATABASE_URL</c>, the var the add-on attached as DATABASE
    /// sets (so nothing to connect to). <c>postgres-plan-parity</c> asks <see cref="Databases"/>, from the add-ons.
    /// </summary>
    public static string? NoDatabaseToConnect(ConfigVars staging, ConfigVars prod, string stagingApp, string prodApp)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(prod);
        return staging.Get(DatabaseUrlVar) is not null || prod.Get(DatabaseUrlVar) is not null
            ? null
            : $"neither {stagingApp} nor {prodApp} sets {DatabaseUrlVar} (no Postgres add-on attached as DATABASE): the service has no database to check";
    }

    /// <summary>The var the add-on attached as DATABASE sets, which the database items connect with.</summary>
    public const string DatabaseUrlVar = "DATABASE_URL";

    /// <summary>Plan parity: neither app has an add-on of the Postgres service.</summary>
    public static string? Databases(PrimaryDatabase staging, PrimaryDatabase prod, string service, string stagingApp, string prodApp)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(prod);
        return staging.Primary is not null || staging.Others.Count > 0 || prod.Primary is not null || prod.Others.Count > 0
            ? null
            : $"neither {stagingApp} nor {prodApp} has a {service} add-on: the service has no database to check";
    }
}
