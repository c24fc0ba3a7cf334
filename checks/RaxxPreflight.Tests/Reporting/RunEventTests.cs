using RaxxPreflight.Reporting;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Tests.Reporting;

public class RunEventTests
{
    private static readonly CheckResult Failed = new(
        CheckIds.StripeKeysLive,
        Phases.PreDeploy,
        "Keys are live",
        CheckStatus.Fail,
        "1 Stripe key is in the wrong mode: STRIPE_API_KEY",
        [new Finding("STRIPE_API_KEY", "is a test-mode key on prod", "heroku config:set STRIPE_API_KEY=<sk_live_...> --app p")],
        ["STRIPE_API_KEY: is a test-mode key on prod"],
        ["heroku config:set STRIPE_API_KEY=<sk_live_...> --app p"],
        [new Evidence(EvidenceTopic.State, Stages.Prod, "STRIPE_API_KEY", "sk_test_****abcd")],
        [],
        0.25
    );

    [Fact]
    public void A_finished_event_goes_through_one_line_and_back_unchanged()
    {
        var line = new RunEvent(RunEvent.Finished, Failed.CheckId, Failed).ToLine();

        line.ShouldStartWith(RunEvent.LinePrefix);
        line.ShouldNotContain('\n');
        var back = RunEvent.Parse(line).ShouldNotBeNull();
        back.Result.ShouldNotBeNull();
        back.Result.Status.ShouldBe(CheckStatus.Fail);
        back.Result.Findings.ShouldBe(Failed.Findings);
        back.Result.Evidence.ShouldBe(Failed.Evidence);
        back.Result.Fixes.ShouldBe(Failed.Fixes);
        line.ShouldContain("\"status\":\"fail\"");
    }

    [Theory]
    [InlineData("[xUnit.net 00:00:01.23] some test output")]
    [InlineData("##raxx-preflight {not json")]
    [InlineData("")]
    public void A_line_that_is_not_a_whole_event_is_not_taken_for_one(string line) => RunEvent.Parse(line).ShouldBeNull();

    [Fact]
    public void A_waiting_event_carries_what_it_waits_for_and_how_long()
    {
        var back = RunEvent.Parse(
            new RunEvent(RunEvent.Waiting, CheckIds.ProdDynosUp, Problem: "web.1 is starting", Elapsed: 24, Timeout: 120).ToLine()
        )!;

        (back.Kind, back.CheckId, back.Problem, back.Elapsed, back.Timeout).ShouldBe(
            (RunEvent.Waiting, CheckIds.ProdDynosUp, "web.1 is starting", 24d, 120d)
        );
    }
}
