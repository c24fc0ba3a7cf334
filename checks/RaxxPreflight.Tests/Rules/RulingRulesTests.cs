using RaxxPreflight.GitHub;
using RaxxPreflight.Heroku;
using RaxxPreflight.Rules;
using RaxxPreflight.Rules.Deploy;

namespace RaxxPreflight.Tests.Rules;

/// <summary>The judgements that left the facts: plan parity and staging deployed from the branch's HEAD, as rulings.</summary>
public class RulingRulesTests
{
    private const string Service = "heroku-postgresql";

    private static PrimaryDatabase OnPlan(string name, string plan) =>
        PrimaryDatabase.Find(
            [new HerokuAddon(name, "provisioned", new HerokuNamed(Service), new HerokuNamed(plan), name + "-id")],
            [new HerokuAttachment(PrimaryDatabase.Attachment, null, new HerokuAddonRef(name + "-id", name))],
            Service
        );

    private static readonly PrimaryDatabase None = PrimaryDatabase.Find([], [], Service);

    [Fact]
    public void Plans_that_differ_are_a_finding_about_prods_database_with_the_upgrade_command()
    {
        var ruling = PlanParityRule.Judge(
            OnPlan("postgresql-a", "heroku-postgresql:standard-0"),
            OnPlan("postgresql-b", "heroku-postgresql:essential-0"),
            "raxx-queue-staging",
            "raxx-queue-prod"
        );

        ruling.Kind.ShouldBe(RulingKind.HasFindings);
        ruling.Findings.Single().Subject.ShouldBe("postgresql-b");
        ruling.Findings.Single().Fix.ShouldBe("heroku addons:upgrade postgresql-b heroku-postgresql:standard-0 --app raxx-queue-prod");
        ruling.Summary.ShouldBe(
            "prod's database (postgresql-b) is on heroku-postgresql:essential-0, staging's (postgresql-a) on heroku-postgresql:standard-0"
        );
    }

    [Fact]
    public void Equal_plans_hold_with_nothing_to_add_and_a_missing_side_fails_naming_what_to_do()
    {
        PlanParityRule
            .Judge(OnPlan("a", "heroku-postgresql:standard-0"), OnPlan("b", "heroku-postgresql:standard-0"), "s", "p")
            .ShouldBe(Ruling.Holds(), new RulingComparer());

        var noProd = PlanParityRule.Judge(OnPlan("a", "heroku-postgresql:standard-0"), None, "s", "p");
        noProd.Kind.ShouldBe(RulingKind.Fails);
        noProd.Summary!.ShouldStartWith(
            "prod (p) has no database to compare with staging's heroku-postgresql:standard-0: no heroku-postgresql add-on"
        );
        noProd.Fixes.ShouldBe(["heroku addons --app p", "heroku addons:create heroku-postgresql:standard-0 --app p"]);

        PlanParityRule
            .Judge(None, OnPlan("b", "x"), "s", "p")
            .Summary!.ShouldStartWith("staging (s) has no database to compare prod's with");
    }

    [Fact]
    public void The_promote_command_passes_only_the_inputs_the_config_names()
    {
        FixCommands
            .Promote(
                "deploy-queue.yml",
                "raxx-app/TradeMasterAPI",
                "main",
                new RaxxPreflight.Configuration.GateConfig("deploy-prod", "target", "prod", "confirm", "deploy-prod-now")
            )
            .ShouldBe(
                "to promote staging's build: gh workflow run deploy-queue.yml --repo raxx-app/TradeMasterAPI --ref main -f target=prod -f confirm=deploy-prod-now"
            );
        FixCommands
            .Promote(
                "deploy-queue.yml",
                "raxx-app/TradeMasterAPI",
                "main",
                new RaxxPreflight.Configuration.GateConfig("deploy-prod", null, null, "confirm", "deploy-prod-now")
            )
            .ShouldBe(
                "to promote staging's build: gh workflow run deploy-queue.yml --repo raxx-app/TradeMasterAPI --ref main -f confirm=deploy-prod-now",
                "a prod-only workflow has no target input"
            );
        FixCommands
            .Promote("deploy-heroku.yml", "raxx-app/TradeMasterAPI", "main", RaxxPreflight.Configuration.GateConfig.ReviewerOnly)
            .ShouldBe(
                "to promote staging's build: gh workflow run deploy-heroku.yml --repo raxx-app/TradeMasterAPI --ref main -f <input>=<value> (each input of the workflow that picks prod)"
            );
    }

    [Fact]
    public void Staging_holds_only_when_the_newest_successful_run_built_the_branchs_head()
    {
        var head = "0c4b71289f5a3e6d2b1c0a9f8e7d6c5b4a392817";
        var run = new DeployRun(41, head, "main", "push", "success", DateTimeOffset.UnixEpoch, null);

        DeployedFromBranchRule.Judge(run, head, "deploy-queue.yml", "raxx-app/TradeMasterAPI", "main").Kind.ShouldBe(RulingKind.Holds);

        var behind = DeployedFromBranchRule.Judge(
            run with
            {
                HeadSha = "9f1e2d3c" + head[8..],
            },
            head,
            "deploy-queue.yml",
            "raxx-app/TradeMasterAPI",
            "main",
            "target"
        );
        behind.Kind.ShouldBe(RulingKind.Fails);
        behind.Summary.ShouldBe("the newest successful deploy-queue.yml run on main (#41) built 9f1e2d3c, but main's HEAD is 0c4b7128");
        behind.Fixes.ShouldBe(["gh workflow run deploy-queue.yml --repo raxx-app/TradeMasterAPI --ref main -f target=staging"]);
        DeployedFromBranchRule
            .Judge(null, head, "deploy-heroku.yml", "raxx-app/TradeMasterAPI", "main")
            .Fixes.ShouldBe(
                ["gh workflow run deploy-heroku.yml --repo raxx-app/TradeMasterAPI --ref main"],
                "no target input named: no -f"
            );

        DeployedFromBranchRule
            .Judge(null, head, "deploy-queue.yml", "raxx-app/TradeMasterAPI", "main")
            .Summary.ShouldBe("deploy-queue.yml has no successful run on main: staging may not run main at all");
    }

    private sealed class RulingComparer : IEqualityComparer<Ruling>
    {
        public bool Equals(Ruling? x, Ruling? y) =>
            x is not null
            && y is not null
            && x.Kind == y.Kind
            && x.Summary == y.Summary
            && x.Found.SequenceEqual(y.Found)
            && x.Fixes.SequenceEqual(y.Fixes)
            && x.Findings.SequenceEqual(y.Findings);

        public int GetHashCode(Ruling obj) => obj.Kind.GetHashCode();
    }
}
