using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.Reporting;

public class ChecklistRunTests
{
    private static readonly ChecklistListener Nobody = new(_ => { }, _ => { }, _ => { }, _ => { });

    private const string Report = """
        <assemblies><assembly><collection>
          <test name="Keys are live" result="Fail">
            <traits><trait name="Phase" value="PreDeploy" /><trait name="Check" value="stripe-keys-live" /></traits></test>
          <test name="Staging is healthy" result="Pass">
            <traits><trait name="Phase" value="PreDeploy" /><trait name="Check" value="staging-healthy" /></traits></test>
        </collection></assembly></assemblies>
        """;

    [Fact]
    public void An_item_xunit_ran_that_left_no_result_of_its_own_is_not_checked_never_passed()
    {
        var healthy = ResultsOf.Item(CheckIds.StagingHealthy, CheckStatus.Pass);

        var all = ChecklistRun.Merge(new Dictionary<string, CheckResult> { [healthy.CheckId] = healthy }, ChecklistRun.TestsIn(Report));

        all.Select(r => r.CheckId).ShouldBe([CheckIds.StagingHealthy, CheckIds.StripeKeysLive]);
        var keys = all[1];
        keys.Status.ShouldBe(CheckStatus.NotChecked);
        keys.Failed.ShouldBeTrue();
        keys.Reason.ShouldBe("the item ended without a result of its own (xunit: Fail): nothing was checked");
    }

    [Fact]
    public void With_a_config_that_names_no_service_the_selected_services_items_still_say_why_once()
    {
        // The config could not be read when xunit found the items: the cases carry no Service trait, run anyway (to
        // report the config's line), and stand for the services the operator selected; nothing is counted twice.
        var selection = new Selection([Phases.PreDeploy], [CheckIds.StagingHealthy]) { Services = ["raxx-api"] };
        var noService = new Dictionary<string, IReadOnlyCollection<string>>
        {
            [Phases.CheckTrait] = [CheckIds.StagingHealthy],
            [Phases.Trait] = [Phases.PreDeploy],
        };
        selection.Selects(noService).ShouldBeTrue();
        selection
            .Selects(new Dictionary<string, IReadOnlyCollection<string>>(noService) { [Phases.ServiceTrait] = ["raxx-velvet"] })
            .ShouldBeFalse();

        var notChecked = ResultsOf.Item(CheckIds.StagingHealthy, CheckStatus.NotChecked, "config x.json: not valid JSON");
        var all = ChecklistRun.Merge(new Dictionary<string, CheckResult> { [notChecked.Key] = notChecked }, [], selection.Expected([]));

        all.Count.ShouldBe(1);
        all[0].Reason.ShouldBe("config x.json: not valid JSON");
    }

    [Fact]
    public void A_selected_item_a_broken_run_never_reached_is_not_checked_never_left_out()
    {
        var healthy = ResultsOf.Item(CheckIds.StagingHealthy, CheckStatus.Pass);

        var all = ChecklistRun.Merge(
            new Dictionary<string, CheckResult> { [healthy.CheckId] = healthy },
            [],
            [(null, CheckIds.StagingHealthy), (null, CheckIds.StripeKeysLive)],
            exitCode: 134
        );

        all.Select(r => (r.CheckId, r.Status))
            .ShouldBe([(CheckIds.StagingHealthy, CheckStatus.Pass), (CheckIds.StripeKeysLive, CheckStatus.NotChecked)]);
        all[1].Phase.ShouldBe(Phases.PreDeploy);
        all[1].Reason.ShouldBe("the run ended before this item left a result (xunit's exit code: 134): nothing was checked");
    }

    [Fact]
    public async Task A_run_whose_host_breaks_fails_every_item_it_did_not_reach_and_goes_on_to_a_verdict()
    {
        ChecklistHost breaksAfterOne = (_, listener, _) =>
        {
            listener.Event(
                new RunEvent(RunEvent.Finished, CheckIds.StagingHealthy, ResultsOf.Item(CheckIds.StagingHealthy, CheckStatus.Pass))
            );
            throw new InvalidOperationException("xunit's runner broke on postgres://raxx:hunter2-secret@db:5432/queue");
        };
        var told = new List<string>();

        var outcome = await ChecklistRun.RunAsync(
            breaksAfterOne,
            new ChecklistRequest(Selection.Of(Phases.PreDeploy)),
            e => told.Add(e.CheckId),
            null,
            TimeProvider.System,
            TestContext.Current.CancellationToken
        );

        var preDeploy = Items.Of(Phases.PreDeploy).ToList();
        outcome.Results.Select(r => r.CheckId).ShouldBe(preDeploy, ignoreOrder: true);
        outcome.Results.Single(r => r.Status != CheckStatus.NotChecked).CheckId.ShouldBe(CheckIds.StagingHealthy);
        outcome.Passed.ShouldBeFalse();
        outcome.RunExitCode.ShouldBe(1);
        outcome
            .Tail()
            .ShouldContain(
                "The checklist's run broke before it ended: System.InvalidOperationException: xunit's runner broke on postgres://"
            );
        outcome.Tail().ShouldNotContain("hunter2-secret");
        told.ShouldBe(preDeploy, ignoreOrder: true);
    }

    [Fact]
    public void Results_come_in_the_checklists_order_whatever_order_they_finished_in()
    {
        var results = new[] { CheckIds.ProdHealthy, CheckIds.StagingHealthy, CheckIds.PostgresPlanParity }.ToDictionary(
            id => id,
            id => ResultsOf.Item(id, CheckStatus.Pass)
        );

        ChecklistRun
            .Merge(results, [])
            .Select(r => r.CheckId)
            .ShouldBe([CheckIds.StagingHealthy, CheckIds.PostgresPlanParity, CheckIds.ProdHealthy]);
    }

    [Fact]
    public void An_item_that_could_not_be_checked_fails_the_run_and_says_so_in_its_line()
    {
        var outcome = ResultsOf.Outcome(
            ResultsOf.Item(CheckIds.StagingHealthy, CheckStatus.Pass),
            ResultsOf.Item(CheckIds.StripeKeyVerified, CheckStatus.NotChecked, "Stripe API answered 503")
        );

        outcome.Passed.ShouldBeFalse();
        outcome.RunExitCode.ShouldBe(1);
        outcome.FailedIds.ShouldBe([CheckIds.StripeKeyVerified]);
        ChecklistOutcome.Line(outcome.Results[1]).ShouldEndWith(": not checked: Stripe API answered 503");
        outcome.Tail().ShouldContain("1 passed, 1 failed (1 could not be checked)");
    }

    [Fact]
    public void Exit_codes_tell_a_failure_from_a_run_that_could_not_check_at_all()
    {
        ResultsOf
            .Outcome(
                ResultsOf.Item(CheckIds.StagingHealthy, CheckStatus.Pass),
                ResultsOf.Item(CheckIds.DeployGateConfigured, CheckStatus.Warn, "x")
            )
            .RunExitCode.ShouldBe(0);
        ResultsOf.Outcome(ResultsOf.Item(CheckIds.StagingHealthy, CheckStatus.Fail, "down")).RunExitCode.ShouldBe(1);
        ResultsOf
            .Outcome(
                ResultsOf.Item(CheckIds.StagingHealthy, CheckStatus.NotChecked, "PREFLIGHT_TARGET is not set"),
                ResultsOf.Item(CheckIds.StripeKeysLive, CheckStatus.NotChecked, "PREFLIGHT_TARGET is not set")
            )
            .RunExitCode.ShouldBe(2);
        ResultsOf.Outcome().RunExitCode.ShouldBe(2);
    }
}
