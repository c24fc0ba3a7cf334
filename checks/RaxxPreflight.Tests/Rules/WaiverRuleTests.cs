using RaxxPreflight.Configuration;
using RaxxPreflight.Reporting;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Tests.Rules;

public class WaiverRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static readonly Finding Dsn = new("SENTRY_DSN_QUEUE", "shared with staging", null);
    private static readonly Finding Flag = new("FLAG_QUEUE_BILLING", "missing", "heroku config:set FLAG_QUEUE_BILLING=<value>");

    private static Waiver On(string check, string subject, DateOnly expires) =>
        new(check, subject, "accepted", "ops@raxx.example", expires);

    [Fact]
    public void A_live_waiver_of_the_same_item_and_subject_waives_the_finding_through_its_last_day()
    {
        var outcome = WaiverRule.Apply(
            CheckIds.SentryDsnPerEnvironment,
            [Dsn],
            [On(CheckIds.SentryDsnPerEnvironment, "SENTRY_DSN_QUEUE", Today)],
            Today
        );

        outcome.AllWaived.ShouldBeTrue();
        outcome.Kept.ShouldBeEmpty();
        outcome.Waived.Single().Finding.ShouldBe(Dsn);
        outcome.Unused.ShouldBeEmpty();
    }

    [Fact]
    public void A_waiver_the_day_after_its_expiry_leaves_the_finding_to_fail_the_item()
    {
        var waiver = On(CheckIds.SentryDsnPerEnvironment, "SENTRY_DSN_QUEUE", Today.AddDays(-1));

        var outcome = WaiverRule.Apply(CheckIds.SentryDsnPerEnvironment, [Dsn], [waiver], Today);

        outcome.AllWaived.ShouldBeFalse();
        outcome.Expired.ShouldBe([(Dsn, waiver)]);
        outcome.Unused.ShouldBeEmpty();
    }

    [Fact]
    public void Only_the_named_subject_of_the_named_item_is_waived_and_a_waiver_of_nothing_is_unused()
    {
        var flag = On(CheckIds.ProdConfigVarsPresent, "FLAG_QUEUE_BILLING", Today.AddYears(1));
        var otherItem = On(CheckIds.ProdConfigVarsValid, "SENTRY_DSN_QUEUE", Today.AddYears(1));
        var nothing = On(CheckIds.ProdConfigVarsPresent, "NO_SUCH_VAR", Today.AddYears(1));
        var lowerCase = On(CheckIds.ProdConfigVarsPresent, "sentry_dsn_queue", Today.AddYears(1));

        var outcome = WaiverRule.Apply(CheckIds.ProdConfigVarsPresent, [Flag, Dsn], [flag, otherItem, nothing, lowerCase], Today);

        outcome.Waived.ShouldBe([(Flag, flag)]);
        outcome.Kept.ShouldBe([Dsn]);
        outcome.AllWaived.ShouldBeFalse();
        outcome.Unused.ShouldBe([nothing, lowerCase]);
    }

    [Fact]
    public void A_live_waiver_wins_over_an_expired_one_for_the_same_finding()
    {
        var old = On(CheckIds.SentryDsnPerEnvironment, "SENTRY_DSN_QUEUE", Today.AddDays(-30));
        var renewed = On(CheckIds.SentryDsnPerEnvironment, "SENTRY_DSN_QUEUE", Today.AddDays(30));

        var outcome = WaiverRule.Apply(CheckIds.SentryDsnPerEnvironment, [Dsn], [old, renewed], Today);

        outcome.Waived.ShouldBe([(Dsn, renewed)]);
        outcome.Expired.ShouldBeEmpty();
        outcome.Unused.ShouldBeEmpty();
    }

    [Fact]
    public void An_item_without_findings_waives_nothing_and_leaves_its_waivers_unused()
    {
        var waiver = On(CheckIds.PostgresExtensionsParity, "pg_trgm", Today.AddDays(1));

        var outcome = WaiverRule.Apply(CheckIds.PostgresExtensionsParity, [], [waiver], Today);

        outcome.AllWaived.ShouldBeFalse();
        outcome.Unused.ShouldBe([waiver]);
    }
}
