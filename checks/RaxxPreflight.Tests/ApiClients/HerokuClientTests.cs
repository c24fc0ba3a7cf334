using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Http;
using RaxxPreflight.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RaxxPreflight.Tests.ApiClients;

public sealed class HerokuClientTests : IDisposable
{
    private readonly FakeWorld fakes = FakeWorld.Start(SeedScenarios.Blocked());
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task It_reads_an_app_by_name_with_its_web_url()
    {
        var app = await RealClients.Heroku(fakes).GetAppAsync("raxx-queue-prod", ct);

        app.Name.ShouldBe("raxx-queue-prod");
        app.Id.ShouldBe("0d4f6e2a-3b1c-4a5d-9e8f-327fa047b4b6");
        app.WebUrl.ShouldBe(new Uri("https://raxx-queue-prod-327fa047b4b6.herokuapp.com/"));
        app.Stack!.Name.ShouldBe("container");
    }

    [Fact]
    public async Task Below_the_rate_floor_it_stops_asking_and_says_why()
    {
        // The account has 202 requests left: two answers take it to 200 (the floor, still asked), the third to 199.
        using var world = FakeWorld.Start(FleetScenarios.Clear() with { HerokuRateRemaining = 202 });
        var client = new RaxxPreflight.Heroku.HerokuClient(
            new Flurl.Http.FlurlClient(HttpPipeline.CreateClient(TimeSpan.FromSeconds(30))) { BaseUrl = world.Heroku.Url.ToString() },
            new RaxxPreflight.Secrets.SecretValue(world.HerokuApiKey)
        )
        {
            RateFloor = 200,
        };

        client.Remaining.ShouldBeNull();
        for (var i = 0; i < 3; i++)
        {
            await client.GetAppAsync("raxx-queue-prod", ct);
        }

        client.Remaining.ShouldBe(199);
        var refused = await Should.ThrowAsync<RemoteServiceException>(() => client.GetConfigVarsAsync("raxx-queue-prod", ct));
        refused.Message.ShouldBe(
            "Heroku API: GET /apps/raxx-queue-prod/config-vars was not asked: the account has 199 requests left this hour (RateLimit-Remaining), under the floor of 200 the checklist leaves to everyone else (api.herokuRateFloor); run again when the hour turns"
        );
        world.Heroku.Requests.Count.ShouldBe(3, "nothing was sent below the floor");
    }

    [Fact]
    public async Task After_a_429_the_floors_line_says_the_api_refused_already()
    {
        var server = WireMock.Server.WireMockServer.Start();
        try
        {
            server
                .Given(WireMock.RequestBuilders.Request.Create().UsingGet())
                .RespondWith(
                    WireMock
                        .ResponseBuilders.Response.Create()
                        .WithStatusCode(429)
                        .WithHeader("RateLimit-Remaining", "0")
                        .WithBody("""{"id":"rate_limit","message":"Your account reached the API rate limit"}""")
                );
            var client = RealClients.Heroku(new Uri(server.Url + "/"), "HRKU-test-key-000000");

            var refused = await Should.ThrowAsync<RemoteServiceException>(() => client.GetAppAsync("raxx-queue-prod", ct));
            refused.Message.ShouldContain("answered 429 rate_limit");
            var notAsked = await Should.ThrowAsync<RemoteServiceException>(() => client.GetConfigVarsAsync("raxx-queue-prod", ct));
            notAsked.Message.ShouldBe(
                "Heroku API: GET /apps/raxx-queue-prod/config-vars was not asked: the account has 0 requests left this hour (RateLimit-Remaining; the API already answered 429 Too Many Requests), under the floor of 200 the checklist leaves to everyone else (api.herokuRateFloor); run again when the hour turns"
            );
        }
        finally
        {
            server.Stop();
        }
    }

