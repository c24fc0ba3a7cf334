using System.Text.RegularExpressions;
using RaxxPreflight.Heroku;

namespace RaxxPreflight.Rules;

/// <summary>Reads a container release's image id from its description: <c>Deployed web (142013fe2b5c)</c>.</summary>
public static partial class ReleaseImage
{
    /// <summary>The image id, or null when the release is not a container deploy.</summary>
    public static string? Of(HerokuRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var match = Pattern().Match(release.Description ?? string.Empty);
        return match.Success ? match.Groups["image"].Value : null;
    }

    /// <summary>
    /// True for a release that put a build on the app: a container deploy (its image) or a slug (a build or a
    /// promotion); false for one that only changed config vars, add-ons or other settings.
    /// </summary>
    public static bool IsBuild(HerokuRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return Of(release) is not null || release.Slug?.Id is not null;
    }

    /// <summary>The release the app runs: the newest marked current (whatever order they are listed in), else the newest.</summary>
    public static HerokuRelease? Current(IReadOnlyList<HerokuRelease> releases) =>
        releases.Where(r => r.Current).MaxBy(r => r.Version) ?? releases.MaxBy(r => r.Version);

    /// <summary>What <paramref name="release"/> runs: its image (a container deploy) or its slug (a slug app's build or promotion); null for neither.</summary>
    public static ReleaseBuild? BuildOf(HerokuRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return Of(release) is { } image ? new ReleaseBuild("image", image)
            : release.Slug?.Id is { } slug ? new ReleaseBuild("slug", slug)
            : null;
    }

    /// <summary>The newest succeeded release among <paramref name="releases"/> that put a build on the app (an image or a slug), if any.</summary>
    public static HerokuRelease? NewestBuild(IEnumerable<HerokuRelease> releases) =>
        releases.Where(r => r.Status == "succeeded" && BuildOf(r) is not null).MaxBy(r => r.Version);

    /// <summary>The newest container deploy among <paramref name="releases"/> that succeeded, if any.</summary>
    public static HerokuRelease? NewestDeploy(IEnumerable<HerokuRelease> releases) =>
        releases.Where(r => r.Status == "succeeded" && Of(r) is not null).MaxBy(r => r.Version);

    [GeneratedRegex(@"^Deployed [\w-]+(, [\w-]+)* \((?<image>[0-9a-f]{7,64})\)$")]
    private static partial Regex Pattern();
}

/// <summary>What a release runs: a container image, or a slug (which a pipeline promotion copies unchanged).</summary>
/// <param name="Kind"><c>image</c> or <c>slug</c>.</param>
/// <param name="Id">The image's id, or the slug's.</param>
public sealed record ReleaseBuild(string Kind, string Id)
{
    /// <summary>In words: <c>image 142013fe2b5c</c>, <c>slug 3f2a...</c>.</summary>
    public override string ToString() => $"{Kind} {Id}";
}
