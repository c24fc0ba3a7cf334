using RaxxPreflight.Health;
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

    [Fact]
    public void A_healthy_reading_has_no_problems()
    {
        var reading = new HealthReading(new Uri("http://x/health"), 200, "ok", "raxx-queue", "0.1.0", null);

        HealthFindings.Problems(reading, "raxx-queue").ShouldBeEmpty();
        HealthFindings.Problems(reading, "raxx-queue", "0.1.0").ShouldBeEmpty();
    }

    [Fact]
    public void An_unhealthy_reading_names_each_problem()
    {
        var reading = new HealthReading(new Uri("http://x/health"), 200, "degraded", "queue", "0.0.9", null);

        HealthFindings
            .Problems(reading, "raxx-queue", "0.1.0")
            .ShouldBe([
                "status is \"degraded\", not \"ok\"",
                "service is \"queue\", not \"raxx-queue\" (health.service in the config)",
                "version is \"0.0.9\", not \"0.1.0\"",
            ]);
    }

    [Fact]
    public void An_error_status_is_one_problem_whatever_the_body()
    {
        HealthFindings
            .Problems(new HealthReading(new Uri("http://x/health"), 503, null, null, null, "the body is not JSON"), "raxx-queue")
            .ShouldBe(["http://x/health answered HTTP 503, not 200"]);
        HealthFindings
            .Problems(new HealthReading(new Uri("http://x/health"), 500, "degraded", "raxx-queue", null, null), "raxx-queue")
            .ShouldBe(["http://x/health answered HTTP 500, not 200 (status \"degraded\")"]);
    }

    [Fact]
    public void No_answer_is_one_problem()
    {
        var reading = new HealthReading(new Uri("http://x/health"), null, null, null, null, "no answer within 10s");

        HealthFindings.Problems(reading, "raxx-queue").ShouldBe(["http://x/health gave no answer within 10s"]);
    }
}
