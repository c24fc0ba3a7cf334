using RaxxPreflight.Http;
using RaxxPreflight.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RaxxPreflight.Tests.Http;

/// <summary>Redirects never take a request past the read-only guard, nor a credential to another host.</summary>
public sealed class RedirectTests : IDisposable
{
    private readonly WireMockServer heroku = WireMockServer.Start();
    private readonly WireMockServer elsewhere = WireMockServer.Start();
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(302)]
    public async Task A_redirect_of_the_log_session_POST_is_refused_and_nothing_is_sent_where_it_points(int status)
    {
        heroku
            .Given(Request.Create().WithPath("/apps/raxx-queue-prod/log-sessions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", "/apps/raxx-queue-prod/releases"));
        heroku
            .Given(Request.Create().WithPath("/apps/raxx-queue-prod/releases"))
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{}"));
        var client = RealClients.HerokuWithLogSessions(new Uri(heroku.Url + "/"), "HRKU-test-key-000000");

        var error = await Should.ThrowAsync<ReadOnlyViolationException>(() => client.CreateLogSessionAsync("raxx-queue-prod", 100, ct));

        error.Message.ShouldBe(
            $"Heroku API: POST /apps/raxx-queue-prod/log-sessions was answered {status} with a redirect to {new Uri(heroku.Url!).Host}/apps/raxx-queue-prod/releases: the checklist never follows a redirect of a write; check that the API URL names the API itself (not a proxy that redirects) and run again"
        );
        heroku
            .LogEntries.Select(e => $"{e.RequestMessage.Method} {e.RequestMessage.Path}")
            .ShouldBe(["POST /apps/raxx-queue-prod/log-sessions"]);
    }

    [Fact]
    public async Task A_GET_redirected_to_another_host_is_named_and_not_followed()
    {
        heroku
            .Given(Request.Create().WithPath("/apps/raxx-queue-prod"))
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", $"{elsewhere.Url}/moved?token=abc"));
        elsewhere
            .Given(Request.Create().WithPath("/moved"))
            .RespondWith(Response.Create().WithStatusCode(406).WithBody("{\"id\":\"not_acceptable\",\"message\":\"no\"}"));

        var error = await Should.ThrowAsync<RemoteServiceException>(() =>
            RealClients.Heroku(new Uri(heroku.Url + "/"), "HRKU-test-key-000000").GetAppAsync("raxx-queue-prod", ct)
        );

        // Named as what happened, not judged by what the other host says (its 406 is no answer of Heroku's).
        error.Message.ShouldBe(
            $"Heroku API redirected GET /apps/raxx-queue-prod to {elsewhere.Url}/moved: not followed: check that the API URL names the API itself (not a proxy or another host that redirects) and run again"
        );
        elsewhere.LogEntries.ShouldBeEmpty();
        heroku.LogEntries.Count.ShouldBe(1, "a refused redirect is not retried");
    }

    [Fact]
    public async Task GitHub_s_client_names_a_redirect_to_another_host_too()
    {
        heroku
            .Given(Request.Create().WithPath("/repos/raxx-app/TradeMasterAPI/environments/production"))
            .RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", $"{elsewhere.Url}/login"));

        var error = await Should.ThrowAsync<RemoteServiceException>(() =>
            RealClients.GitHub(new Uri(heroku.Url + "/"), "ghp_test").GetEnvironmentAsync("raxx-app", "TradeMasterAPI", "production")
        );

        error.Message.ShouldStartWith(
            $"GitHub API redirected GET /repos/raxx-app/TradeMasterAPI/environments/production to {elsewhere.Url}/login: not followed"
        );
        elsewhere.LogEntries.ShouldBeEmpty();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        heroku.Stop();
        elsewhere.Stop();
    }
}
