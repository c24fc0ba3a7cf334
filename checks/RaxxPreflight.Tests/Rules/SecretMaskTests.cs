using RaxxPreflight.Secrets;

namespace RaxxPreflight.Tests.Rules;

public class SecretMaskTests
{
    [Theory]
    [InlineData("sk_live_51RaxxAbCdEfGhIjKlMnOpQrStUvWx", "sk_live_****UvWx")]
    [InlineData("whsec_AbCdEfGhIjKlMnOpQrSt", "whsec_****QrSt")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "****cdef")]
    [InlineData("true", "****")]
    [InlineData("sk_test_short", "sk_test_****")]
    public void A_secret_shows_its_prefix_and_at_most_a_short_tail(string value, string masked) => SecretMask.Mask(value).ShouldBe(masked);

    [Fact]
    public void A_secret_value_never_prints_itself()
    {
        var secret = new SecretValue("sk_live_51RaxxAbCdEfGhIjKlMnOpQrStUvWx");

        secret.ToString().ShouldBe("sk_live_****UvWx");
        $"{secret}".ShouldNotContain("AbCdEf");
    }

    [Fact]
    public void The_redactor_masks_every_secret_it_has_seen()
    {
        var redactor = new Redactor();
        redactor.Remember(new SecretValue("sk_live_51RaxxAbCdEfGhIjKlMnOpQrStUvWx"));

        redactor
            .Scrub("Invalid API Key provided: sk_live_51RaxxAbCdEfGhIjKlMnOpQrStUvWx")
            .ShouldBe("Invalid API Key provided: sk_live_****UvWx");
    }
}
