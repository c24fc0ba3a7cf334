using RaxxPreflight.Configuration;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Tests.Rules;

public class WorkflowGateTests
{
    private static readonly GateConfig Gate = new("deploy-prod", "target", "prod", "confirm", "deploy-prod-now");

    [Fact]
    public void The_seed_workflow_holds_the_confirm_gate() =>
        WorkflowGate.Problems(DeployWorkflow.WithConfirmGate, Gate, "deploy-queue.yml").ShouldBeEmpty();

    [Fact]
    public void A_deploy_job_that_also_runs_on_another_condition_is_not_gated()
    {
        var yaml = DeployWorkflow.WithConfirmGate.Replace(
            "inputs.target == 'prod' && inputs.confirm == 'deploy-prod-now' }}",
            "inputs.target == 'prod' && inputs.confirm == 'deploy-prod-now' || github.event_name == 'push' }}",
            StringComparison.Ordinal
        );

        WorkflowGate
            .Problems(yaml, Gate, "w.yml")
            .ShouldHaveSingleItem()
            .ShouldStartWith("job 'deploy-prod' does not run only when target == 'prod' && confirm == 'deploy-prod-now'");
    }

    [Fact]
    public void A_deploy_job_that_checks_the_wrong_phrase_is_not_gated()
    {
        var yaml = DeployWorkflow.WithConfirmGate.Replace(
            "inputs.confirm == 'deploy-prod-now'",
            "inputs.confirm == 'yes'",
            StringComparison.Ordinal
        );

        WorkflowGate.Problems(yaml, Gate, "w.yml").ShouldHaveSingleItem().ShouldContain("deploy-prod");
    }

    [Fact]
    public void Words_in_a_comment_or_a_step_do_not_count_as_the_gate()
    {
        const string yaml = """
            # if: inputs.target == 'prod' && inputs.confirm == 'deploy-prod-now'
            on:
              workflow_dispatch:
                inputs:
                  target: { type: string }
                  confirm: { type: string }
            jobs:
              deploy-prod:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "inputs.target == 'prod' && inputs.confirm == 'deploy-prod-now'"
            """;

        var problems = WorkflowGate.Problems(yaml, Gate, "w.yml");

        problems.Count.ShouldBe(2);
        problems[0].ShouldStartWith("job 'deploy-prod' does not run only when");
        problems[1].ShouldStartWith("no job runs when target == 'prod' and confirm != 'deploy-prod-now' and fails the run");
    }

    [Fact]
    public void A_rejection_job_that_does_not_fail_the_run_does_not_count()
    {
        var yaml = DeployWorkflow.WithConfirmGate.Replace("exit 1", "exit 0", StringComparison.Ordinal);

        WorkflowGate.Problems(yaml, Gate, "w.yml").ShouldHaveSingleItem().ShouldStartWith("no job runs when");
    }

    [Fact]
    public void Missing_dispatch_inputs_are_named()
    {
        var yaml = DeployWorkflow.WithConfirmGate.Replace("      confirm:\n", "      confirmation:\n", StringComparison.Ordinal);

        WorkflowGate.Problems(yaml, Gate, "w.yml").ShouldBe(["on.workflow_dispatch.inputs has no 'confirm' input"]);
    }

    [Fact]
    public void Broken_yaml_is_one_problem_naming_the_line()
    {
        var problem = WorkflowGate.Problems("jobs:\n  a: [unclosed\n", Gate, "w.yml").ShouldHaveSingleItem();

        problem.ShouldStartWith("w.yml is not valid YAML (line ");
    }
}
