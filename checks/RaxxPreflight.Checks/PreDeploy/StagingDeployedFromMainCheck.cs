using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>The deploy promotes staging's image: staging must run what the deploy branch's HEAD built.</summary>
public sealed class StagingDeployedFromMainCheck(PreflightSession session)
{
    [Item(
        CheckIds.StagingDeployedFromMain,
        Phase.PreDeploy,
        "The newest successful deploy-queue run on main built main's HEAD",
        Sources = Source.GitHub,
        FirstReads = [FirstRead.NewestSuccessfulRun, FirstRead.BranchHead]
    )]
    public Task Staging_runs_the_head_of_main() =>
        Item.RunAsync(
            session,
            async () =>
            {
                var world = session.World;
                var gh = world.Config.GitHub;
                var redeploy = $"gh workflow run {gh.WorkflowFile} --repo {gh.Slug} --ref {gh.Branch} -f target=staging";
                var runTask = world.NewestSuccessfulRun.Value;
                var headTask = world.BranchHead.Value;
                var run = await runTask;
                var head = await headTask;
                Seen.Add(EvidenceTopics.Source, null, $"{gh.Branch}'s HEAD", Short(head));

                Verdict.NotNull(
                    run,
                    $"{gh.WorkflowFile} has no successful run on {gh.Branch}: staging may not run {gh.Branch} at all",
                    [$"{gh.Branch}'s HEAD is {Short(head)}"],
                    [redeploy]
                );
                Seen.Add(
                    EvidenceTopics.Source,
                    null,
                    $"newest successful {gh.WorkflowFile} run",
                    $"#{run.RunNumber} built {Short(run.HeadSha)}"
                );
                Verdict.That(
                    run.HeadSha == head,
                    $"the newest successful {gh.WorkflowFile} run on {gh.Branch} (#{run.RunNumber}) built {Short(run.HeadSha)}, but {gh.Branch}'s HEAD is {Short(head)}",
                    [$"run #{run.RunNumber} ({run.Event}, {run.CreatedAt:u}) {run.HtmlUrl}"],
                    [redeploy]
                );
            }
        );

    private static string Short(string sha) => sha.Length > 8 ? sha[..8] : sha;
}
