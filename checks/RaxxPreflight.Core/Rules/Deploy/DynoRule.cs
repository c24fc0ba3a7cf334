using RaxxPreflight.Heroku;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Rules.Deploy;

/// <summary>Prod's web dynos of the current release, judged while the deploy settles: a crash is final, a slow boot is waited for.</summary>
public static class DynoRule
{
    /// <summary>The process type's dynos that run the current release.</summary>
    public static IReadOnlyList<HerokuDyno> WebDynos(IReadOnlyList<HerokuRelease> releases, IReadOnlyList<HerokuDyno> dynos, string type)
    {
        var current = ReleaseImage.Current(releases);
        return
        [
            .. dynos
                // A dyno that names no type or release is judged by its name and counted in.
                .Where(d =>
                    (d.Type ?? d.Name.Split('.')[0]) == type
                    && (current is null || d.Release is null || d.Release.Version == current.Version)
                )
                .OrderBy(d => d.Name, StringComparer.Ordinal),
        ];
    }

    /// <summary>True when a dyno of the process type has crashed: a terminal state no wait will mend.</summary>
    public static bool Crashed(IReadOnlyList<HerokuDyno> dynos) => dynos.Any(d => d.State == "crashed");

    /// <summary>What one look at the web dynos says: up, still starting, or crashed (final).</summary>
    public static Judgement Judge(IReadOnlyList<HerokuDyno> dynos, string type, HerokuRelease? current)
    {
        ArgumentNullException.ThrowIfNull(dynos);
        var release = current is null ? "the current release" : $"v{current.Version}";
        if (Crashed(dynos))
        {
            return Judgement.Terminal($"{string.Join(", ", dynos.Where(d => d.State == "crashed").Select(d => d.Name))} crashed");
        }

        if (dynos.Count == 0)
        {
            return Judgement.NotYet($"no {type} dyno runs {release}");
        }

        var down = dynos.Where(d => d.State != "up").ToList();
        return down.Count == 0 ? Judgement.Holds : Judgement.NotYet(string.Join(", ", down.Select(d => $"{d.Name} is {d.State}")));
    }

    /// <summary>The look in a few words: <c>web.1: starting</c>.</summary>
    public static string Describe(IReadOnlyList<HerokuDyno> dynos, string type)
    {
        ArgumentNullException.ThrowIfNull(dynos);
        return dynos.Count == 0 ? $"no {type} dyno" : string.Join(", ", dynos.Select(d => $"{d.Name}: {d.State}"));
    }
}
