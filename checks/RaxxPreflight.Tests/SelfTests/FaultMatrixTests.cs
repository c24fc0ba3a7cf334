using System.Text.Json.Nodes;
using RaxxPreflight.Declarations;
using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Fakes.Servers;
using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>
/// The fault matrix: the whole checklist (both phases, on the deployed world where every item passes) with one fault
/// injected per service. Heroku is read by nearly every item, so its cells run alone; GitHub, Stripe, the health
/// endpoints, the log sessions and Postgres are each read by items no other of them feeds, so one run injects the
/// fault into all five at once and still knows which failure comes from where. Per cell: exactly the items that read a
/// faulted service fail (or pass after a retry when the fault is transient), every failure is one line naming the
/// service, what it answered and what to do, nothing waits past its bound, no secret of the world reaches any output,
/// nothing but a read (and the log-session POST) reaches Heroku, and no credential reaches another host.
/// </summary>
public sealed class FaultMatrixTests
{
    private const string Heroku = "heroku";
    private const string GitHub = "github";
    private const string Stripe = "stripe";
    private const string Health = "health";
    private const string Logs = "logs";
    private const string Postgres = "postgres";

    // The bounds the matrix runs with (every read 10 s where the services never answer, else 30 s; a wait 2 s) are
    // generous, so that a loaded machine cannot turn a slow answer into a fault (a health probe bounded by 5 s once
    // timed out on a truncated answer with two CPU hogs beside the suite); only the cells where a service never answers
    // wait them out. No item may take as long as a 30 s bound: no cell but those may wait one out.
    private const double Bound = 28;

    /// <summary>
    /// What each item reads (the services whose faults it must report), as its declaration says (<c>[Item(Sources =
    /// ...)]</c>): the cells hold the declarations to what the items do, both ways.
    /// </summary>
    private static readonly Dictionary<string, string[]> Reads = Items.Catalog.Items.ToDictionary(
        i => i.Id,
        i => Services(i.Sources),
        StringComparer.Ordinal
    );

    // Postgres speaks no HTTP: a wrong password stands for 401, a database that is gone for 404.
    private static readonly string[] PostgresFaults =
    [
        Faults.Unauthorized,
        Faults.NotFound,
        Faults.Refused,
        Faults.NoAnswer,
        Faults.MalformedJson,
        Faults.HtmlWith200,
        Faults.Truncated,
    ];

    /// <summary>The faults injected where: into Heroku, or into the other services at once.</summary>
    public static TheoryData<string> FaultsFor(string where) =>
        [.. Faults.All.Where(f => where == Heroku || f != Faults.RedirectOfThePost)];

    [Fact]
    public void Every_item_declares_a_service_it_reads()
    {
        Reads.Where(r => r.Value.Length == 0).Select(r => r.Key).ShouldBeEmpty();

        // The matrix's database readers are the ones run-preflight.sh sets Docker up for.
        Reads.Where(r => r.Value.Contains(Postgres)).Select(r => r.Key).ShouldBe(Items.ReadingDatabases, ignoreOrder: true);
    }

    private static string[] Services(Source sources) =>
        [
            .. new[]
            {
                (Source.Heroku, Heroku),
                (Source.GitHub, GitHub),
                (Source.Stripe, Stripe),
                (Source.Health, Health),
                (Source.Logs, Logs),
                (Source.Postgres, Postgres),
            }
                .Where(s => sources.HasFlag(s.Item1))
                .Select(s => s.Item2),
        ];

