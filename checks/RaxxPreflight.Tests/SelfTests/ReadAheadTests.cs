using System.Text.RegularExpressions;
using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;
using RaxxPreflight.World;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>
/// The reads the session starts before the items (<see cref="ReadAhead"/>): every item has its plan, a run reads the
/// same with and without it, and only a selection by phase or item starts any.
/// </summary>
public partial class ReadAheadTests
{
    public static TheoryData<string> PreDeployItems() => [.. Items.Of(Phases.PreDeploy)];

    [Theory]
    [MemberData(nameof(PreDeployItems))]
    public Task A_pre_deploy_item_reads_the_same_with_and_without_its_reads_started_ahead(string checkId) =>
        ReadsTheSameAsync(checkId, SeedScenarios.Ready);

    [Theory]
    [InlineData(new[] { "-trait", "Phase=PreDeploy", "-noLogo" }, "PreDeploy")]
    [InlineData(new[] { "-trait", "Phase=PostDeploy" }, "PostDeploy")]
    [InlineData(new[] { "-trait", "Phase=PreDeploy", "-trait", "Phase=PostDeploy" }, "PreDeploy,PostDeploy")]
    [InlineData(new[] { "--server", "dotnettestcli", "--filter", "Phase=PostDeploy" }, "PostDeploy")]
    [InlineData(new[] { "--filter-trait", "Phase=PreDeploy" }, "PreDeploy")]
    public void A_selection_by_phase_reads_ahead_for_every_item_of_it(string[] arguments, string phases) =>
        ReadAhead
            .SelectedBy(arguments, Items.Catalog)
            .Select(i => i.Id)
            .ShouldBe(Items.Catalog.Items.Where(c => phases.Split(',').Contains(c.PhaseName)).Select(c => c.Id), ignoreOrder: true);

    [Theory]
    [InlineData(new[] { "-trait", "Check=stripe-keys-live" }, "stripe-keys-live")]
    [InlineData(new[] { "-trait", "Check=stripe-keys-live", "-trait", "Check=prod-healthy" }, "stripe-keys-live,prod-healthy")]
    [InlineData(new[] { "--filter", "Check=stripe-keys-live|Check=prod-healthy" }, "stripe-keys-live,prod-healthy")]
    public void A_selection_by_item_reads_ahead_for_those_items_only(string[] arguments, string items) =>
        ReadAhead.SelectedBy(arguments, Items.Catalog).Select(i => i.Id).ShouldBe(items.Split(','), ignoreOrder: true);

    [Theory]
    [InlineData("")]
    [InlineData("-trait Phase=PreDeplyo")]
    [InlineData("-trait Check=no-such-item")]
    [InlineData("-trait Owner=ops")]
    [InlineData("-trait Phase=PreDeploy -trait- Check=stripe-keys-live")]
    [InlineData("-trait Phase=PreDeploy -class RaxxPreflight.Checks.PreDeploy.StripeKeysLiveCheck")]
    [InlineData("-trait Phase=PreDeploy -method *Stripe*")]
    [InlineData("-trait Phase=PreDeploy -list tests")]
    [InlineData("--filter Phase!=PreDeploy")]
    [InlineData("--filter Phase=PreDeploy&Check=stripe-keys-live")]
    [InlineData("--filter (Phase=PreDeploy)")]
    [InlineData("--filter-trait Phase=PreDeploy --filter-not-trait Check=stripe-keys-live")]
    [InlineData("--treenode-filter /*/*/*/*[Phase=PreDeploy]")]
    [InlineData("--filter Phase=PreDeploy --list-tests")]
    [InlineData("-trait")]
    public void Any_other_selection_reads_nothing_ahead(string arguments) =>
        ReadAhead.SelectedBy(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), Items.Catalog).ShouldBeEmpty();

    // Two worlds of one scenario, the item alone in each: once as it reads by itself, once with its reads started
    // ahead. The requests (without the fakes' ports) must be the same: the plan reads nothing the item does not.
    internal static async Task ReadsTheSameAsync(string checkId, Func<Scenario> scenario)
    {
        await using var alone = await PreDeployScenarioTests.WithDatabasesAsync(scenario());
        await using var ahead = await PreDeployScenarioTests.WithDatabasesAsync(scenario());
        var selection = new Selection([], [checkId]);

        var outcomes = await Task.WhenAll(
            Checklist.RunAsync(selection, Settle(alone.Variables, readAhead: false), null),
            Checklist.RunAsync(selection, Settle(ahead.Variables, readAhead: true), null)
        );

        outcomes[0].Results.Select(r => (r.CheckId, r.Status)).ShouldBe([(checkId, outcomes[1].Results.Single().Status)]);
        Requests(ahead).ShouldBe(Requests(alone), ignoreOrder: true);
        Requests(ahead).ShouldNotBeEmpty();
    }

    private static Dictionary<string, string> Settle(IReadOnlyDictionary<string, string> variables, bool readAhead) =>
        new(variables, StringComparer.Ordinal)
        {
            [Settings.SettleTimeout] = "2",
            [Settings.PollInterval] = "0.25",
            [Settings.ReadAhead] = readAhead ? "on" : "off",
        };

    // The fakes' ports and a log session's id differ from world to world; what was read does not.
    private static List<string> Requests(FakeWorld fakes) =>
        [.. fakes.AllRequests.Select(r => Guid().Replace(Port().Replace(r, "$1"), "<id>"))];

    [GeneratedRegex(@"^(\S+ \w+://[^/:]+):\d+")]
    private static partial Regex Port();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}

/// <summary>The post-deploy items' reads ahead, in a class of their own so that they run beside the pre-deploy items'.</summary>
public class PostDeployReadAheadTests
{
    public static TheoryData<string> PostDeployItems() => [.. Items.Of(Phases.PostDeploy)];

    [Theory]
    [MemberData(nameof(PostDeployItems))]
    public Task A_post_deploy_item_reads_the_same_with_and_without_its_reads_started_ahead(string checkId) =>
        ReadAheadTests.ReadsTheSameAsync(checkId, DeployScenarios.Deployed);
}
