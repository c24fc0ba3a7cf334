using RaxxPreflight.Heroku;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Rules.Deploy;

/// <summary>Prod's current release, judged while the deploy settles: a succeeded container deploy of staging's image.</summary>
public static class ReleaseRule
{
    /// <summary>What one look at prod's (<paramref name="app"/>'s) releases says, given the image staging's newest deploy runs.</summary>
    public static Judgement Judge(IReadOnlyList<HerokuRelease> releases, string stagingImage, string app = "prod") =>
        Judge(releases, new ReleaseBuild("image", stagingImage), app);

    /// <summary>
    /// What one look at prod's (<paramref name="app"/>'s) releases says, given what staging's newest build runs: its
    /// image for a container app, its slug for a slug app (a pipeline promotion copies the slug, a rebuild makes another).
    /// </summary>
    public static Judgement Judge(IReadOnlyList<HerokuRelease> releases, ReleaseBuild staging, string app = "prod")
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(releases);
        var current = ReleaseImage.Current(releases);
        if (current is null)
        {
            return Judgement.NotYet("prod has no release");
        }

        // An app whose every release only set config vars never ran a build: said by name, not as its newest one.
        if (!releases.Any(ReleaseImage.IsBuild))
        {
            return Judgement.NotYet(
                $"{app} has never had a build released: its {releases.Count} release{(releases.Count == 1 ? " only sets" : "s only set")} config vars"
            );
        }

        var build = ReleaseImage.BuildOf(current);
        return current.Status switch
        {
            "failed" => Judgement.Terminal($"v{current.Version} '{current.Description}' failed"),
            "expired" => Judgement.Terminal($"v{current.Version} '{current.Description}' expired"),
            "pending" => Judgement.NotYet($"v{current.Version} is still pending"),
            _ when build is null => Judgement.NotYet(
                $"the current release v{current.Version} is '{current.Description}', not a {(staging.Kind == "image" ? "container deploy" : "release of a slug")}"
            ),
            _ when build != staging && build.Kind == "image" => Judgement.Terminal(
                $"v{current.Version} runs image {build.Id}, but staging's newest deploy is {staging.Id}: the image was rebuilt, not promoted"
            ),
            _ when build != staging => Judgement.Terminal(
                $"v{current.Version} runs {build}, but staging's newest build is {staging}: staging's build was not promoted (or was rebuilt)"
            ),
            _ => Judgement.Holds,
        };
    }

    /// <summary>The look in a few words: <c>v6 succeeded 'Deployed web (...)'</c>.</summary>
    public static string Describe(IReadOnlyList<HerokuRelease> releases) =>
        ReleaseImage.Current(releases) is { } current ? $"v{current.Version} {current.Status} '{current.Description}'" : "no release";
}
