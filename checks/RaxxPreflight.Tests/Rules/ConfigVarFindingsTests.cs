using RaxxPreflight.Configuration;
using RaxxPreflight.Heroku;
using RaxxPreflight.Rules;
using RaxxPreflight.Secrets;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.Rules;

public class ConfigVarFindingsTests
{
    private static readonly ConfigVarRules Rules = PreflightConfigLoader.Load(Repo.DefaultConfig, Items.Catalog).ConfigVars;

    [Fact]
    public void Every_var_staging_sets_or_the_config_requires_must_be_set_on_prod()
    {
        var staging = Vars("raxx-queue-staging", ("EXTRA_STAGING_ONLY", "1"), ("DATABASE_URL", "postgres://a:b@h:5432/d"));
        var prod = Vars("raxx-queue-prod", ("DATABASE_URL", "postgres://c:d@h:5432/e"), ("FLAG_QUEUE_BILLING", ""));

        var missing = ConfigVarFindings.MissingOnProd(staging, prod, Rules);

        missing
            .Select(f => f.Subject)
            .ShouldBe([
                "EXTRA_STAGING_ONLY",
                "FLAG_QUEUE_BILLING",
                "QUEUE_SERVICE_TOKEN_CONSOLE",
                "QUEUE_SERVICE_TOKEN_CRON",
                "QUEUE_SERVICE_TOKEN_RAPTOR",
                "RAPTOR_BASE_URL",
                "SENTRY_DSN_QUEUE",
                "STRIPE_API_KEY",
                "STRIPE_PUBLISHABLE_KEY",
                "STRIPE_RESTRICTED_KEY",
                "STRIPE_WEBHOOK_SECRET",
            ]);
        missing.Single(f => f.Subject == "FLAG_QUEUE_BILLING").Problem.ShouldBe("is set but empty on prod");
        missing.Single(f => f.Subject == "EXTRA_STAGING_ONLY").Problem.ShouldBe("is set on staging but not on prod");
        missing.Single(f => f.Subject == "SENTRY_DSN_QUEUE").Problem.ShouldBe("is required but not set on prod");
        missing
            .Single(f => f.Subject == "STRIPE_API_KEY")
            .Fix.ShouldBe("heroku config:set STRIPE_API_KEY=<sk_live_...> --app raxx-queue-prod");
        missing
            .Single(f => f.Subject == "EXTRA_STAGING_ONLY")
            .Fix.ShouldBe("heroku config:set EXTRA_STAGING_ONLY=<value> --app raxx-queue-prod");
    }

    [Fact]
    public void A_prod_var_of_the_wrong_shape_or_equal_to_staging_where_it_must_differ_is_invalid()
    {
        const string raptor = "https://raxx-api-staging-3f7a9c2e4b61.herokuapp.com";
        var staging = Vars("raxx-queue-staging", ("RAPTOR_BASE_URL", raptor), ("QUEUE_SERVICE_TOKEN_CRON", new string('a', 64)));
        var prod = Vars(
            "raxx-queue-prod",
            ("RAPTOR_BASE_URL", raptor),
            ("QUEUE_SERVICE_TOKEN_CRON", new string('a', 64)),
            ("QUEUE_SERVICE_TOKEN_RAPTOR", "not-a-token"),
            ("FLAG_QUEUE_BILLING", "TRUE")
        );

        var invalid = ConfigVarFindings.InvalidOnProd(staging, prod, Rules);

        invalid.Select(f => f.Subject).ShouldBe(["FLAG_QUEUE_BILLING", "QUEUE_SERVICE_TOKEN_RAPTOR", "RAPTOR_BASE_URL"]);
        invalid
            .Single(f => f.Subject == "RAPTOR_BASE_URL")
            .Problem.ShouldBe(
                "on prod points at staging's service (https://****.com: the same scheme, host and port and path); prod needs its own"
            );
        string.Join("\n", invalid).ShouldNotContain(raptor);
    }

    private static ConfigVars Vars(string app, params (string Name, string Value)[] vars) =>
        new(app, vars.ToDictionary(v => v.Name, v => new SecretValue(v.Value), StringComparer.Ordinal));
}
