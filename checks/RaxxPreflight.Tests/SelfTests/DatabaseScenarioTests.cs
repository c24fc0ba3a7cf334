using System.Net.Sockets;
using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Databases;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>The real database facts, run in their own process against scenarios whose databases are real Postgres.</summary>
public class DatabaseScenarioTests
{
    private static readonly string[] DatabaseItems =
    [
        CheckIds.PostgresExtensionsParity,
        CheckIds.PostgresSchemaParity,
        CheckIds.PostgresVersionParity,
        CheckIds.ProdDatabaseReachable,
    ];

    [Fact]
    public async Task A_missing_extension_fails_only_the_extensions_item_with_the_command_that_adds_it()
    {
        var outcome = await Checklist.RunFakesAsync(Phases.PreDeploy, ScenarioNames.ProdMissingExtension);

        outcome.FailedIds.ShouldBe([CheckIds.PostgresExtensionsParity], outcome.Render());
        var item = outcome.Results.Single(r => r.CheckId == CheckIds.PostgresExtensionsParity);
        item.Reason.ShouldBe("prod's database lacks 1 extension staging's has: pg_trgm");
        item.Details.ShouldContain(d =>
            d.Trim() == "heroku pg:psql --app raxx-queue-prod -c 'CREATE EXTENSION IF NOT EXISTS \"pg_trgm\";'"
        );
    }

    [Fact]
    public async Task An_unreachable_prod_database_fails_every_item_that_reads_it_naming_the_host_not_the_credentials()
    {
        var outcome = await Checklist.RunFakesAsync(Phases.PreDeploy, ScenarioNames.ProdDatabaseUnreachable);

        outcome.FailedIds.ShouldBe(DatabaseItems, outcome.Render());
        var reachable = outcome.Results.Single(r => r.CheckId == CheckIds.ProdDatabaseReachable).Reason!;
        reachable.ShouldStartWith("prod's database at 127.0.0.1:1/raxx_raxx_queue_prod_gone refused the connection (");
        reachable.ShouldEndWith("): heroku pg:info --app raxx-queue-prod");
        reachable.ShouldNotContain("raxx:");
        reachable.ShouldNotContain("fake-");
    }

    [Fact]
    public async Task A_schema_behind_warns_of_what_the_migrations_must_create()
    {
        var outcome = await Checklist.RunFakesAsync(Phases.PreDeploy, ScenarioNames.ProdSchemaBehind);

        outcome.FailedIds.ShouldBeEmpty(outcome.Render());
        outcome.WarnedIds.ShouldBe([CheckIds.PostgresSchemaParity]);
        var item = outcome.Results.Single(r => r.CheckId == CheckIds.PostgresSchemaParity);
        item.Reason.ShouldBe("prod's schema lacks 1 table and 1 column that staging's has: the deploy's migrations must create them");
        item.Details.Select(d => d.Trim()).ShouldContain("table public.billing_events");
        item.Details.Select(d => d.Trim()).ShouldContain("column public.jobs.attempts");
    }

    [Fact]
    public async Task Without_a_docker_engine_the_database_items_fail_saying_docker_is_needed_and_the_rest_still_run()
    {
        var outcome = await Checklist.RunAsync(
            "PreDeploy",
            new Dictionary<string, string>
            {
                [Settings.Target] = "fakes:ready",
                [Settings.FakesPostgres] = string.Empty,
                ["DOCKER_HOST"] = "tcp://127.0.0.1:1",
            }
        );

        outcome.FailedIds.ShouldBe(DatabaseItems, outcome.Render());
        outcome
            .Results.Where(r => DatabaseItems.Contains(r.CheckId))
            .ShouldAllBe(r => r.Reason!.Contains("the fakes' databases need a Docker engine, and none answered", StringComparison.Ordinal));
        outcome.Results.Count.ShouldBe(PreDeployScenarioTests.AllPreDeploy.Length);
    }

    [Fact]
    public async Task Items_that_read_no_database_need_no_docker_engine_in_fakes_mode()
    {
        // The fakes' database server starts on first need: a run of items that read none never asks for one.
        var outcome = await Checklist.RunAsync(
            new Selection([Phases.PreDeploy], [CheckIds.StripeKeysLive, CheckIds.ProdConfigVarsPresent]),
            new Dictionary<string, string>
            {
                [Settings.Target] = "fakes:ready",
                [Settings.FakesPostgres] = string.Empty,
                ["DOCKER_HOST"] = "tcp://127.0.0.1:1",
            },
            null
        );

        outcome.Results.Select(r => r.CheckId).ShouldBe([CheckIds.ProdConfigVarsPresent, CheckIds.StripeKeysLive], ignoreOrder: true);
        outcome.FailedIds.ShouldBeEmpty(outcome.Render());
    }

    [Fact]
    public async Task Only_the_items_that_read_a_database_start_the_fakes_database_server()
    {
        // Items.ReadingDatabases is what run-preflight.sh asks (through the runner) before it sets up a Docker
        // engine: every other item, of both phases, must read no database, which the lazily started server shows.
        var ct = TestContext.Current.CancellationToken;
        await using var fakes = await FakeWorld.StartAsync(
            ScenarioCatalog.Get(ScenarioNames.Deployed),
            SharedPostgres.Options,
            cancellationToken: ct
        );
        var others = Items.Ids.Except(Items.ReadingDatabases).ToList();

        var withoutDatabase = await Checklist.RunAsync(new Selection(Phases.All, others), fakes.Variables, null);
        withoutDatabase.FailedIds.ShouldBeEmpty(withoutDatabase.Render());
        withoutDatabase.Results.Select(r => r.CheckId).ShouldBe(others, ignoreOrder: true);
        fakes.Databases!.Started.ShouldBeFalse();

        // A live run reaches the fakes' databases through their forwarder: its first connection starts them. The
        // connection is the test's own (an SSLRequest, answered once the server is up), so the run's items do not
        // spend their 10s connect timeout on a container start, whose length is the machine's, not the checklist's.
        var url = new Uri(fakes.Scenario.Staging.ConfigVars["DATABASE_URL"]!);
        using (var first = new TcpClient())
        {
            await first.ConnectAsync(url.Host, url.Port, ct);
            var stream = first.GetStream();
            await stream.WriteAsync(new byte[] { 0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F }, ct);
            var answer = new byte[1];
            (await stream.ReadAsync(answer, ct)).ShouldBe(1);
            ((char)answer[0]).ShouldBeOneOf('S', 'N');
        }

        fakes.Databases.Started.ShouldBeTrue();
        (await fakes.DatabasesReadyAsync(ct)).ShouldBeNull();
        var withDatabase = await Checklist.RunAsync(new Selection(Phases.All, Items.ReadingDatabases), fakes.Variables, null);
        withDatabase.FailedIds.ShouldBeEmpty(withDatabase.Render());
        withDatabase.Results.Select(r => r.CheckId).ShouldBe(Items.ReadingDatabases, ignoreOrder: true);
    }
}
