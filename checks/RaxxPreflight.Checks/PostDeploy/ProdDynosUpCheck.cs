using RaxxPreflight.Checks.Session;
using RaxxPreflight.Heroku;
using RaxxPreflight.Rules;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Checks.PostDeploy;

/// <summary>Every web dyno of the new release must come up; a crash is final, a slow boot is waited for.</summary>
[PostDeploy]
public sealed class ProdDynosUpCheck(PreflightSession session)
{
    [Fact(DisplayName = "Every web dyno of prod's current release is up")]
    [Check(CheckIds.ProdDynosUp)]
    public Task Prod_web_dynos_are_up() => Item.RunAsync(session, RunAsync);

    private async Task RunAsync()
    {
        var world = session.World;
        var prod = world.Config.Prod.App;
        var type = world.Config.PostDeploy.ProcessType;

        var result = await world.Poller.UntilAsync(
            async _ => (Releases: await world.ProdReleases.GetAsync(), Dynos: await world.ProdDynos.GetAsync()),
            seen => Judge(WebDynos(seen.Releases, seen.Dynos, type), type, ReleaseImage.Current(seen.Releases)),
            seen => Describe(WebDynos(seen.Releases, seen.Dynos, type), type),
            Settled.Progress,
            TestContext.Current.CancellationToken
        );

        Settled.ShouldHold(
            result,
            (Environments.Prod, "dynos"),
            $"prod's {type} dynos ({prod})",
            [$"heroku ps --app {prod}", $"heroku logs --tail --app {prod} --dyno {type}", $"heroku ps:restart {type} --app {prod}"]
        );
    }

    /// <summary>The process type's dynos that run the current release.</summary>
    internal static IReadOnlyList<HerokuDyno> WebDynos(IReadOnlyList<HerokuRelease> releases, IReadOnlyList<HerokuDyno> dynos, string type)
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
    internal static bool Crashed(IReadOnlyList<HerokuDyno> dynos) => dynos.Any(d => d.State == "crashed");

    private static Judgement Judge(IReadOnlyList<HerokuDyno> dynos, string type, HerokuRelease? current)
    {
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

    private static string Describe(IReadOnlyList<HerokuDyno> dynos, string type) =>
        dynos.Count == 0 ? $"no {type} dyno" : string.Join(", ", dynos.Select(d => $"{d.Name}: {d.State}"));
}
