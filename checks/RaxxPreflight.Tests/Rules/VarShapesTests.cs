using RaxxPreflight.Configuration;
using RaxxPreflight.Rules;
using RaxxPreflight.Secrets;

namespace RaxxPreflight.Tests.Rules;

public class VarShapesTests
{
    [Theory]
    [InlineData(VarKind.Hex64Token, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789ABCDEF")]
    [InlineData(VarKind.HttpsUrl, "https://raxx-api-prod-5e81c0d2a9f4.herokuapp.com")]
    [InlineData(VarKind.Flag, "true")]
    [InlineData(VarKind.Flag, "false")]
    [InlineData(VarKind.PostgresUrl, "postgres://u1:p2@ec2-3-91-12-34.compute-1.amazonaws.com:5432/d8abc")]
    [InlineData(VarKind.PostgresUrl, "postgresql://u1:p2@host/db?sslmode=require")]
    [InlineData(VarKind.SentryDsn, "https://0123456789abcdef0123456789abcdef@o4507238.ingest.us.sentry.io/4507238190")]
    [InlineData(VarKind.StripeSecretKey, "sk_live_51RaxxAbCdEfGh")]
    [InlineData(VarKind.StripePublishableKey, "pk_test_51RaxxAbCdEfGh")]
    [InlineData(VarKind.StripeRestrictedKey, "rk_live_51RaxxAbCdEfGh")]
    [InlineData(VarKind.StripeWebhookSecret, "whsec_AbCdEfGhIjKl")]
    [InlineData(VarKind.Text, "anything")]
    public void A_value_of_the_right_shape_passes(VarKind kind, string value) =>
        VarShapes.Problem(kind, new SecretValue(value)).ShouldBeNull();

    [Theory]
    [InlineData(VarKind.Hex64Token, "0123456789abcdef", "is not a 64-character hex token (found 16 characters")]
    [InlineData(
        VarKind.Hex64Token,
        "g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "is not a 64-character hex token (found 64 characters"
    )]
    [InlineData(VarKind.HttpsUrl, "http://raxx-api-prod.herokuapp.com", "is not an absolute https URL")]
    [InlineData(VarKind.HttpsUrl, "https://raxx-api-prod-XXXXX.herokuapp.com extra", "is not an absolute https URL")]
    [InlineData(VarKind.Flag, "yes", "is not true or false")]
    [InlineData(VarKind.PostgresUrl, "mysql://u:p@h/db", "is not a postgres:// or postgresql:// URL")]
    [InlineData(VarKind.SentryDsn, "https://o4507238.ingest.sentry.io/42", "is not a Sentry DSN")]
    [InlineData(VarKind.StripeSecretKey, "pk_live_51RaxxAbCdEfGh", "is a live publishable key (pk_live_****), not the secret key")]
    [InlineData(
        VarKind.StripeWebhookSecret,
        "sk_live_51RaxxAbCdEfGh",
        "is a live secret key (sk_live_****), not the webhook signing secret"
    )]
    [InlineData(VarKind.Text, " ", "is empty")]
    public void A_value_of_the_wrong_shape_is_described_without_its_value(VarKind kind, string value, string expected)
    {
        var problem = VarShapes.Problem(kind, new SecretValue(value));

        problem.ShouldNotBeNull();
        problem.ShouldStartWith(expected);
        if (value.Length >= 16)
        {
            problem.ShouldNotContain(value);
        }
    }
}
