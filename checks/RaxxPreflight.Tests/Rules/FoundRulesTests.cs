using RaxxPreflight.Configuration;
using RaxxPreflight.Heroku;
using RaxxPreflight.Rules;
using RaxxPreflight.Secrets;

namespace RaxxPreflight.Tests.Rules;

/// <summary>What staging's vars say of a service the config describes in a few lines.</summary>
public class FoundRulesTests
{
    private static ConfigVars Staging(params (string Name, string Value)[] vars) =>
        new("raxx-api-staging", vars.ToDictionary(v => v.Name, v => new SecretValue(v.Value), StringComparer.Ordinal));

    [Theory]
    [InlineData("STRIPE_API_KEY", "sk_test_51Raxx0000000000000000000000000000", VarKind.StripeSecretKey)]
    [InlineData("STRIPE_KEY_PUBLIC", "pk_live_51Raxx0000000000000000000000000000", VarKind.StripePublishableKey)]
    [InlineData("WEBHOOK", "whsec_abcdefabcdefabcdefabcdefabcdefab", VarKind.StripeWebhookSecret)]
    [InlineData("DATABASE_URL", "postgres://u:p@host:5432/db", VarKind.PostgresUrl)]
    [InlineData("SENTRY_DSN", "https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/42", VarKind.SentryDsn)]
    [InlineData("CALLBACK", "https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/42", VarKind.HttpsUrl)]
    [InlineData("SECRET_KEY", "0c4b71283f9e2d6a8b1c5e7f9a0d2c4e6b8a1f3d0c4b71283f9e2d6a8b1c5e7f", VarKind.Hex64Token)]
    [InlineData("RAPTOR_BASE_URL", "https://raxx-api-staging.herokuapp.com", VarKind.HttpsUrl)]
    [InlineData("FLAG_BILLING", "true", VarKind.Flag)]
    [InlineData("WEBAUTHN_RP_ID", "staging.raxx.app", VarKind.Text)]
    [InlineData("FEED", "http://example.com", VarKind.Text)]
    public void A_vars_kind_is_what_its_value_says(string name, string value, VarKind kind) =>
        FoundRules.KindOf(name, new SecretValue(value)).ShouldBe(kind);

    [Fact]
    public void Secrets_database_urls_and_urls_of_stagings_own_hosts_must_differ_the_rest_may_be_equal()
    {
        var staging = Staging(
            ("DATABASE_URL", "postgres://u:p@host:5432/db"),
            ("SECRET_KEY", new string('a', 64)),
            ("SESSION_PASSWORD", "hunter2-hunter2"),
            ("QUEUE_BASE_URL", "https://raxx-queue-staging-8d1e5b2c9a47.herokuapp.com"),
            ("STRIPE_DOCS_URL", "https://stripe.com/docs"),
            ("LOG_LEVEL", "INFO"),
            ("SENTRY_DSN", "https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/42"),
            // An add-on's URLs carry their password: prod on staging's would use staging's service.
            ("REDIS_URL", "rediss://:p4e1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d@ec2-3-91-12-7.compute-1.amazonaws.com:6380"),
            ("CLOUDAMQP_URL", "amqps://raxxuser:Zk3mP9qL2vX8@shrimp.rmq.cloudamqp.com/raxxvhost"),
            ("ELASTIC_URL", "https://search-user@es.example.com"),
            ("WAITLIST_OPT_IN_SIGNING_KEY", "k3y-0f-the-w41tl1st"),
            ("POSTMARK_TEMPLATE_WAITLIST_CONFIRMATION", "38277419"),
            // Staging's own host, bare or in a URL of any scheme: prod's passkeys, links and origins would be staging's.
            ("WEBAUTHN_RP_ID", "raxx-api-staging-1a19fb3873b9.herokuapp.com"),
            ("CONSOLE_ORIGIN", "http://console.staging.raxx.app"),
            ("SMTP_HOST", "smtp.postmarkapp.com"),
            ("APP_VERSION", "1.4.2")
        );

        var rules = FoundRules.VarRules(
            staging,
            new ConfigVarRules([], [], [], new Dictionary<string, VarKind>()),
            Discover.RequiredVars | Discover.Kinds | Discover.Differ
        );

        rules.Required.ShouldBe(staging.SetNames);
        rules.MustDiffer.ShouldBe(
            [
                "CLOUDAMQP_URL",
                "CONSOLE_ORIGIN",
                "DATABASE_URL",
                "QUEUE_BASE_URL",
                "REDIS_URL",
                "SECRET_KEY",
                "SESSION_PASSWORD",
                "WAITLIST_OPT_IN_SIGNING_KEY",
                "WEBAUTHN_RP_ID",
            ],
            ignoreOrder: true
        );
        rules.MayBeEqual.ShouldBe(
            [
                "APP_VERSION",
                "ELASTIC_URL",
                "LOG_LEVEL",
                "POSTMARK_TEMPLATE_WAITLIST_CONFIRMATION",
                "SENTRY_DSN",
                "SMTP_HOST",
                "STRIPE_DOCS_URL",
            ],
            ignoreOrder: true
        );
        rules.Kinds["SENTRY_DSN"].ShouldBe(VarKind.SentryDsn);
    }

    [Fact]
    public void The_configs_own_kinds_and_lists_stand_over_what_was_found()
    {
        var staging = Staging(("SECRET_KEY", new string('a', 64)), ("LOG_LEVEL", "INFO"));
        var given = new ConfigVarRules(
            ["LOG_LEVEL"],
            ["SECRET_KEY"],
            [],
            new Dictionary<string, VarKind> { ["SECRET_KEY"] = VarKind.Text }
        );

        var rules = FoundRules.VarRules(staging, given, Discover.Kinds);

        rules.Required.ShouldBe(["LOG_LEVEL"]);
        rules.MayBeEqual.ShouldBe(["SECRET_KEY"]);
        rules.Kinds["SECRET_KEY"].ShouldBe(VarKind.Text);
        rules.Kinds["LOG_LEVEL"].ShouldBe(VarKind.Text);
    }

    [Fact]
    public void Stripe_vars_come_from_the_values_and_kinds_staging_does_not_use_are_not_required()
    {
        var staging = Staging(
            ("BILLING_SK", "sk_test_51Raxx0000000000000000000000000000"),
            ("BILLING_PK", "pk_test_51Raxx0000000000000000000000000000")
        );

        var stripe = FoundRules.Stripe(staging)!;

        (stripe.SecretKey, stripe.PublishableKey).ShouldBe(("BILLING_SK", "BILLING_PK"));
        stripe.All.ShouldBe(["BILLING_SK", "BILLING_PK"]);
        FoundRules.Stripe(Staging(("LOG_LEVEL", "INFO"))).ShouldBeNull();
        FoundRules.SentryDsnVar(Staging(("SENTRY_DSN_CONSOLE", "x"), ("LOG_LEVEL", "INFO"))).ShouldBe("SENTRY_DSN_CONSOLE");
        FoundRules.SentryDsnVar(Staging(("LOG_LEVEL", "INFO"))).ShouldBeNull();
    }
}
