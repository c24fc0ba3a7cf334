using RaxxPreflight.Checks.Session;
using RaxxPreflight.GitHub;
using RaxxPreflight.Http;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>
/// ADR-0020: a human stands between a dispatch and prod. Either the GitHub environment requires a
/// reviewer, or the workflow's two-input confirm gate holds; the gate alone passes with a warning.
/// </summary>
[PreDeploy]
public sealed class DeployGateConfiguredCheck(PreflightSession session)
{
    [Fact(DisplayName = "A required reviewer or the workflow's confirm gate stands before the prod deploy")]
    [Check(CheckIds.DeployGateConfigured)]
    public Task Prod_deploy_is_gated() => Item.RunAsync(session, RunAsync);

    private async Task RunAsync()
    {
        var world = session.World;
        var gh = world.Config.GitHub;
        var environmentTask = ReadEnvironment(world.Environment.Value);
        var workflowTask = world.Workflow.Value;
        var (environment, environmentProblem) = await environmentTask;
        var hasReviewers = environment?.ProtectionRules?.Any(r => r.Type == "required_reviewers") == true;
        var addReviewer =
            $"gh api -X PUT repos/{gh.Slug}/environments/{gh.Environment} -F 'reviewers[][type]=User' -F 'reviewers[][id]=<user id>' (or Settings > Environments > {gh.Environment} > Required reviewers)";
        Seen.Add(EvidenceTopics.Gate, null, $"required reviewers on {gh.Environment}", hasReviewers ? "yes" : environmentProblem);
        if (hasReviewers)
        {
            Verdict.Pass($"the {gh.Environment} environment requires a reviewer");
            return;
        }

        string yaml;
        try
        {
            yaml = await workflowTask;
        }
        catch (RemoteServiceException e)
        {
            throw new RemoteServiceException(
                $"no required reviewer on the {gh.Environment} environment, and the workflow could not be read: {e.Message}",
                e
            );
        }

        var gateProblems = WorkflowGate.Problems(yaml, gh.Gate, gh.WorkflowPath);
        var found = new List<string> { environmentProblem };
        found.AddRange(gateProblems.Select(p => $"{gh.WorkflowPath}: {p}"));
        Seen.Add(
            EvidenceTopics.Gate,
            null,
            $"{gh.WorkflowPath} confirm gate",
            gateProblems.Count == 0
                ? $"holds ({gh.Gate.TargetInput}={gh.Gate.TargetValue}, {gh.Gate.ConfirmInput}={gh.Gate.ConfirmPhrase})"
                : "incomplete"
        );
        Verdict.That(
            gateProblems.Count == 0,
            $"nothing gates the prod deploy: {environmentProblem}, and {gh.WorkflowPath}'s confirm gate is incomplete",
            found,
            [
                addReviewer,
                $"restore the confirm gate in {gh.WorkflowPath}: inputs {gh.Gate.TargetInput} and {gh.Gate.ConfirmInput}, job {gh.Gate.DeployJob} with if: inputs.{gh.Gate.TargetInput} == '{gh.Gate.TargetValue}' && inputs.{gh.Gate.ConfirmInput} == '{gh.Gate.ConfirmPhrase}', and a job that exits 1 otherwise",
            ]
        );

        Verdict.Warn(
            $"only the workflow's confirm gate guards prod: {environmentProblem}",
            [
                $"{gh.WorkflowPath}: {gh.Gate.DeployJob} runs only on {gh.Gate.TargetInput}={gh.Gate.TargetValue} and {gh.Gate.ConfirmInput}={gh.Gate.ConfirmPhrase}; another job fails the run otherwise",
            ],
            [addReviewer]
        );
    }

    private async Task<(GitHubEnvironmentInfo? Environment, string Problem)> ReadEnvironment(Task<GitHubEnvironmentInfo> read)
    {
        var name = session.Config.GitHub.Environment;
        try
        {
            var environment = await read;
            var rules = environment.ProtectionRules ?? [];
            return (
                environment,
                rules.Count == 0
                    ? $"the {name} environment has no protection rules"
                    : $"the {name} environment has no required reviewers (only {string.Join(", ", rules.Select(r => r.Type))})"
            );
        }
        catch (RemoteServiceException e) when (e.StatusCode == 404)
        {
            return (null, $"the {name} environment does not exist");
        }
        catch (RemoteServiceException e)
        {
            return (null, $"the {name} environment could not be read ({e.Message})");
        }
    }
}
