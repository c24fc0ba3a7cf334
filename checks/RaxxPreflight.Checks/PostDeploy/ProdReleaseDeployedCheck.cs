using RaxxPreflight.Checks.Session;
using RaxxPreflight.Heroku;
using RaxxPreflight.Rules;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Checks.PostDeploy;

/// <summary>The deploy promotes the image staging runs: prod's current release must be that image, and it must have succeeded.</summary>
[PostDeploy]
public sealed class ProdReleaseDeployedCheck(PreflightSession session)
{
    [Fact(DisplayName = "Prod's current release is a succeeded container deploy of staging's image")]
    [Check(CheckIds.ProdReleaseDeployed)]
    public Task Prod_runs_the_promoted_image() => Item.RunAsync(session, RunAsync);

    private async Task RunAsync()
    {
        var world = session.World;
        var prod = world.Config.Prod.App;
        var gh = world.Config.GitHub;
        var stagingDeploy = ReleaseImage.NewestDeploy(await world.StagingReleases);
        Verdict.NotNull(
            stagingDeploy,
            $"staging ({world.Config.Staging.App}) has no succeeded container deploy whose image prod could run",
            [],
            [$"heroku releases --app {world.Config.Staging.App}"]
        );
        var image = ReleaseImage.Of(stagingDeploy)!;
        Seen.State(Environments.Staging, "release", $"v{stagingDeploy.Version} '{stagingDeploy.Description}'");

        var result = await world.Poller.UntilAsync(
            _ => world.ProdReleases.GetAsync(),
            releases => Judge(releases, image),
            Describe,
            Settled.Progress,
            TestContext.Current.CancellationToken
        );

        Settled.ShouldHold(
            result,
            (Environments.Prod, "release"),
            $"prod's release ({prod})",
            [
                $"heroku releases --app {prod}",
                $"if the release failed: heroku releases:output <version> --app {prod}",
                $"to promote staging's image: gh workflow run {gh.WorkflowFile} --repo {gh.Slug} --ref {gh.Branch} -f {gh.Gate.TargetInput}={gh.Gate.TargetValue} -f {gh.Gate.ConfirmInput}={gh.Gate.ConfirmPhrase}",
                $"to go back: heroku rollback --app {prod}",
            ]
        );
    }

    private static Judgement Judge(IReadOnlyList<HerokuRelease> releases, string stagingImage)
    {
        var current = ReleaseImage.Current(releases);
        if (current is null)
        {
            return Judgement.NotYet("prod has no release");
        }

        var image = ReleaseImage.Of(current);
        return current.Status switch
        {
            "failed" => Judgement.Terminal($"v{current.Version} '{current.Description}' failed"),
            "expired" => Judgement.Terminal($"v{current.Version} '{current.Description}' expired"),
            "pending" => Judgement.NotYet($"v{current.Version} is still pending"),
            _ when image is null => Judgement.NotYet(
                $"the current release v{current.Version} is '{current.Description}', not a container deploy"
            ),
            _ when image != stagingImage => Judgement.Terminal(
                $"v{current.Version} runs image {image}, but staging's newest deploy is {stagingImage}: the image was rebuilt, not promoted"
            ),
            _ => Judgement.Holds,
        };
    }

    private static string Describe(IReadOnlyList<HerokuRelease> releases) =>
        ReleaseImage.Current(releases) is { } current ? $"v{current.Version} {current.Status} '{current.Description}'" : "no release";
}
