using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Rules.Deploy;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>The deploy promotes staging's image: staging must run what the deploy branch's HEAD built.</summary>
public sealed class StagingDeployedFromMainCheck(PreflightSession session)
{
    [Item(
        CheckIds.StagingDeployedFromMain,
        Phase.PreDeploy,
        "The newest successful run of the deploy workflow on main built main's HEAD",
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
                var runTask = world.NewestSuccessfulRun.Value;
                var headTask = world.BranchHead.Value;
                var run = await runTask;
                var head = await headTask;
                Seen.Add(EvidenceTopic.Source, null, $"{gh.Branch}'s HEAD", DeployedFromBranchRule.Abbreviated(head));
                if (run is not null)
                {
                    Seen.Add(
                        EvidenceTopic.Source,
                        null,
                        $"newest successful {gh.WorkflowFile} run",
                        $"#{run.RunNumber} built {DeployedFromBranchRule.Abbreviated(run.HeadSha)}"
                    );
                }

                Verdict.Apply(DeployedFromBranchRule.Judge(run, head, gh.WorkflowFile, gh.Slug, gh.Branch, gh.Gate.TargetInput));
            }
        );
}
