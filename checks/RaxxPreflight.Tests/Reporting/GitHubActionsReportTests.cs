using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.Reporting;

public class GitHubActionsReportTests
{
    [Fact]
    public void Only_failures_and_warnings_are_annotations_a_pass_is_not_a_notice()
    {
        var outcome = ResultsOf.Outcome(
            ResultsOf.Item(CheckIds.StagingHealthy, CheckStatus.Pass),
            ResultsOf.Item(CheckIds.StripeKeysLive, CheckStatus.Fail, "keys, test-mode: 100%", "heroku config:set A=<x> --app p"),
            ResultsOf.Item(CheckIds.DeployGateConfigured, CheckStatus.Warn, "only the confirm gate")
        );

        var annotations = GitHubActionsReport.Annotations(outcome);

        annotations.Count.ShouldBe(2);
        annotations[0]
            .ShouldBe(
                "::error title=stripe-keys-live%3A the stripe-keys-live item::keys, test-mode: 100%25%0AFound:%0Afound for stripe-keys-live%0AFix:%0Aheroku config:set A=<x> --app p"
            );
        annotations[1].ShouldStartWith("::warning title=deploy-gate-configured%3A the deploy-gate-configured item::only the confirm gate");
    }

    [Fact]
    public void Beyond_what_GitHub_shows_one_annotation_names_the_rest()
    {
        var failures = Items.Ids.Take(12).Select(id => ResultsOf.Item(id, CheckStatus.Fail, "broken")).ToArray();

        var annotations = GitHubActionsReport.Annotations(ResultsOf.Outcome(failures));

        annotations.Count.ShouldBe(GitHubActionsReport.ShownPerKind);
        annotations[^1]
            .ShouldBe(
                $"::error title=preflight::3 more: {string.Join(", ", failures.Skip(9).Select(f => f.CheckId))} (see the step summary)"
            );
    }
}
