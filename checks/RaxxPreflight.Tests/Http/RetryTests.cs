using RaxxPreflight.Http;
using RaxxPreflight.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RaxxPreflight.Tests.Http;

/// <summary>Transient faults are retried, bounded and visibly; writes never are.</summary>
public sealed class RetryTests : IDisposable
{
    private readonly WireMockServer server = WireMockServer.Start();
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_503_once_then_an_answer_passes_and_the_retry_is_told()
    {
        server
            .Given(Request.Create().WithPath("/apps/raxx-queue-prod").UsingGet())
            .InScenario("flaky")
            .WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("{\"id\":\"unavailable\",\"message\":\"try later\"}"));
        server
            .Given(Request.Create().WithPath("/apps/raxx-queue-prod").UsingGet())
            .InScenario("flaky")
            .WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"id\":\"1\",\"name\":\"raxx-queue-prod\"}"));
        var heard = RetryLog.Listen();

        var app = await RealClients.Heroku(new Uri(server.Url + "/"), "HRKU-test-key-000000").GetAppAsync("raxx-queue-prod", ct);

        app.Name.ShouldBe("raxx-queue-prod");
        heard.ShouldBe(["GET /apps/raxx-queue-prod passed after 1 retry (503)"]);
        server.LogEntries.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_shared_read_tells_its_retry_to_every_item_that_awaits_it_whoever_started_it()
    {
        var gate = new TaskCompletionSource();
        var reads = 0;
        var shared = new RaxxPreflight.World.Once<string>(async () =>
        {
            Interlocked.Increment(ref reads);
            await gate.Task;
            RetryLog.Record("GET /apps/raxx-queue-staging passed after 1 retry (503)");
            return "raxx-queue-staging";
        });

        // Started by no item (as the read-ahead starts it), then awaited by two items, each listening in its own flow.
        var started = shared.Value;
        async Task<IReadOnlyList<string>> Item()
        {
            var heard = RetryLog.Listen();
            (await shared).ShouldBe("raxx-queue-staging");
            return heard;
        }

        var first = Task.Run(Item, ct);
        var second = Task.Run(Item, ct);
        gate.SetResult();

        (await first).ShouldBe(["GET /apps/raxx-queue-staging passed after 1 retry (503)"]);
        (await second).ShouldBe(["GET /apps/raxx-queue-staging passed after 1 retry (503)"]);
        (await started).ShouldBe("raxx-queue-staging");
        reads.ShouldBe(1);
    }

    [Fact]
    public async Task An_exhausted_budget_fails_naming_every_attempt()
    {
        server
            .Given(Request.Create().WithPath("/apps/raxx-queue-prod").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(502).WithBody("<html>Bad Gateway</html>"));

        var error = await Should.ThrowAsync<RemoteServiceException>(() =>
            RealClients.Heroku(new Uri(server.Url + "/"), "HRKU-test-key-000000").GetAppAsync("raxx-queue-prod", ct)
        );

        error.Message.ShouldBe(
            "Heroku API answered 502 to GET /apps/raxx-queue-prod after 3 attempts: 502, 502, 502: Heroku is failing: check https://status.heroku.com and run again"
        );
        server.LogEntries.Count.ShouldBe(1 + RetryHandler.MaxRetries);
    }

    [Fact]
    public async Task A_429_with_the_hourly_budget_spent_is_not_retried()
    {
        server
            .Given(Request.Create().WithPath("/apps/raxx-queue-prod").UsingGet())
            .RespondWith(
                Response
                    .Create()
                    .WithStatusCode(429)
                    .WithHeader("RateLimit-Remaining", "0")
                    .WithBody("{\"id\":\"rate_limit\",\"message\":\"Your account reached the API rate limit\"}")
            );

        var error = await Should.ThrowAsync<RemoteServiceException>(() =>
            RealClients.Heroku(new Uri(server.Url + "/"), "HRKU-test-key-000000").GetAppAsync("raxx-queue-prod", ct)
        );

        error.StatusCode.ShouldBe(429);
        server.LogEntries.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_asked_again()
    {
        server
            .Given(Request.Create().WithPath("/apps/raxx-queue-prod").UsingGet())
            .InScenario("limited")
            .WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0"));
        server
            .Given(Request.Create().WithPath("/apps/raxx-queue-prod").UsingGet())
            .InScenario("limited")
            .WhenStateIs("free")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"id\":\"1\",\"name\":\"raxx-queue-prod\"}"));

        (await RealClients.Heroku(new Uri(server.Url + "/"), "HRKU-test-key-000000").GetAppAsync("raxx-queue-prod", ct)).Name.ShouldBe(
            "raxx-queue-prod"
        );
    }

    [Fact]
    public async Task The_log_session_POST_is_never_retried()
    {
        server
            .Given(Request.Create().WithPath("/apps/raxx-queue-prod/log-sessions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(503));
        var client = RealClients.HerokuWithLogSessions(new Uri(server.Url + "/"), "HRKU-test-key-000000");

        await Should.ThrowAsync<RemoteServiceException>(() => client.CreateLogSessionAsync("raxx-queue-prod", 100, ct));

        server.LogEntries.Count.ShouldBe(1);
    }

    /// <inheritdoc />
    public void Dispose() => server.Stop();
}
