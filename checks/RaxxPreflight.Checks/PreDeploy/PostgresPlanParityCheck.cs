using RaxxPreflight.Checks.Session;
using RaxxPreflight.Heroku;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>What was tested on staging's database tier must hold on prod's.</summary>
[PreDeploy]
public sealed class PostgresPlanParityCheck(PreflightSession session)
{
    [Fact(DisplayName = "Prod's heroku-postgresql plan equals staging's")]
    [Check(CheckIds.PostgresPlanParity)]
    public Task Prod_postgres_plan_matches_staging() => Item.RunAsync(session, RunAsync);

    private async Task RunAsync()
    {
        var world = session.World;
        var service = world.Config.PostgresAddonService;
        var stagingTask = world.StagingAddons.Value;
        var prodTask = world.ProdAddons.Value;
        var staging = Postgres(await stagingTask, service);
        var prod = Postgres(await prodTask, service);
        var stagingApp = world.Config.Staging.App;
        var prodApp = world.Config.Prod.App;

        Verdict.NotNull(
            staging,
            $"staging ({stagingApp}) has no {service} add-on to compare prod's with",
            [],
            [$"heroku addons --app {stagingApp}"]
        );
        var plan = staging.Plan?.Name ?? "(no plan)";
        Seen.Add(EvidenceTopics.Postgres, Environments.Staging, "plan", plan);
        Seen.State(Environments.Staging, "postgres add-on", staging.Name);
        Verdict.NotNull(
            prod,
            $"prod ({prodApp}) has no {service} add-on; staging has {plan}",
            [$"staging: {staging.Name} on {plan}"],
            [$"heroku addons:create {plan} --app {prodApp}"]
        );
        Seen.Add(EvidenceTopics.Postgres, Environments.Prod, "plan", prod.Plan?.Name ?? "(no plan)");
        Seen.State(Environments.Prod, "postgres add-on", prod.Name);
        Verdict.That(
            string.Equals(prod.Plan?.Name, plan, StringComparison.Ordinal),
            $"prod's {service} plan is {prod.Plan?.Name ?? "(no plan)"}, staging's is {plan}",
            [$"staging: {staging.Name} on {plan}", $"prod: {prod.Name} on {prod.Plan?.Name ?? "(no plan)"}"],
            [$"heroku addons:upgrade {prod.Name} {plan} --app {prodApp}"]
        );
    }

    private static HerokuAddon? Postgres(IReadOnlyList<HerokuAddon> addons, string service) =>
        addons.FirstOrDefault(a => string.Equals(a.AddonService?.Name, service, StringComparison.Ordinal) && a.State != "deprovisioned");
}
