using RaxxPreflight.Checks.Session;

namespace RaxxPreflight.Checks.PostDeploy;

/// <summary>A released container serves nothing without a formation: the web process must be scaled up.</summary>
[PostDeploy]
public sealed class ProdFormationSetCheck(PreflightSession session)
{
    [Fact(DisplayName = "Prod's formation runs the web process at the configured quantity and size")]
    [Check(CheckIds.ProdFormationSet)]
    public Task Prod_formation_runs_web() => Item.RunAsync(session, RunAsync);

    private async Task RunAsync()
    {
        var world = session.World;
        var post = world.Config.PostDeploy;
        var prod = world.Config.Prod.App;
        var formation = await world.ProdFormation;
        var web = formation.FirstOrDefault(f => f.Type == post.ProcessType);
        var found =
            formation.Count == 0 ? "no formation at all" : string.Join(", ", formation.Select(f => $"{f.Type}={f.Quantity}:{f.Size}"));
        Seen.State(Environments.Prod, "formation", found);

        var problems = new List<string>();
        if (web is null)
        {
            problems.Add($"prod has no {post.ProcessType} process in its formation");
        }
        else
        {
            if (web.Quantity < post.Quantity)
            {
                problems.Add(
                    $"{post.ProcessType} runs {web.Quantity} dyno{(web.Quantity == 1 ? string.Empty : "s")}, at least {post.Quantity} expected"
                );
            }

            if (post.Size is not null && !string.Equals(web.Size, post.Size, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{post.ProcessType} runs on {web.Size}, {post.Size} expected");
            }
        }

        var scale =
            $"heroku ps:scale {post.ProcessType}={post.Quantity}{(post.Size is null ? string.Empty : ":" + post.Size)} --app {prod}";
        Verdict.NoProblems(problems, $"prod's formation is not set: {string.Join("; ", problems)} (found {found})", scale);
    }
}
