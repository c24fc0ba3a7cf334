using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Rules;
using RaxxPreflight.Rules.Deploy;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>
/// What was tested on staging's database tier must hold on prod's: the plans of the databases the apps run on
/// (attached as DATABASE), not of whichever add-on is listed first.
/// </summary>
public sealed class PostgresPlanParityCheck(PreflightSession session)
{
    [Item(
        CheckIds.PostgresPlanParity,
        Phase.PreDeploy,
        "Prod's heroku-postgresql plan equals staging's",
        Sources = Source.Heroku,
        FirstReads = [FirstRead.StagingAddons, FirstRead.ProdAddons, FirstRead.StagingAttachments, FirstRead.ProdAttachments]
    )]
    public Task Prod_postgres_plan_matches_staging() => Item.RunAsync(session, RunAsync);

    private async Task RunAsync()
    {
        var world = session.World;
        var stagingApp = world.Config.Staging.App;
        var prodApp = world.Config.Prod.App;
        var (staging, prod) = await world.PrimaryDatabasesAsync();
        Verdict.AppliesUnless(Applicability.Databases(staging, prod, world.Config.PostgresAddonService, stagingApp, prodApp));

        foreach (var (environment, primary) in new[] { (Stages.Staging, staging), (Stages.Prod, prod) })
        {
            if (primary.Primary is { } addon)
            {
                Seen.Add(EvidenceTopic.Postgres, environment, "plan", PrimaryDatabase.Plan(addon));
                Seen.State(environment, "postgres add-on", $"{addon.Name} (attached as {PrimaryDatabase.Attachment})");
            }
        }

        Verdict.Apply(PlanParityRule.Judge(staging, prod, stagingApp, prodApp));
    }
}
