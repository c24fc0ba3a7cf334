using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Heroku;
using RaxxPreflight.Rules;
using RaxxPreflight.Rules.Deploy;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Checks.PostDeploy;

/// <summary>The deploy promotes the image staging runs: prod's current release must be that image, and it must have succeeded.</summary>
public sealed class ProdReleaseDeployedCheck(PreflightSession session)
{
    [Item(
        CheckIds.ProdReleaseDeployed,
        Phase.PostDeploy,
        "Prod's current release is a succeeded release of staging's build (its image, or its slug)",
        Sources = Source.Heroku,
        FirstReads = [FirstRead.StagingReleases]
    )]
    public Task Prod_runs_the_promoted_build() => Item.RunAsync(session, RunAsync);

    private async Task RunAsync()
    {
        var world = session.World;
        var prod = world.Config.Prod.App;
        var gh = world.Config.GitHub;
        var stagingDeploy = ReleaseImage.NewestBuild(await world.StagingReleases);
        Verdict.NotNull(
            stagingDeploy,
            $"staging ({world.Config.Staging.App}) has no succeeded release of a build (an image or a slug) prod could run",
            [],
            [FixCommands.Releases(world.Config.Staging.App)]
        );
        var build = ReleaseImage.BuildOf(stagingDeploy)!;
        Seen.State(Stages.Staging, "release", $"v{stagingDeploy.Version} '{stagingDeploy.Description}'");

        var result = await world.Poller.UntilAsync(
            _ => world.ProdReleases.GetAsync(),
            releases => ReleaseRule.Judge(releases, build, prod),
            ReleaseRule.Describe,
            Settled.Progress,
            TestContext.Current.CancellationToken
        );

        Settled.ShouldHold(
            result,
            (Stages.Prod, "release"),
            $"prod's release ({prod})",
            [
                FixCommands.Releases(prod),
                FixCommands.ReleaseOutput(prod),
                FixCommands.Promote(gh.WorkflowFile, gh.Slug, gh.Branch, gh.Gate),
                FixCommands.Rollback(prod),
            ]
        );
    }
}
