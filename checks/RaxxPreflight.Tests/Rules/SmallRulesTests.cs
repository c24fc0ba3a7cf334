using RaxxPreflight.Rules;

namespace RaxxPreflight.Tests.Rules;

public class SmallRulesTests
{
    [Fact]
    public void A_sentry_dsn_keeps_its_host_and_project_but_not_its_key()
    {
        var dsn = SentryDsn.TryParse("https://0123456789abcdef0123456789abcdef@o4507238.ingest.us.sentry.io/4507238190");

        dsn.ShouldBe(new SentryDsn("o4507238.ingest.us.sentry.io", "4507238190"));
        dsn!.ToString().ShouldNotContain("0123456789abcdef");
        SentryDsn.TryParse("https://key:deprecatedsecret@sentry.raxx.app/7").ShouldBe(new SentryDsn("sentry.raxx.app", "7"));
        SentryDsn.TryParse("not a dsn").ShouldBeNull();
    }
}