    // One cell: the whole checklist with the fault injected where it says (Heroku, or the other services at once).
    internal static async Task RunCellAsync(string where, string fault)
    {
        await using var elsewhere = new Elsewhere();
        var faulted = new List<string>();
        await using var cell = new Cell(shortBounds: fault == Faults.NoAnswer);
        var fakes = await cell.StartAsync(
            DeployScenarios.Deployed(),
            scenario => where != Heroku && PostgresFaults.Contains(fault) ? WithFaultyProdDatabase(scenario, fault, cell) : scenario
        );
        var variables = new Dictionary<string, string>(fakes.Variables)
        {
            [Settings.Config] = cell.Config,
            [Settings.SettleTimeout] = "2",
            [Settings.PollInterval] = "0.2",
        };

        if (where == Heroku)
        {
            var post = fault == Faults.RedirectOfThePost;
            var heroku = await cell.ProxyAsync(
                fakes.Heroku.Url,
                fault,
                (method, _) => post ? method == "POST" : method == "GET",
                elsewhere.Url
            );
            variables[Settings.HerokuApiUrl] = heroku.Url.ToString();
            faulted.Add(Heroku);
        }
        else
        {
            variables[Settings.GitHubApiUrl] = (await cell.ProxyAsync(fakes.GitHub.Url, fault, Always, elsewhere.Url)).Url.ToString();
            variables[Settings.StripeApiUrl] = (await cell.ProxyAsync(fakes.Stripe.Url, fault, Always, elsewhere.Url)).Url.ToString();

            // The routers and logplex speak TLS: so do their proxies, with the fakes' certificate the run pins.
            var staging = await cell.ProxyAsync(Loopback(fakes.StagingRouter.Port), fault, Always, elsewhere.Url);
            var prod = await cell.ProxyAsync(Loopback(fakes.ProdRouter.Port), fault, Always, elsewhere.Url);
            var logplex = await cell.ProxyAsync(Loopback(fakes.Logplex.Port), fault, Always, elsewhere.Url);
            variables[Settings.Resolve] = string.Join(
                ';',
                $"{fakes.StagingRouter.Host}:443=127.0.0.1:{staging.Port}",
                $"{fakes.ProdRouter.Host}:443=127.0.0.1:{prod.Port}",
                $"{LogplexFake.Host}:443=127.0.0.1:{logplex.Port}"
            );
            faulted.AddRange([GitHub, Stripe, Health, Logs]);
            if (PostgresFaults.Contains(fault))
            {
                faulted.Add(Postgres);
            }
        }

        var outcome = await Checklist.RunAsync(Selection.Of(Phases.PreDeploy, Phases.PostDeploy), variables, null);
        var render = $"{where} x {fault}\n{outcome.Render()}";

        // Exactly the items that read a faulted service fail; a transient fault fails nothing.
        var expected =
            fault == Faults.UnavailableOnce ? new List<string>()
            : fault == Faults.RedirectOfThePost ? new List<string> { CheckIds.ProdStartupLogsClean }
            : Reads.Where(r => r.Value.Intersect(faulted).Any()).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        outcome.FailedIds.Order(StringComparer.Ordinal).ToList().ShouldBe(expected, ignoreOrder: false, render);
        outcome.Results.Count.ShouldBe(Reads.Count, render);

        foreach (var result in outcome.Results)
        {
            result.Seconds.ShouldBeLessThan(Bound, $"{result.CheckId} waited past its bound\n{render}");
            if (!result.Failed)
            {
                continue;
            }

            var reason = result.Reason.ShouldNotBeNull(render);
            reason.ShouldNotContain("\n", Case.Sensitive, render);
            reason.ShouldNotContain("Exception", Case.Sensitive, render);
            var services = Reads[result.CheckId].Intersect(faulted).ToList();
            services
                .Any(s => reason.Contains(ServiceWord(s), StringComparison.OrdinalIgnoreCase))
                .ShouldBeTrue($"{result.CheckId} does not name the service: {reason}");
            if (fault != Faults.UnavailableOnce && Faults.Status(fault) is { } status && !services.SequenceEqual([Postgres]))
            {
                reason.ShouldContain(status.ToString(System.Globalization.CultureInfo.InvariantCulture), Case.Sensitive, render);
            }

            if (Cause(fault, services) is { } cause)
            {
                reason.ShouldContain(cause, Case.Insensitive, render);
            }

            (result.Fixes.Count > 0 || Actions.Any(a => reason.Contains(a, StringComparison.Ordinal))).ShouldBeTrue(
                $"{result.CheckId} says nothing to do: {reason}"
            );
        }

        if (fault == Faults.UnavailableOnce)
        {
            outcome.Results.ShouldContain(
                r => r.Reason != null && r.Reason.Contains("after 1 retry (503)", StringComparison.Ordinal),
                render
            );
        }

        // Never a write: nothing but reads and the log-session POST reached Heroku, and no credential left its API's host.
        fakes
            .Heroku.Requests.Where(r => r.Method != "GET")
            .Select(r => $"{r.Method} {r.AbsolutePath}")
            .ShouldAllBe(r => r.EndsWith("/log-sessions", StringComparison.Ordinal), render);
        elsewhere.Authorizations.ShouldBeEmpty(render);

        var everything = FaultTests.Everything(outcome);
        foreach (
            var secret in fakes
                .Scenario.SecretValues.Append(fakes.HerokuApiKey)
                .Append(fakes.GitHubToken)
                .Append(cell.DatabasePassword ?? fakes.HerokuApiKey)
        )
        {
            everything.ShouldNotContain(
                secret,
                Case.Sensitive,
                $"a secret ({RaxxPreflight.Secrets.SecretMask.Mask(secret)}) was printed\n{render}"
            );
        }
    }

