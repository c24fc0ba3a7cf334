using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>A var that is set can still be wrong: the wrong shape, or staging's value copied to prod.</summary>
public sealed class ProdConfigVarsValidCheck(PreflightSession session)
{
    [Item(
        CheckIds.ProdConfigVarsValid,
        Phase.PreDeploy,
        "Prod's config vars have the shapes of their kinds and differ from staging's where they must",
        Sources = Source.Heroku,
        FirstReads = [FirstRead.ConfigVars]
    )]
    public Task Prod_config_vars_are_well_formed() =>
        Item.RunAsync(
            session,
            async () =>
            {
                var world = session.World;
                var (staging, prod) = await world.ConfigVarsAsync();

                var invalid = ConfigVarFindings.InvalidOnProd(staging, prod, world.Config.ConfigVars);
                Verdict.NoFindings(
                    invalid,
                    $"{invalid.Count} of prod's config vars {(invalid.Count == 1 ? "is" : "are")} wrong: {string.Join(", ", invalid.Select(f => f.Subject).Distinct(StringComparer.Ordinal))}"
                );
            }
        );
}
