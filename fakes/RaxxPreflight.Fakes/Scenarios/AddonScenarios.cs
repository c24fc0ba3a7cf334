namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>The blockers cleared, with more than one Postgres add-on on prod: only the one attached as DATABASE counts.</summary>
public static class AddonScenarios
{
    private const string Service = "heroku-postgresql";

    /// <summary>
    /// Prod's primary (attached as DATABASE, on staging's standard-0) has a follower on the same plan: plan parity
    /// passes and names the follower as not compared.
    /// </summary>
    public static Scenario ProdWithFollower() =>
        WithProdAddons(
            ScenarioNames.ProdWithFollower,
            "prod's database has a follower (HEROKU_POSTGRESQL_PURPLE) beside it",
            new AddonState("postgresql-follower-40512", Service, "heroku-postgresql:standard-0")
            {
                AttachedAs = ["HEROKU_POSTGRESQL_PURPLE"],
            }
        );

    /// <summary>
    /// An analytics database on essential-0 beside prod's primary on standard-0 (the API lists by id, so either may
    /// come first): the primary is on staging's plan, so it passes.
    /// </summary>
    public static Scenario ProdAnalyticsListedFirst() =>
        WithProdAddons(
            ScenarioNames.ProdAnalyticsListedFirst,
            "an essential-0 analytics database (HEROKU_POSTGRESQL_RED) beside prod's primary",
            new AddonState("postgresql-analytics-11111", Service, "heroku-postgresql:essential-0")
            {
                AttachedAs = ["HEROKU_POSTGRESQL_RED"],
            }
        );

    /// <summary>
    /// A leftover standard-0 database beside prod's primary, attached as DATABASE, on essential-0: prod runs on a
    /// smaller plan than staging, so it fails, whichever add-on is listed first.
    /// </summary>
    public static Scenario ProdPrimaryDowngraded()
    {
        var ready = SeedScenarios.Ready();
        var primary = ready.Prod.Addons.Single(a => a.Service == Service) with { Plan = "heroku-postgresql:essential-0" };
        return ready with
        {
            Name = ScenarioNames.ProdPrimaryDowngraded,
            Description = "prod's primary is on essential-0, beside a leftover standard-0 database (HEROKU_POSTGRESQL_ORANGE)",
            Prod = ready.Prod with
            {
                Addons =
                [
                    new AddonState("postgresql-leftover-72200", Service, "heroku-postgresql:standard-0")
                    {
                        AttachedAs = ["HEROKU_POSTGRESQL_ORANGE"],
                    },
                    primary,
                    .. ready.Prod.Addons.Where(a => a.Service != Service),
                ],
            },
        };
    }

    private static Scenario WithProdAddons(string name, string description, AddonState listedFirst)
    {
        var ready = SeedScenarios.Ready();
        return ready with
        {
            Name = name,
            Description = description,
            Prod = ready.Prod with { Addons = [listedFirst, .. ready.Prod.Addons] },
        };
    }
}
