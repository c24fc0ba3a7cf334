using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>Plan parity on prod apps with more than one Postgres add-on: only the one attached as DATABASE is compared.</summary>
public class AddonScenarioTests
{
    [Theory]
    [InlineData(
        ScenarioNames.ProdWithFollower,
        "prod also has postgresql-follower-40512 on heroku-postgresql:standard-0, attached as HEROKU_POSTGRESQL_PURPLE: not compared"
    )]
    [InlineData(
        ScenarioNames.ProdAnalyticsListedFirst,
        "prod also has postgresql-analytics-11111 on heroku-postgresql:essential-0, attached as HEROKU_POSTGRESQL_RED: not compared"
    )]
    public async Task A_second_database_beside_the_primary_is_named_and_not_compared(string scenario, string other)
    {
        var outcome = await Checklist.RunFakesAsync(Phases.PreDeploy, scenario, checkIds: [CheckIds.PostgresPlanParity]);

        var item = outcome.Results.ShouldHaveSingleItem();
        item.Status.ShouldBe(CheckStatus.Pass, outcome.Render());
        item.Reason.ShouldBe(
            $"prod's postgresql-flat-88052 and staging's postgresql-polished-29366 are both on heroku-postgresql:standard-0; {other}"
        );
    }

    [Fact]
    public async Task A_primary_on_a_smaller_plan_fails_even_beside_a_database_on_stagings_plan()
    {
        var outcome = await Checklist.RunFakesAsync(
            Phases.PreDeploy,
            ScenarioNames.ProdPrimaryDowngraded,
            checkIds: [CheckIds.PostgresPlanParity]
        );

        var item = outcome.Results.ShouldHaveSingleItem();
        item.Status.ShouldBe(CheckStatus.Fail);
        item.Reason.ShouldBe(
            "prod's database (postgresql-flat-88052) is on heroku-postgresql:essential-0, staging's (postgresql-polished-29366) on heroku-postgresql:standard-0"
        );
        item.Found.ShouldContain(
            "prod also has postgresql-leftover-72200 on heroku-postgresql:standard-0, attached as HEROKU_POSTGRESQL_ORANGE: not compared"
        );
        item.Fixes.ShouldBe(["heroku addons:upgrade postgresql-flat-88052 heroku-postgresql:standard-0 --app raxx-queue-prod"]);
    }

    [Fact]
    public async Task The_seeds_single_databases_still_pass_and_name_what_was_compared()
    {
        var outcome = await Checklist.RunFakesAsync(Phases.PreDeploy, ScenarioNames.Blocked, checkIds: [CheckIds.PostgresPlanParity]);

        var item = outcome.Results.ShouldHaveSingleItem();
        item.Status.ShouldBe(CheckStatus.Pass);
        item.Evidence.ShouldContain(
            new Evidence(EvidenceTopic.State, Stages.Prod, "postgres add-on", "postgresql-flat-88052 (attached as DATABASE)")
        );
    }
}