    private static readonly string[] Actions = ["run again", "set ", "check ", "heroku ", "gh ", "give ", "start ", "fix ", "make sure"];

    // The words a failure must use for its cause, where the cause is the same whoever meets it.
    private static string? Cause(string fault, List<string> services) =>
        fault switch
        {
            Faults.Truncated when services.SequenceEqual([Postgres]) => "did not speak PostgreSQL's protocol",
            Faults.Truncated => "cut off",
            Faults.Oversized when !services.Contains(Health) => "over 8 MB",
            Faults.MalformedJson or Faults.HtmlWith200 when services.SequenceEqual([Postgres]) => "did not speak PostgreSQL's protocol",
            Faults.NoAnswer => services.SequenceEqual([Postgres]) ? "did not answer within 10s" : "in",
            Faults.Refused => "refused",
            Faults.RedirectOfThePost => "never follows a redirect of a write",
            Faults.RedirectElsewhere when !services.Contains(Postgres) => "not followed",
            _ => null,
        };

    private static bool Always(string method, string path) => true;

    private static Uri Loopback(int port) => new($"https://127.0.0.1:{port}/");

    private static string ServiceWord(string service) =>
        service switch
        {
            Heroku => "Heroku",
            GitHub => "GitHub",
            Stripe => "Stripe",
            Health => "health",
            Logs => "log",
            _ => "database",
        };

    // Prod's DATABASE_URL pointed at the fault: a wrong password, a database that is not there, or a server that is not Postgres.
    private static Scenario WithFaultyProdDatabase(Scenario scenario, string fault, Cell cell)
    {
        var real = new Uri(scenario.Prod.ConfigVars["DATABASE_URL"]!);
        cell.DatabasePassword = Uri.UnescapeDataString(real.UserInfo.Split(':', 2)[1]);
        var url = new UriBuilder(real);
        switch (fault)
        {
            case Faults.Unauthorized:
                url.Password = "wrong-password-0123";
                break;
            case Faults.NotFound:
                url.Path = "/raxx_queue_prod_dropped";
                break;
            case Faults.Refused:
                url.Port = cell.Refusing().Port;
                break;
            default:
                url.Port = cell.Tcp(fault).Port;
                break;
        }

        return scenario with
        {
            Prod = scenario.Prod.WithDatabaseUrl(url.Uri.ToString()),
        };
    }

    /// <summary>The servers of one cell, stopped with it.</summary>
    private sealed class Cell : IAsyncDisposable
    {
        private readonly List<IAsyncDisposable> servers = [];
        private FakeWorld? fakes;

