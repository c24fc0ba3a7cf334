using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>The container boots with prod's config vars: every one staging sets or the config requires must be there.</summary>
public sealed class ProdConfigVarsPresentCheck(PreflightSession session)
{
    [Item(
        CheckIds.ProdConfigVarsPresent,
        Phase.PreDeploy,
        "Prod sets every config var staging sets and the config requires",
        Sources = Source.Heroku,
        FirstReads = [FirstRead.ConfigVars]
    )]
    public Task Prod_sets_every_config_var() =>
        Item.RunAsync(
            session,
            async () =>
            {
                var world = session.World;
                var (staging, prod) = await world.ConfigVarsAsync();
                foreach (var row in ConfigVarFindings.Diff(staging, prod, world.Config.ConfigVars))
                {
                    Seen.Add(EvidenceTopic.ConfigVars, null, row.Name, row.ToString());
                }

                var missing = ConfigVarFindings.MissingOnProd(staging, prod, world.Config.ConfigVars);
                Verdict.NoFindings(
                    missing,
                    $"prod ({prod.App}) lacks {missing.Count} config var{(missing.Count == 1 ? string.Empty : "s")}: {string.Join(", ", missing.Select(f => f.Subject))}"
                );
            }
        );
}