    [Fact]
    public async Task It_reads_config_vars_as_secrets()
    {
        var vars = await RealClients.Heroku(fakes).GetConfigVarsAsync("raxx-queue-prod", ct);

        vars.SetNames.ShouldBe(["DATABASE_URL", "SENTRY_DSN_QUEUE"]);
        vars.Get("DATABASE_URL")!.ToString().ShouldStartWith("postgres://****");
    }

    [Fact]
    public async Task It_follows_next_range_across_pages()
    {
        var scenario = SeedScenarios.Blocked();
        var many = scenario with
        {
            Staging = scenario.Staging with
            {
                Addons = [.. Enumerable.Range(1, 5).Select(i => new AddonState($"addon-{i}", "papertrail", "papertrail:choklad"))],
            },
        };
        using var world = FakeWorld.Start(many);

        var addons = await RealClients
            .Heroku(world)
            .GetListAsync<RaxxPreflight.Heroku.HerokuAddon>(["apps", "raxx-queue-staging", "addons"], "name ..; max=2", "add-ons", ct);

        addons.Select(a => a.Name).ShouldBe(["addon-1", "addon-2", "addon-3", "addon-4", "addon-5"]);
        world.Heroku.Requests.Count.ShouldBe(3);
        world.Heroku.Requests[1].Headers!["Range"].Single().ShouldBe("name ]addon-2..; max=2, order=asc");
    }

    [Fact]
    public async Task A_rejected_key_says_which_variable_to_fix()
    {
        var error = await Should.ThrowAsync<RemoteServiceException>(() =>
            RealClients.Heroku(fakes.Heroku.Url, "wrong").GetAppAsync("raxx-queue-prod", ct)
        );

        error.StatusCode.ShouldBe(401);
        error.Message.ShouldBe(
            "Heroku API answered 401 unauthorized to GET /apps/raxx-queue-prod (\"Invalid credentials provided.\"): the key in HEROKU_API_KEY was rejected: set a valid one (heroku auth:token)"
        );
    }

    [Fact]
    public async Task An_unknown_app_says_to_check_the_config()
    {
        var error = await Should.ThrowAsync<RemoteServiceException>(() =>
            RealClients.Heroku(fakes).GetConfigVarsAsync("raxx-queue-typo", ct)
        );

        error.Message.ShouldStartWith(
            "Heroku API answered 404 not_found to GET /apps/raxx-queue-typo/config-vars (\"Couldn't find that app.\"): check the app names in the config"
        );
    }

    [Theory]
    [InlineData(
        429,
        "{\"id\":\"rate_limit\",\"message\":\"Your account reached the API rate limit\"}",
        "Heroku API answered 429 rate_limit to GET /apps/a (\"Your account reached the API rate limit\"): the account's rate limit is used up (RateLimit-Remaining: 0)"
    )]
    [InlineData(503, "<html>oops</html>", "Heroku API answered 503 to GET /apps/a after 3 attempts: 503, 503, 503: Heroku is failing")]
    [InlineData(200, "<html>not json</html>", "Heroku API answered 200 to GET /apps/a with a body that is not an app object")]
    [InlineData(200, "[1,2]", "Heroku API answered 200 to GET /apps/a with a body that is not an app object")]
    public async Task A_bad_answer_is_one_line_naming_the_service_and_status(int status, string body, string expected)
    {
        using var server = WireMockServer.Start();
        server
            .Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("RateLimit-Remaining", "0").WithBody(body));

        var error = await Should.ThrowAsync<RemoteServiceException>(() =>
            RealClients.Heroku(new Uri(server.Url! + "/"), "k").GetAppAsync("a", ct)
        );

        error.Message.ShouldStartWith(expected);
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public async Task An_unreachable_api_is_one_line()
    {
        var error = await Should.ThrowAsync<RemoteServiceException>(() =>
            RealClients.Heroku(new Uri("http://127.0.0.1:9/"), "k").GetAppAsync("a", ct)
        );

        error.Message.ShouldStartWith("Heroku API could not be reached for GET /apps/a (127.0.0.1:");
    }

    public void Dispose() => fakes.Dispose();
}
