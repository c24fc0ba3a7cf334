using RaxxPreflight.Configuration;
using RaxxPreflight.Heroku;
using RaxxPreflight.Rules;
using RaxxPreflight.Rules.Values;
using RaxxPreflight.Secrets;

namespace RaxxPreflight.Tests.Rules;

/// <summary>
/// Config values judged by what they mean, over real-shaped values written from Stripe's, Sentry's, Heroku's and
/// libpq's documented formats: whitespace named, kinds and modes read from the whole prefix table, "must differ"
/// by what a value points at. No value ever appears unmasked in a finding.
/// </summary>
public class ValueMeaningTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData(VarKind.Hex64Token, Hex, null)]
    [InlineData(VarKind.Hex64Token, "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", null)]
    [InlineData(VarKind.Hex64Token, Hex + "\n", "ends with a newline: set it without one")]
    [InlineData(VarKind.Hex64Token, Hex + "\r\n", "ends with a newline: set it without one")]
    [InlineData(VarKind.Hex64Token, Hex + "\r", "ends with a carriage return: set it without one")]
    [InlineData(VarKind.Hex64Token, Hex + " ", "ends with a space: set it without one")]
    [InlineData(VarKind.Hex64Token, " " + Hex, "starts with whitespace: set it without")]
    [InlineData(
        VarKind.Hex64Token,
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
        "is not a 64-character hex token (found 63 characters"
    )]
    [InlineData(VarKind.HttpsUrl, "https://raxx-api-prod-1a2b3c4d5e6f.herokuapp.com", null)]
    [InlineData(VarKind.HttpsUrl, "https://raxx-api-prod-1a2b3c4d5e6f.herokuapp.com/\n", "ends with a newline: set it without one")]
    [InlineData(VarKind.HttpsUrl, "http://raxx-api-prod-1a2b3c4d5e6f.herokuapp.com", "is not an absolute https URL")]
    [InlineData(VarKind.HttpsUrl, "raxx-api-prod.herokuapp.com", "is not an absolute https URL")]
    [InlineData(VarKind.Flag, "true", null)]
    [InlineData(VarKind.Flag, "false", null)]
    [InlineData(VarKind.Flag, "TRUE", "is not true or false")]
    [InlineData(VarKind.Flag, "true\n", "ends with a newline: set it without one")]
    [InlineData(VarKind.PostgresUrl, "postgres://u4kq:p9f2x7@ec2-3-91-7-12.compute-1.amazonaws.com:5432/d8k3j2", null)]
    [InlineData(VarKind.PostgresUrl, "postgresql://u4kq:p9f2x7@ec2-3-91-7-12.compute-1.amazonaws.com:5432/d8k3j2", null)]
    [InlineData(VarKind.PostgresUrl, "postgres://u4kq:p9f2x7@[2600:1f18::12]:5432/d8k3j2", null)]
    [InlineData(VarKind.PostgresUrl, "postgres://u4kq:p9f2x7@db.raxx.internal/d8k3j2", null)]
    [InlineData(VarKind.PostgresUrl, "postgres://u4kq%40ops:p%2F9f2x7@db.raxx.internal:6432/d8k3j2", null)]
    [InlineData(VarKind.PostgresUrl, "postgres://u4kq:p9f2x7@db.raxx.internal:5432/d8k3j2?sslmode=require&application_name=queue", null)]
    [InlineData(
        VarKind.PostgresUrl,
        "postgres://u4kq:p9f2x7@%2Fvar%2Frun%2Fpostgresql/d8k3j2",
        "names a Unix socket (/var/run/postgresql), which a live check cannot reach"
    )]
    [InlineData(
        VarKind.PostgresUrl,
        "postgres:///d8k3j2?host=/var/run/postgresql",
        "names a Unix socket (/var/run/postgresql), which a live check cannot reach"
    )]
    [InlineData(VarKind.PostgresUrl, "postgres://u4kq:p9f2x7@db.raxx.internal:5432", "names no database")]
    [InlineData(VarKind.PostgresUrl, "postgres://db.raxx.internal/d8k3j2", "names no user")]
    [InlineData(VarKind.PostgresUrl, "postgres://u4kq:p9f2x7@db.raxx.internal:5432/d8k3j2\n", "ends with a newline: set it without one")]
    [InlineData(VarKind.PostgresUrl, "mysql://u4kq:p9f2x7@db.raxx.internal/d8k3j2", "is not a postgres:// or postgresql:// URL")]
    [InlineData(VarKind.SentryDsn, "https://0a1b2c3d4e5f60718293a4b5c6d7e8f9@o4507238.ingest.us.sentry.io/4507238190", null)]
    [InlineData(VarKind.SentryDsn, "https://0a1b2c3d4e5f60718293a4b5c6d7e8f9:9f8e7d6c@sentry.io/12345", null)]
    [InlineData(VarKind.SentryDsn, "https://0a1b2c3d4e5f60718293a4b5c6d7e8f9@sentry.raxx.internal/7", null)]
    [InlineData(VarKind.SentryDsn, "https://0a1b2c3d4e5f60718293a4b5c6d7e8f9@sentry.raxx.internal/relay/7", null)]
    [InlineData(
        VarKind.SentryDsn,
        "https://0a1b2c3d4e5f60718293a4b5c6d7e8f9@o4507238.ingest.sentry.io/4507238190\n",
        "ends with a newline: set it without one"
    )]
    [InlineData(VarKind.SentryDsn, "https://o4507238.ingest.sentry.io/4507238190", "is not a Sentry DSN")]
    [InlineData(
        VarKind.SentryDsn,
        "http://0a1b2c3d4e5f60718293a4b5c6d7e8f9@o4507238.ingest.sentry.io/4507238190",
        "is a Sentry DSN over plain http (project 4507238190 on o4507238.ingest.sentry.io): events, and the data they carry, would travel unencrypted; use its https:// form"
    )]
    [InlineData(
        VarKind.PostgresUrl,
        "postgres://u3kq9a2b@ec2-54-0-0-1.compute-1.amazonaws.com:5432/d8f0a1b2c3",
        "names no password (Heroku Postgres refuses a login without one: copy the URL again with heroku pg:credentials:url)"
    )]
    [InlineData(VarKind.PostgresUrl, "postgres://u3kq9a2b:@ec2-54-0-0-1.compute-1.amazonaws.com:5432/d8f0a1b2c3", "names no password")]
    [InlineData(VarKind.StripeSecretKey, "sk_live_51HxRaxxAbCdEfGhIjKlMnOpQrSt", null)]
    [InlineData(VarKind.StripeSecretKey, "sk_test_51HxRaxxAbCdEfGhIjKlMnOpQrSt", null)]
    [InlineData(VarKind.StripeSecretKey, "sk_org_live_51HxRaxxAbCdEfGhIjKlMnOpQr", null)]
    [InlineData(
        VarKind.StripeSecretKey,
        "rk_live_51HxRaxxAbCdEfGhIjKlMnOpQrSt",
        "is a live restricted key (rk_live_****QrSt), not the secret key (sk_live_/sk_test_) this var holds"
    )]
    [InlineData(
        VarKind.StripeSecretKey,
        "pk_test_51HxRaxxAbCdEfGhIjKlMnOpQrSt",
        "is a test publishable key (pk_test_****QrSt), not the secret key"
    )]
    [InlineData(
        VarKind.StripeSecretKey,
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "is a webhook signing secret (whsec_****LaSw), not the secret key"
    )]
    [InlineData(VarKind.StripeSecretKey, "sk_live_short", "has the prefix of a Stripe secret key but not its shape")]
    [InlineData(VarKind.StripeSecretKey, "sk_live_51HxRaxxAbCdEfGhIjKlMnOpQrSt\n", "ends with a newline: set it without one")]
    [InlineData(VarKind.StripeSecretKey, "xk_live_51HxRaxxAbCdEfGhIjKlMnOpQrSt", "is not a Stripe secret key sk_live_/sk_test_")]
    [InlineData(VarKind.StripePublishableKey, "pk_live_51HxRaxxAbCdEfGhIjKlMnOpQrSt", null)]
    [InlineData(VarKind.StripeRestrictedKey, "rk_test_51HxRaxxAbCdEfGhIjKlMnOpQrSt", null)]
    [InlineData(VarKind.StripeWebhookSecret, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2La+/=", null)]
    [InlineData(VarKind.StripeWebhookSecret, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n", "ends with a newline: set it without one")]
    public void A_value_is_judged_to_its_true_end_and_named_without_itself(VarKind kind, string value, string? problem)
    {
        var found = VarShapes.Problem(kind, new SecretValue(value));

        if (problem is null)
        {
            found.ShouldBeNull();
            return;
        }

        found.ShouldNotBeNull().ShouldStartWith(problem);
        found.ShouldNotContain(value.Trim(), Case.Sensitive);
    }

    [Theory]
    [InlineData(
        VarKind.PostgresUrl,
        "postgres://u:pa55word1@db-stg.raxx.internal:5432/raxx",
        "postgres://u:pa55word1@db-stg.raxx.internal:5432/raxx",
        "points at staging's database (host db-stg.raxx.internal, port 5432, database raxx)"
    )]
    [InlineData(
        VarKind.PostgresUrl,
        "postgres://u:pa55word1@db-stg.raxx.internal:5432/raxx",
        "postgresql://u:pa55word1@db-stg.raxx.internal:5432/raxx",
        "points at staging's database"
    )]
    [InlineData(
        VarKind.PostgresUrl,
        "postgres://u:pa55word1@db-stg.raxx.internal:5432/raxx",
        "postgres://u:pa55word1@db-stg.raxx.internal:5432/raxx?sslmode=require",
        "points at staging's database"
    )]
    [InlineData(
        VarKind.PostgresUrl,
        "postgres://u:pa55word1@db-stg.raxx.internal:5432/raxx",
        "postgres://prod:0ther-pass@db-stg.raxx.internal/raxx",
        "points at staging's database"
    )]
    [InlineData(
        VarKind.PostgresUrl,
        "postgres://u:pa55word1@[2600:1f18::12]:5432/raxx",
        "postgres://v:other-pass@[2600:1f18::12]/raxx",
        "points at staging's database (host [2600:1f18::12]"
    )]
    [InlineData(
        VarKind.PostgresUrl,
        "postgres://u:pa55word1@db-stg.raxx.internal:5432/raxx",
        "postgres://u:pa55word1@db-prod.raxx.internal:5432/raxx",
        null
    )]
    [InlineData(
        VarKind.PostgresUrl,
        "postgres://u:pa55word1@db.raxx.internal:5432/raxx_staging",
        "postgres://u:pa55word1@db.raxx.internal:5432/raxx_prod",
        null
    )]
    [InlineData(
        VarKind.HttpsUrl,
        "https://raptor-stg.herokuapp.com",
        "https://raptor-stg.herokuapp.com/",
        "points at staging's service (https://****com/: the same scheme, host and port and path)"
    )]
    [InlineData(
        VarKind.HttpsUrl,
        "https://raptor-stg.herokuapp.com",
        "https://raptor-stg.herokuapp.com/v1",
        "points at staging's service (https://****m/v1: the same scheme, host and port, a path within staging's)"
    )]
    [InlineData(
        VarKind.HttpsUrl,
        "https://raptor-stg.herokuapp.com",
        "https://RAPTOR-STG.herokuapp.com:443",
        "points at staging's service"
    )]
    [InlineData(VarKind.HttpsUrl, "https://raptor-stg.herokuapp.com", "https://raptor-prod.herokuapp.com", null)]
    [InlineData(VarKind.HttpsUrl, "https://raptor.raxx.app/staging", "https://raptor.raxx.app/prod", null)]
    [InlineData(VarKind.HttpsUrl, "https://raptor.raxx.app", "https://raptor.raxx.app:8443", null)]
    [InlineData(
        VarKind.SentryDsn,
        "https://0a1b2c3d@o4507238.ingest.sentry.io/4507238190",
        "https://9f8e7d6c@o4507238.ingest.us.sentry.io/4507238190",
        "reports to staging's Sentry project"
    )]
    [InlineData(
        VarKind.SentryDsn,
        "https://0a1b2c3d@sentry.io/4507238190",
        "https://9f8e7d6c@o4507238.ingest.de.sentry.io/4507238190",
        "reports to staging's Sentry project"
    )]
    [InlineData(
        VarKind.SentryDsn,
        "https://0a1b2c3d@o4507238.ingest.sentry.io/4507238190",
        "https://0a1b2c3d@o4507238.ingest.sentry.io/4507238191",
        null
    )]
    [InlineData(VarKind.SentryDsn, "https://0a1b2c3d@sentry.raxx.internal/7", "https://0a1b2c3d@o1.ingest.sentry.io/7", null)]
    [InlineData(VarKind.Hex64Token, Hex, Hex, "equals staging's value (****cdef)")]
    [InlineData(VarKind.Hex64Token, Hex, "f123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", null)]
    public void Must_differ_compares_what_the_values_point_at_never_printing_a_credential(
        VarKind kind,
        string staging,
        string prod,
        string? shared
    )
    {
        var found = ConfigVarFindings.Shared(kind, new SecretValue(staging), new SecretValue(prod));

        if (shared is null)
        {
            found.ShouldBeNull();
            return;
        }

        found.ShouldNotBeNull().ShouldStartWith(shared);
        found.ShouldNotContain("pa55word1");
        found.ShouldNotContain("other-pass");
        found.ShouldNotContain("0a1b2c3d");
    }

    [Theory]
    [InlineData("sk_live_51HxRaxxAbCdEfGh", "a live secret key")]
    [InlineData("sk_test_51HxRaxxAbCdEfGh", "a test secret key")]
    [InlineData("sk_org_live_51HxRaxxAbCdEf", "an organization live secret key")]
    [InlineData("sk_org_test_51HxRaxxAbCdEf", "an organization test secret key")]
    [InlineData("pk_live_51HxRaxxAbCdEfGh", "a live publishable key")]
    [InlineData("rk_test_51HxRaxxAbCdEfGh", "a test restricted key")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjU", "a webhook signing secret")]
    public void Stripe_keys_are_classified_by_their_whole_prefix(string key, string words) =>
        StripeKey.Classify(key).ShouldNotBeNull().Words.ShouldBe(words);

    [Theory]
    [InlineData("sk_something_51HxRaxx")]
    [InlineData("mk_live_51HxRaxxAbCd")]
    [InlineData("")]
    public void Text_without_a_stripe_prefix_is_no_stripe_key(string text) => StripeKey.Classify(text).ShouldBeNull();

    [Theory]
    [InlineData("STRIPE_API_KEY", "sk_org_live_51HxRaxxAbCdEfGhIjKl", "on staging is an organization live secret key (sk_org_live_****")]
    [InlineData("STRIPE_API_KEY", "rk_live_51HxRaxxAbCdEfGhIjKlMn", "on staging is a live restricted key (rk_live_****")]
    [InlineData("BILLING_FALLBACK_KEY", "sk_live_51HxRaxxAbCdEfGhIjKlMn", "on staging is a live secret key (sk_live_****")]
    public void Any_live_key_on_staging_fails_whatever_its_kind_and_var(string name, string value, string problem)
    {
        var staging = Vars("raxx-queue-staging", (name, value));

        var findings = StripeKeyFindings.Evaluate(staging, LiveProd, Names);

        var finding = findings.ShouldHaveSingleItem();
        finding.Subject.ShouldBe(name);
        finding.Problem.ShouldStartWith(problem);
        finding.Problem.ShouldNotContain(value);
    }

    [Fact]
    public void An_organization_key_where_the_service_needs_an_account_key_says_so_in_the_fix()
    {
        var prod = Vars(
            "raxx-queue-prod",
            ("STRIPE_API_KEY", "sk_org_live_51HxRaxxAbCdEfGhIjKlMn"),
            ("STRIPE_PUBLISHABLE_KEY", "pk_live_51HxRaxxAbCdEfGhIjKlMn"),
            ("STRIPE_RESTRICTED_KEY", "rk_live_51HxRaxxAbCdEfGhIjKlMn"),
            ("STRIPE_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZI")
        );

        var finding = StripeKeyFindings.Evaluate(Vars("raxx-queue-staging"), prod, Names).ShouldHaveSingleItem();

        finding.Subject.ShouldBe("STRIPE_API_KEY");
        finding.Problem.ShouldContain("is an organization key (sk_org_live_****");
        finding.Problem.ShouldContain("Stripe-Context");
        finding.Fix.ShouldNotBeNull().ShouldContain("an account key");
        finding.Problem.ShouldNotContain("sk_org_live_51HxRaxxAbCdEfGhIjKlMn");
    }

    [Fact]
    public void A_prod_key_of_the_wrong_kind_names_the_kind_found_and_the_kind_expected()
    {
        var prod = Vars(
            "raxx-queue-prod",
            ("STRIPE_API_KEY", "rk_live_51HxRaxxAbCdEfGhIjKlMn"),
            ("STRIPE_PUBLISHABLE_KEY", "pk_live_51HxRaxxAbCdEfGhIjKlMn"),
            ("STRIPE_RESTRICTED_KEY", "rk_live_51HxRaxxAbCdEfGhIjKlMn"),
            ("STRIPE_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZI")
        );

        var finding = StripeKeyFindings.Evaluate(Vars("raxx-queue-staging"), prod, Names).ShouldHaveSingleItem();

        finding.Problem.ShouldBe(
            "on prod is a live restricted key (rk_live_****KlMn), not the secret key this var holds; prod needs a sk_live_ key"
        );
    }

    private static readonly StripeVarNames Names = new(
        "STRIPE_API_KEY",
        "STRIPE_PUBLISHABLE_KEY",
        "STRIPE_RESTRICTED_KEY",
        "STRIPE_WEBHOOK_SECRET"
    );

    private static readonly ConfigVars LiveProd = Vars(
        "raxx-queue-prod",
        ("STRIPE_API_KEY", "sk_live_51HxRaxxAbCdEfGhIjKlMn"),
        ("STRIPE_PUBLISHABLE_KEY", "pk_live_51HxRaxxAbCdEfGhIjKlMn"),
        ("STRIPE_RESTRICTED_KEY", "rk_live_51HxRaxxAbCdEfGhIjKlMn"),
        ("STRIPE_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZI")
    );

    private static ConfigVars Vars(string app, params (string Name, string Value)[] vars) =>
        new(app, vars.ToDictionary(v => v.Name, v => new SecretValue(v.Value), StringComparer.Ordinal));
}
