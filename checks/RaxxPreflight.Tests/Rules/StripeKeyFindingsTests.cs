using RaxxPreflight.Configuration;
using RaxxPreflight.Heroku;
using RaxxPreflight.Rules;
using RaxxPreflight.Secrets;

namespace RaxxPreflight.Tests.Rules;

public class StripeKeyFindingsTests
{
    private static readonly StripeVarNames Names = new(
        "STRIPE_API_KEY",
        "STRIPE_PUBLISHABLE_KEY",
        "STRIPE_RESTRICTED_KEY",
        "STRIPE_WEBHOOK_SECRET"
    );

    [Fact]
    public void Live_keys_on_prod_and_test_keys_on_staging_hold()
    {
        var findings = StripeKeyFindings.Evaluate(Keys("staging", "test"), Keys("prod", "live"), Names);

        findings.ShouldBeEmpty();
    }

    [Fact]
    public void A_test_key_on_prod_fails_with_its_mask()
    {
        var prod = Keys("prod", "live", ("STRIPE_PUBLISHABLE_KEY", "pk_test_51RaxxAbCdEfGhIjKlMnOpQr"));

        var finding = StripeKeyFindings.Evaluate(Keys("staging", "test"), prod, Names).ShouldHaveSingleItem();

        finding.Subject.ShouldBe("STRIPE_PUBLISHABLE_KEY");
        finding.Problem.ShouldBe("on prod is a test-mode key (pk_test_****OpQr); prod needs pk_live_");
        finding.Fix.ShouldStartWith("heroku config:set STRIPE_PUBLISHABLE_KEY=<pk_live_...> --app raxx-queue-prod");
    }

    [Fact]
    public void A_live_key_on_staging_fails_too()
    {
        var staging = Keys("staging", "test", ("STRIPE_RESTRICTED_KEY", "rk_live_51RaxxAbCdEfGhIjKlMnOpQr"));

        var finding = StripeKeyFindings.Evaluate(staging, Keys("prod", "live"), Names).ShouldHaveSingleItem();

        finding.Problem.ShouldStartWith("on staging is a live restricted key (rk_live_****");
        finding.Fix.ShouldBe("heroku config:set STRIPE_RESTRICTED_KEY=<rk_test_...> --app raxx-queue-staging");
    }

    [Fact]
    public void Missing_prod_keys_and_a_webhook_secret_without_whsec_fail()
    {
        var prod = new ConfigVars(
            "raxx-queue-prod",
            new Dictionary<string, SecretValue>(StringComparer.Ordinal) { ["STRIPE_WEBHOOK_SECRET"] = new("sk_live_notawebhooksecret") }
        );

        var findings = StripeKeyFindings.Evaluate(Keys("staging", "test"), prod, Names);

        findings
            .Select(f => f.Subject)
            .ShouldBe(["STRIPE_API_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_RESTRICTED_KEY", "STRIPE_WEBHOOK_SECRET"]);
        findings[^1].Problem.ShouldStartWith("on prod is a live secret key (sk_live_****");
        findings[^1].Problem.ShouldContain("not the webhook signing secret this var holds");
    }

    private static ConfigVars Keys(string environment, string mode, params (string Name, string Value)[] overrides)
    {
        var values = new Dictionary<string, SecretValue>(StringComparer.Ordinal)
        {
            ["STRIPE_API_KEY"] = new($"sk_{mode}_51RaxxAbCdEfGhIjKlMnOpQr{environment}"),
            ["STRIPE_PUBLISHABLE_KEY"] = new($"pk_{mode}_51RaxxAbCdEfGhIjKlMnOpQr{environment}"),
            ["STRIPE_RESTRICTED_KEY"] = new($"rk_{mode}_51RaxxAbCdEfGhIjKlMnOpQr{environment}"),
            ["STRIPE_WEBHOOK_SECRET"] = new($"whsec_AbCdEfGhIjKlMnOpQr{environment}"),
        };
        foreach (var (name, value) in overrides)
        {
            values[name] = new SecretValue(value);
        }

        return new ConfigVars($"raxx-queue-{environment}", values);
    }
}
