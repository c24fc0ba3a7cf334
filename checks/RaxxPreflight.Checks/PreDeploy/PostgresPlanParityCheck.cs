using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Rules;

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
        var service = world.Config.PostgresAddonService;
        var stagingApp = world.Config.Staging.App;
        var prodApp = world.Config.Prod.App;
        var reads = (
            StagingAddons: world.StagingAddons.Value,
            StagingAttachments: world.StagingAttachments.Value,
            ProdAddons: world.ProdAddons.Value,
            ProdAttachments: world.ProdAttachments.Value
        );
        var staging = PrimaryDatabase.Find(await reads.StagingAddons, await reads.StagingAttachments, service);
        var prod = PrimaryDatabase.Find(await reads.ProdAddons, await reads.ProdAttachments, service);

        var others = staging
            .OthersInWords.Select(o => $"staging also has {o}: not compared")
            .Concat(prod.OthersInWords.Select(o => $"prod also has {o}: not compared"))
            .ToList();
        foreach (var (environment, primary) in new[] { (Environments.Staging, staging), (Environments.Prod, prod) })
        {
            if (primary.Primary is { } addon)
            {
                Seen.Add(EvidenceTopics.Postgres, environment, "plan", PrimaryDatabase.Plan(addon));
                Seen.State(environment, "postgres add-on", $"{addon.Name} (attached as {PrimaryDatabase.Attachment})");
            }
        }

        Verdict.NotNull(
            staging.Primary,
            $"staging ({stagingApp}) has no database to compare prod's with: {staging.Problem}",
            others,
            [$"heroku addons --app {stagingApp}", $"heroku addons:attach <add-on> --as {PrimaryDatabase.Attachment} --app {stagingApp}"]
        );
        var plan = PrimaryDatabase.Plan(staging.Primary);
        Verdict.NotNull(
            prod.Primary,
            $"prod ({prodApp}) has no database to compare with staging's {plan}: {prod.Problem}",
            [$"staging: {staging.Primary.Name} on {plan}, attached as {PrimaryDatabase.Attachment}", .. others],
            [
                $"heroku addons --app {prodApp}",
                prod.Others.Count == 0
                    ? $"heroku addons:create {plan} --app {prodApp}"
                    : $"heroku addons:attach <add-on> --as {PrimaryDatabase.Attachment} --app {prodApp}",
            ]
        );
        var prodPlan = PrimaryDatabase.Plan(prod.Primary);
        if (!string.Equals(prodPlan, plan, StringComparison.Ordinal))
        {
            // The finding is about prod's database, by its add-on name: what a waiver during a planned migration names.
            Verdict.NoFindings(
                [
                    new Finding(
                        prod.Primary.Name,
                        $"prod's database is on {prodPlan}, staging's ({staging.Primary.Name}) on {plan}",
                        $"heroku addons:upgrade {prod.Primary.Name} {plan} --app {prodApp}"
                    ),
                ],
                $"prod's database ({prod.Primary.Name}) is on {prodPlan}, staging's ({staging.Primary.Name}) on {plan}",
                [$"staging: {staging.Primary.Name} on {plan}", $"prod: {prod.Primary.Name} on {prodPlan}", .. others]
            );
            return;
        }

        if (others.Count > 0)
        {
            Verdict.Pass(
                $"prod's {prod.Primary.Name} and staging's {staging.Primary.Name} are both on {plan}; {string.Join("; ", others)}"
            );
        }
    }
}
