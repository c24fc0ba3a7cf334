using RaxxPreflight.Secrets;

namespace RaxxPreflight.Tests.Rules;

/// <summary>Secrets the run never read, masked by their shape; look-alikes left readable.</summary>
public class SecretPatternsTests
{
    [Theory]
    [InlineData(
        "db at postgres://admin:S3cr3t-pass-word@db.example:5432/billing failed",
        "db at postgres://admin:****@db.example:5432/billing failed"
    )]
    [InlineData("redis://default:p4ssw0rd-redis-0001@redis.internal:6379", "redis://default:****@redis.internal:6379")]
    [InlineData("key sk_live_51HxAbCdEfGhIjKlMnOpQrStUv rejected", "key sk_live_****StUv rejected")]
    [InlineData("org key sk_org_live_51HxAbCdEfGhIjKlMnOpQr", "org key sk_org_live_****OpQr")]
    [InlineData("rk_test_51HxAbCdEfGhIjKlMnOpQrStUv", "rk_test_****StUv")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_****LaSw")]
    [InlineData("token ghp_16C7e42F292c6912E7710c838347Ae178B4a used", "token ghp_****8B4a used")]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTU", "github_pat_****RSTU")]
    [InlineData("HRKU-a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6 refused", "HRKU-****c5d6 refused")]
    [InlineData("Authorization: Bearer abcDEF123456ghiJKL789", "Authorization: Bearer ****L789")]
    [InlineData("Authorization: Basic dXNlcjpwYXNzd29yZDEyMzQ=", "Authorization: Basic ****MzQ=")]
    [InlineData("AKIAIOSFODNN7EXAMPLE in use", "AKIA****MPLE in use")]
    [InlineData("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_SECRET_ACCESS_KEY=****EKEY")]
    [InlineData("slack xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "slack xoxb-****UvWx")]
    [InlineData(
        "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U ok",
        "jwt eyJ****sR8U ok"
    )]
    [InlineData("connect password=hunter2hunter2 host=db", "connect password=**** host=db")]
    [InlineData("HEROKU_API_KEY=0123456789abcdef0123456789abcdef", "HEROKU_API_KEY=****cdef")]
    [InlineData("HEROKU_API_KEY=HRKU-5e3f0c1d-aaaa-bbbb-cccc-0123456789ab", "HEROKU_API_KEY=HRKU-****89ab")]
    [InlineData("{\"user\":\"ops\",\"api_key\":\"abcd1234efgh5678ijkl\"}", "{\"user\":\"ops\",\"api_key\":\"****ijkl\"}")]
    [InlineData(
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY----- **** -----END RSA PRIVATE KEY-----"
    )]
    [InlineData("loaded -----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "loaded -----BEGIN PRIVATE KEY----- ****")]
    public void Each_kind_of_secret_is_masked_keeping_its_kind_and_last_four(string text, string masked) =>
        SecretPatterns.Mask(text).ShouldBe(masked);

    [Theory]
    [InlineData("deployed 0c4b7128e1f5d7a2b3c4d5e6f7a8b9c0d1e2f3a4")]
    [InlineData("request_id=5b1e0c2a-1f3b-4e43-9a55-5c8f0e4f2d11")]
    [InlineData("errors=0 warnings=2")]
    [InlineData("token_count=3 tokens_used=1200")]
    [InlineData("Deployed web (142013fe2b5c)")]
    [InlineData("v6 succeeded, release v46")]
    [InlineData("heroku config:set STRIPE_API_KEY=<sk_live_...> --app raxx-queue-prod")]
    [InlineData("heroku config:set QUEUE_SERVICE_TOKEN_RAPTOR=<64-hex token> --app raxx-queue-prod")]
    [InlineData("the key in HEROKU_API_KEY was rejected: set a valid one (heroku auth:token)")]
    [InlineData("https://raxx-queue-prod-327fa047b4b6.herokuapp.com/health answered HTTP 503")]
    [InlineData("sk_test_****buVU")]
    [InlineData("Authorization: Bearer ****6e17 (401)")]
    public void Look_alikes_and_the_checklists_own_words_stay_readable(string text) => SecretPatterns.Mask(text).ShouldBe(text);
}
