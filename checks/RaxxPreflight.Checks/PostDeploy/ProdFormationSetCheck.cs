using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Rules.Deploy;

namespace RaxxPreflight.Checks.PostDeploy;

/// <summary>A released container serves nothing without a formation: the web process must be scaled up.</summary>
public sealed class ProdFormationSetCheck(PreflightSession session)
{
    [Item(
        CheckIds.ProdFormationSet,
        Phase.PostDeploy,
        "Prod's formation runs the web process at the configured quantity and size",
        Sources = Source.Heroku,
        FirstReads = [FirstRead.ProdFormation]
    )]
    public Task Prod_formation_runs_web() => Item.RunAsync(session, RunAsync);

    private async Task RunAsync()
    {
        var world = session.World;
        var post = world.Config.PostDeploy;
        var prod = world.Config.Prod.App;
        var formation = await world.ProdFormation;
        var found = FormationRule.Describe(formation);
        Seen.State(Stages.Prod, "formation", found);

        var problems = FormationRule.Problems(formation, post);
        Verdict.NoProblems(
            problems,
            $"prod's formation is not set: {string.Join("; ", problems)} (found {found})",
            FormationRule.Scale(post, prod)
        );
    }
}
