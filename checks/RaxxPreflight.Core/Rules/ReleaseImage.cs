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

    /// <summary>The newest container deploy among <paramref name="releases"/> that succeeded, if any.</summary>
    public static HerokuRelease? NewestDeploy(IEnumerable<HerokuRelease> releases) =>
        releases.Where(r => r.Status == "succeeded" && Of(r) is not null).MaxBy(r => r.Version);

    [GeneratedRegex(@"^Deployed [\w-]+(, [\w-]+)* \((?<image>[0-9a-f]{7,64})\)$")]
    private static partial Regex Pattern();
}
