using System.Xml.Linq;
using RaxxPreflight.Reporting;

namespace RaxxPreflight.Tests.Reporting;

public class ResultReportTests
{
    [Fact]
    public void A_shouldly_failure_reads_as_the_checks_own_line_then_its_details()
    {
        const string message =
            "Shouldly.ShouldAssertException : problems\n    should be empty but had\n1\n    item and was\n[\"X\"]\n\nAdditional Info:\n    prod lacks 1 config var: X\nFound:\n  X: is set on staging but not on prod\nFix:\n  heroku config:set X=<value> --app raxx-queue-prod";

        var (reason, details) = ResultReport.Split(message);

        reason.ShouldBe("prod lacks 1 config var: X");
        details.ShouldBe([
            "Found:",
            "  X: is set on staging but not on prod",
            "Fix:",
            "  heroku config:set X=<value> --app raxx-queue-prod",
        ]);
    }

    [Fact]
    public void An_exception_reads_as_its_message_without_its_type() =>
        ResultReport
            .Split("RaxxPreflight.Http.RemoteServiceException : Heroku API answered 401")
            .Reason.ShouldBe("Heroku API answered 401");

    [Theory]
    [InlineData("found \\\"\\\"", "found \"\"")]
    [InlineData("a\\\\b\\tc", "a\\b\tc")]
    [InlineData("x\\x01y", "x\u0001y")]
    [InlineData("no escapes", "no escapes")]
    public void The_reports_backslash_escapes_are_undone(string written, string meant) => ResultReport.Unescape(written).ShouldBe(meant);

    [Fact]
    public void Each_test_becomes_a_result_with_its_traits_warnings_and_output()
    {
        var report = XDocument.Parse(
            """
            <assemblies><assembly><collection>
              <test name="Gate" result="Pass"><warnings><warning>only the workflow gate\nFound:\n  x</warning></warnings>
                <traits><trait name="Phase" value="PreDeploy" /><trait name="Check" value="deploy-gate-configured" /></traits></test>
              <test name="Dynos" result="Pass"><output>held after 2 attempts: starting (0s) -&gt; up (5s)</output>
                <traits><trait name="Phase" value="PostDeploy" /><trait name="Check" value="prod-dynos-up" /></traits></test>
              <test name="Keys" result="Fail"><failure><message>System.Exception : keys are test-mode</message></failure>
                <traits><trait name="Phase" value="PreDeploy" /><trait name="Check" value="stripe-keys-live" /></traits></test>
            </collection></assembly></assemblies>
            """
        );

        var results = ResultReport.Parse(report);

        results
            .Select(r => (r.CheckId, r.Outcome))
            .ShouldBe(
                [
                    ("prod-dynos-up", CheckOutcome.Pass),
                    ("deploy-gate-configured", CheckOutcome.Warn),
                    ("stripe-keys-live", CheckOutcome.Fail),
                ],
                ignoreOrder: true
            );
        results.Single(r => r.CheckId == "deploy-gate-configured").Reason.ShouldBe("only the workflow gate");
        results.Single(r => r.CheckId == "prod-dynos-up").Reason.ShouldBe("held after 2 attempts: starting (0s) -> up (5s)");
        results.Single(r => r.CheckId == "stripe-keys-live").Reason.ShouldBe("keys are test-mode");
    }

    [Fact]
    public void GitHub_annotations_escape_newlines_and_name_the_item()
    {
        var outcome = new ChecklistOutcome(
            1,
            [
                new CheckResult(
                    "stripe-keys-live",
                    "PreDeploy",
                    "Keys: live",
                    CheckOutcome.Fail,
                    "2 keys, 100% test",
                    ["Fix:", "  heroku config:set A=<a>"],
                    [],
                    ""
                ),
            ],
            "",
            ""
        );

        var annotation = GitHubActionsReport.Annotations(outcome).ShouldHaveSingleItem();

        annotation.ShouldBe("::error title=stripe-keys-live%3A Keys%3A live::2 keys, 100%25 test%0AFix:%0Aheroku config:set A=<a>");
        GitHubActionsReport.Summary(outcome, "pre-deploy").ShouldContain("| ❌ | `stripe-keys-live` | Keys: live | 2 keys, 100% test |");
    }
}
