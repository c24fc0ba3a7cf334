using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Http;
using RaxxPreflight.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RaxxPreflight.Tests.ApiClients;

public sealed class GitHubAndStripeClientTests : IDisposable
{
    private readonly FakeWorld fakes = FakeWorld.Start(SeedScenarios.Ready());
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task GitHub_environment_rules_are_read_through_octokits_connection()
    {
        var environment = await RealClients
            .GitHub(fakes.GitHub.Url, fakes.GitHubToken)
            .GetEnvironmentAsync("raxx-app", "TradeMasterAPI", "production");

        environment.Name.ShouldBe("production");
        var rule = environment.ProtectionRules.ShouldHaveSingleItem();
        rule.Type.ShouldBe("required_reviewers");
        rule.Reviewers!.ShouldHaveSingleItem().Type.ShouldBe("User");
    }

    [Fact]
    public async Task GitHub_environments_are_found_by_name_in_any_case_and_a_missing_one_is_404()
    {
        var reader = RealClients.GitHub(fakes.GitHub.Url, fakes.GitHubToken);

        var environment = await reader.GetEnvironmentAsync("raxx-app", "TradeMasterAPI", "Production");
        var missing = await Should.ThrowAsync<RemoteServiceException>(() =>
            reader.GetEnvironmentAsync("raxx-app", "TradeMasterAPI", "prod-eu")
        );

        environment.Name.ShouldBe("production");
        missing.StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task GitHub_file_content_is_decoded_from_wrapped_base64()
    {
        var text = await RealClients
            .GitHub(fakes.GitHub.Url, fakes.GitHubToken)
            .GetFileAsync("raxx-app", "TradeMasterAPI", DeployWorkflow.Path, "main");

        text.ShouldBe(DeployWorkflow.WithConfirmGate);
    }

    [Fact]
    public async Task GitHub_newest_successful_run_skips_a_newer_failed_one()
    {
        var reader = RealClients.GitHub(fakes.GitHub.Url, fakes.GitHubToken);

        var run = await reader.GetNewestSuccessfulRunAsync("raxx-app", "TradeMasterAPI", "deploy-queue.yml", "main");
        var head = await reader.GetHeadShaAsync("raxx-app", "TradeMasterAPI", "main");

        run.ShouldNotBeNull();
        run.RunNumber.ShouldBe(42);
        run.HeadSha.ShouldBe(SeedScenarios.MainHead);
        head.ShouldBe(SeedScenarios.MainHead);
    }

    [Fact]
    public async Task GitHub_rejected_token_says_which_variable_to_fix()
    {
        var error = await Should.ThrowAsync<RemoteServiceException>(() =>
            RealClients.GitHub(fakes.GitHub.Url, "ghp_wrong").GetHeadShaAsync("raxx-app", "TradeMasterAPI", "main")
        );

        error.StatusCode.ShouldBe(401);
        error.Message.ShouldBe(
            "GitHub API answered 401 to GET repos/raxx-app/TradeMasterAPI/commits/main (\"Bad credentials\"): the token in GITHUB_TOKEN was rejected: set a valid one (gh auth token)"
        );
    }

    [Fact]
    public async Task GitHub_unknown_environment_is_a_404()
    {
        var error = await Should.ThrowAsync<RemoteServiceException>(() =>
            RealClients.GitHub(fakes.GitHub.Url, fakes.GitHubToken).GetEnvironmentAsync("raxx-app", "TradeMasterAPI", "prod")
        );

        error.StatusCode.ShouldBe(404);
        error.Message.ShouldContain("check github.repository, github.workflow and github.environment in the config");
    }

    [Fact]
    public async Task GitHub_garbage_is_one_line()
    {
        using var server = WireMockServer.Start();
        server
            .Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"sha\": [1, 2"));

        var error = await Should.ThrowAsync<RemoteServiceException>(() =>
            RealClients.GitHub(new Uri(server.Url! + "/"), "t").GetHeadShaAsync("o", "r", "main")
        );

        error.Message.ShouldStartWith("GitHub API answered GET repos/o/r/commits/main with a body that could not be read");
    }

    [Fact]
    public async Task Stripe_says_a_live_key_is_live()
    {
        var key = new RaxxPreflight.Secrets.SecretValue(FakeSecrets.StripeKey("sk_live_", "prod/sk"));

        var answer = await RealClients.Stripe(fakes.Stripe.Url).CheckKeyAsync(key, ct);

        answer.ShouldBe(new RaxxPreflight.Stripe.StripeKeyCheck(200, true, null));
    }

    [Fact]
    public async Task Stripe_refuses_an_unknown_key_with_the_key_masked()
    {
        var raw = FakeSecrets.StripeKey("sk_live_", "revoked");

        var answer = await RealClients.Stripe(fakes.Stripe.Url).CheckKeyAsync(new RaxxPreflight.Secrets.SecretValue(raw), ct);

        answer.Status.ShouldBe(401);
        answer.Refusal.ShouldNotBeNull();
        answer.Refusal.ShouldStartWith("Invalid API Key provided: sk_live_*");
        answer.Refusal.ShouldEndWith(raw[^4..]);
        answer.Refusal.ShouldNotContain(raw[8..^4]);
    }

    [Fact]
    public async Task Stripe_failing_is_one_line()
    {
        using var server = WireMockServer.Start();
        server
            .Given(Request.Create().UsingGet())
            .RespondWith(
                Response
                    .Create()
                    .WithStatusCode(500)
                    .WithBody("{\"error\":{\"message\":\"An unknown error occurred\",\"type\":\"api_error\"}}")
            );

        var error = await Should.ThrowAsync<RemoteServiceException>(() =>
            RealClients.Stripe(new Uri(server.Url! + "/")).CheckKeyAsync(new RaxxPreflight.Secrets.SecretValue("sk_live_x"), ct)
        );

        error.Message.ShouldBe(
            "Stripe API answered 500 to GET /v1/balance (\"An unknown error occurred\"): Stripe is failing: check https://status.stripe.com and run again"
        );
    }

    public void Dispose() => fakes.Dispose();
}