        public Cell(bool shortBounds)
        {
            // The repository's config, with short bounds where a fault never answers, so that it costs seconds, not
            // minutes. Only such a cell waits its bounds out: the others take 30 s for every read, so that a machine too
            // busy to answer a healthy read within 10 s cannot fail them (it did once, beside two CPU hogs: 'heroku x
            // redirect-post' failed 13 items that only read through the proxy's healthy GETs).
            var bound = shortBounds ? 10 : RaxxPreflight.Configuration.PreflightConfig.DefaultApiTimeout.TotalSeconds;
            var config = JsonNode.Parse(File.ReadAllText(Repo.DefaultConfig))!.AsObject();
            config["api"] = new JsonObject { ["timeoutSeconds"] = bound };
            config["health"]!["timeoutSeconds"] = bound;
            config["database"]!["connectTimeoutSeconds"] = bound;
            Config = Path.Combine(Path.GetTempPath(), $"preflight-matrix-{Guid.NewGuid():N}.json");
            File.WriteAllText(Config, config.ToJsonString());
        }

        public string Config { get; }

        public string? DatabasePassword { get; set; }

        public async Task<FakeWorld> StartAsync(Scenario scenario, Func<Scenario, Scenario> served)
        {
            fakes = await FakeWorld.StartAsync(
                scenario,
                SharedPostgres.Options,
                served: served,
                cancellationToken: TestContext.Current.CancellationToken
            );
            (await fakes.DatabasesReadyAsync(TestContext.Current.CancellationToken)).ShouldBeNull();
            return fakes;
        }

        public async Task<FaultProxy> ProxyAsync(Uri target, string fault, Func<string, string, bool> faulted, Uri elsewhere)
        {
            var proxy = await FaultProxy.StartAsync(target, fault, faulted, elsewhere);
            servers.Add(proxy);
            return proxy;
        }

        public RefusingPort Refusing()
        {
            var port = new RefusingPort();
            servers.Add(port);
            return port;
        }

        public TcpFault Tcp(string fault)
        {
            var server = TcpFault.Start(fault);
            servers.Add(server);
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }

            if (fakes is not null)
            {
                await fakes.DisposeAsync();
            }

            File.Delete(Config);
        }
    }

    /// <summary>Another host, where a redirect points: it answers 404 and remembers any credential it was sent.</summary>
    private sealed class Elsewhere : IAsyncDisposable
    {
        private readonly WireMockServer server = WireMockServer.Start();

        public Elsewhere() =>
            server
                .Given(Request.Create().UsingAnyMethod())
                .RespondWith(
                    Response
                        .Create()
                        .WithStatusCode(404)
                        .WithHeader("Content-Type", "application/json")
                        .WithBody("{\"id\":\"not_found\",\"message\":\"Not Found\"}")
                );

        // "localhost", not 127.0.0.1: another host by name, as a redirect to a stranger's server would be.
        public Uri Url => new($"http://localhost:{server.Port}/");

        public IReadOnlyList<string> Authorizations =>
            [
                .. server
                    .LogEntries.Select(e => e.RequestMessage.Headers)
                    .Where(h => h is not null && h.ContainsKey("Authorization"))
                    .Select(h => string.Join(",", h!["Authorization"])),
            ];

        public ValueTask DisposeAsync()
        {
            server.Stop();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>The fault matrix's Heroku cells (a class of their own, so that they run beside the other services' cells).</summary>
public sealed class FaultMatrixHerokuTests
{
    [Theory]
    [MemberData(nameof(FaultMatrixTests.FaultsFor), "heroku", MemberType = typeof(FaultMatrixTests))]
    public Task A_heroku_fault_fails_exactly_what_reads_heroku_with_its_cause_and_leaks_nothing(string fault) =>
        FaultMatrixTests.RunCellAsync("heroku", fault);
}

/// <summary>The fault matrix's cells for GitHub, Stripe, health, log sessions and Postgres, injected at once.</summary>
public sealed class FaultMatrixOtherServicesTests
{
    [Theory]
    [MemberData(nameof(FaultMatrixTests.FaultsFor), "others", MemberType = typeof(FaultMatrixTests))]
    public Task A_fault_in_the_other_services_fails_exactly_what_reads_them_with_its_cause_and_leaks_nothing(string fault) =>
        FaultMatrixTests.RunCellAsync("others", fault);
}
