using RaxxPreflight.Configuration;
using RaxxPreflight.Heroku;
using RaxxPreflight.Reporting;
using RaxxPreflight.Rules;
using RaxxPreflight.Secrets;
using RaxxPreflight.Tests.Reporting;

namespace RaxxPreflight.Tests.Rules;

/// <summary>When an item applies: from what the apps say, with why when it does not.</summary>
public class ApplicabilityTests
{
    private static readonly StripeVarNames Stripe = new(
        "STRIPE_API_KEY",
        "STRIPE_PUBLISHABLE_KEY",
        "STRIPE_RESTRICTED_KEY",
        "STRIPE_WEBHOOK_SECRET"
    );

    private static ConfigVars Vars(string app, params string[] names) =>
        new(app, names.ToDictionary(n => n, _ => new SecretValue("set-to-something-long"), StringComparer.Ordinal));

    [Fact]
    public void The_stripe_items_apply_when_either_app_sets_any_stripe_key()
    {
        Applicability.Stripe(Vars("s", "STRIPE_API_KEY"), Vars("p"), Stripe, "s", "p").ShouldBeNull();
        Applicability.Stripe(Vars("s"), Vars("p", "STRIPE_WEBHOOK_SECRET"), Stripe, "s", "p").ShouldBeNull();
        Applicability
            .Stripe(Vars("s", "SENTRY_DSN"), Vars("p"), Stripe, "s", "p")
            .ShouldBe(
                "neither s nor p sets a Stripe key (STRIPE_API_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_RESTRICTED_KEY, STRIPE_WEBHOOK_SECRET): the service does not bill through Stripe"
            );
    }

    [Fact]
    public void The_sentry_item_applies_when_either_app_sets_the_dsn_var()
    {
        Applicability.Sentry(Vars("s"), Vars("p", "SENTRY_DSN"), "SENTRY_DSN", "s", "p").ShouldBeNull();
        Applicability
            .Sentry(Vars("s"), Vars("p"), "SENTRY_DSN", "s", "p")
            .ShouldBe("neither s nor p sets SENTRY_DSN: the service reports to no Sentry project");
    }

    [Fact]
    public void The_database_items_apply_when_either_app_has_a_postgres_add_on_attached_or_not()
    {
        const string Service = "heroku-postgresql";
        var none = PrimaryDatabase.Find([], [], Service);
        var unattached = PrimaryDatabase.Find(
            [new HerokuAddon("postgresql-x", "provisioned", new HerokuNamed(Service), new HerokuNamed("heroku-postgresql:essential-0"))],
            [],
            Service
        );
        var redis = PrimaryDatabase.Find(
            [new HerokuAddon("redis-x", "provisioned", new HerokuNamed("heroku-redis"), new HerokuNamed("heroku-redis:mini"))],
            [],
            Service
        );

        Applicability.Databases(none, unattached, Service, "s", "p").ShouldBeNull();
        Applicability
            .Databases(redis, none, Service, "s", "p")
            .ShouldBe("neither s nor p has a heroku-postgresql add-on: the service has no database to check");
    }

    [Fact]
    public void Not_applicable_is_neither_a_pass_nor_a_failure_and_a_run_where_nothing_applies_checked_nothing()
    {
        var some = ResultsOf.Outcome(
            ResultsOf.Item(CheckIds.StagingHealthy, CheckStatus.Pass),
            ResultsOf.Item(CheckIds.StripeKeysLive, CheckStatus.NotApplicable, "no Stripe here")
        );
        some.Passed.ShouldBeTrue();
        some.RunExitCode.ShouldBe(0);
        some.FailedIds.ShouldBeEmpty();
        some.Tail().ShouldContain("1 passed, 0 failed, 1 not applicable");
        ChecklistOutcome.Line(some.Results[1]).ShouldStartWith($"n/a  {CheckIds.StripeKeysLive}");
        ChecklistOutcome.Line(some.Results[1]).ShouldEndWith(": not applicable: no Stripe here");

        var none = ResultsOf.Outcome(ResultsOf.Item(CheckIds.StripeKeysLive, CheckStatus.NotApplicable, "no Stripe here"));
        none.Passed.ShouldBeFalse();
        none.RunExitCode.ShouldBe(2);
        none.Tail().ShouldContain("No item applies to this service: nothing was checked.");
    }
}
