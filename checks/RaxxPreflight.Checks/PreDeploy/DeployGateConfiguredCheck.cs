using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Rules.Workflows;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>
/// ADR-0020: a human stands between a dispatch and prod. The operator's question, answered from a model of the
/// deploy workflow: can the prod deploy run without the confirm phrase and without a required reviewer? Every
/// trigger that reaches a job deploying prod must meet a reviewer on that job's environment (pass) or a phrase
/// check (pass with a warning); an open path fails, and what the model cannot read fails as not judged.
/// </summary>
public sealed class DeployGateConfiguredCheck(PreflightSession session)
{
    [Item(
        CheckIds.DeployGateConfigured,
        Phase.PreDeploy,
        "A required reviewer or the workflow's confirm gate stands before every way to deploy prod",
        Sources = Source.GitHub,
        FirstReads = [FirstRead.Workflow]
    )]
    public Task Prod_deploy_is_gated() => Item.RunAsync(session, RunAsync);

    private async Task RunAsync()
    {
        var world = session.World;
        var gh = world.Config.GitHub;
        var prodApp = world.Config.Prod.App;
        var configured = world.GitHubEnvironmentAsync(gh.Environment);
        var yaml = await world.Workflow;

        Workflow workflow;
        try
        {
            workflow = Workflow.Parse(yaml);
        }
        catch (FormatException e)
        {
            Verdict.Fail(
                $"the deploy gate could not be judged: {gh.WorkflowPath} {e.Message}",
                [],
                [$"fix {gh.WorkflowPath}, then run again"]
            );
            return;
        }

        var deployJobs = DeployGate.DeployJobs(workflow, gh.Gate, prodApp);
        var names = DeployGate
            .GitHubEnvironments(deployJobs.Select(d => d.Job), workflow)
            .Append(gh.Environment)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var reads = names.Select(world.GitHubEnvironmentAsync).ToList();
        var protection = new Dictionary<string, EnvironmentProtection>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            protection[names[i]] = await reads[i];
            Seen.Add(EvidenceTopic.Gate, null, $"the {names[i]} environment", protection[names[i]].State);
        }

        await configured;
        var judged = DeployGate.Judge(workflow, gh.Gate, prodApp, gh.WorkflowPath, protection, gh.Slug);
        foreach (var path in judged.Paths)
        {
            Seen.Add(EvidenceTopic.Gate, null, $"{path.Trigger.Words} -> {path.Job.Id}", path.How);
        }

        var found = judged
            .DeployJobs.Select(d => $"deploys prod: {d}")
            .Concat(judged.Paths.Select(p => p.ToString()))
            .Concat(judged.Notes)
            .ToList();
        if (judged.Problem is { } problem)
        {
            Verdict.Fail(problem, found, judged.Fixes);
        }

        if (judged.Warning is { } warning)
        {
            Verdict.Warn(warning, found, judged.Fixes);
            return;
        }

        Verdict.Pass(
            judged.Paths.Count == 0
                ? $"no trigger of {gh.WorkflowPath} can run {string.Join(", ", deployJobs.Select(d => d.Job.Id))}"
                : $"a required reviewer stands before every way to deploy prod ({string.Join("; ", judged.Paths)})"
        );
    }
}
