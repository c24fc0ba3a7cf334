using System.Net;
using System.Text.Json.Nodes;
using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.Fakes;

/// <summary>The fakes answer in the shapes of the official contracts in ../shared/api-contracts.</summary>
public sealed class FakesMatchTheContractsTests : IDisposable
{
    private const string HerokuAccept = "application/vnd.heroku+json; version=3";
    private readonly FakeWorld fakes = FakeWorld.Start(SeedScenarios.Ready());
    private readonly HttpClient http = new();
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("apps/raxx-queue-staging", "#/definitions/app")]
    [InlineData("apps/6a1c9e3f-52d7-4b08-8e4a-8d1e5b2c9a47", "#/definitions/app")]
    public async Task Heroku_apps_have_every_field_of_the_schema(string path, string schema)
    {
        var body = await Heroku(path);

        SchemaCheck.Load(Repo.Contract("heroku-platform-api-schema.json"), everyProperty: true).Problems(body, schema).ShouldBeEmpty();
        ((string)body["web_url"]!).ShouldMatch(@"^https?://[a-z][a-z0-9-]{3,43}\.herokuapp\.com/$");
    }

    [Fact]
    public async Task Heroku_addons_have_every_field_of_the_schema()
    {
        var body = (JsonArray)(await Heroku("apps/raxx-queue-prod/addons"))!;

        var addon = body.ShouldHaveSingleItem();
        SchemaCheck
            .Load(Repo.Contract("heroku-platform-api-schema.json"), everyProperty: true)
            .Problems(addon, "#/definitions/add-on")
            .ShouldBeEmpty();
        ((string)addon!["plan"]!["name"]!).ShouldBe("heroku-postgresql:standard-0");
    }

    [Fact]
    public async Task Heroku_addon_attachments_have_every_field_of_the_schema_and_name_the_add_on()
    {
        var addon = ((JsonArray)(await Heroku("apps/raxx-queue-prod/addons"))!).ShouldHaveSingleItem()!;
        var body = (JsonArray)(await Heroku("apps/raxx-queue-prod/addon-attachments"))!;

        var attachment = body.ShouldHaveSingleItem();
        SchemaCheck
            .Load(Repo.Contract("heroku-platform-api-schema.json"), everyProperty: true)
            .Problems(attachment, "#/definitions/add-on-attachment")
            .ShouldBeEmpty();
        ((string)attachment!["name"]!).ShouldBe("DATABASE");
        ((string)attachment["addon"]!["id"]!).ShouldBe((string)addon["id"]!);
        ((JsonArray)addon["config_vars"]!).Select(v => (string)v!).ShouldBe(["DATABASE_URL"]);
    }

    [Fact]
    public async Task Heroku_refuses_a_request_without_the_versioned_accept_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fakes.Heroku.Url, "apps/raxx-queue-prod"));
        request.Headers.Authorization = new("Bearer", fakes.HerokuApiKey);

        using var response = await http.SendAsync(request, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotAcceptable);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
        ((string)error["id"]!).ShouldBe("not_acceptable");
        response.Headers.Contains("Request-Id").ShouldBeTrue();
        response.Headers.Contains("RateLimit-Remaining").ShouldBeTrue();
    }

    [Theory]
    [InlineData("id ..; order=desc,max=1")]
    [InlineData("id ..; max=1, order=desc")]
    public async Task Heroku_parses_range_as_clients_write_it(string range)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fakes.Heroku.Url, "apps/raxx-queue-prod/addons"));
        request.Headers.Authorization = new("Bearer", fakes.HerokuApiKey);
        request.Headers.TryAddWithoutValidation("Accept", HerokuAccept);
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await http.SendAsync(request, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!.AsArray().Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("repos/raxx-app/TradeMasterAPI/environments/production", "#/components/schemas/environment")]
    [InlineData("repos/raxx-app/TradeMasterAPI/contents/.github/workflows/deploy-queue.yml?ref=main", "#/components/schemas/content-file")]
    public async Task GitHub_answers_in_the_rest_descriptions_shapes(string path, string schema)
    {
        var body = await GitHub(path);

        SchemaCheck.Load(Repo.Contract("github-rest-subset.json"), everyProperty: false).Problems(body, schema).ShouldBeEmpty();
    }

    [Fact]
    public async Task GitHub_workflow_runs_answer_in_the_rest_descriptions_shape()
    {
        var body = await GitHub("repos/raxx-app/TradeMasterAPI/actions/workflows/deploy-queue.yml/runs?branch=main&status=success");

        var runs = body["workflow_runs"]!.AsArray();
        runs.Count.ShouldBe(2);
        ((int)body["total_count"]!).ShouldBe(2);
        var contract = SchemaCheck.Load(Repo.Contract("github-rest-subset.json"), everyProperty: false);
        foreach (var run in runs)
        {
            contract.Problems(run, "#/components/schemas/workflow-run").ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task GitHub_wraps_base64_content_at_60_characters()
    {
        var body = await GitHub("repos/raxx-app/TradeMasterAPI/contents/.github/workflows/deploy-queue.yml?ref=main");

        var lines = ((string)body["content"]!).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBeGreaterThan(1);
        lines[..^1].ShouldAllBe(line => line.Length == 60);
    }

    [Fact]
    public async Task Stripe_balance_answers_in_the_openapi_shape()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fakes.Stripe.Url, "v1/balance"));
        request.Headers.Authorization = new("Bearer", FakeSecrets.StripeKey("sk_live_", "prod/sk"));

        using var response = await http.SendAsync(request, ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        SchemaCheck
            .Load(Repo.Contract("stripe-openapi-subset.json"), everyProperty: false)
            .Problems(body, "#/components/schemas/balance")
            .ShouldBeEmpty();
        ((bool)body!["livemode"]!).ShouldBeTrue();
    }

    public void Dispose()
    {
        http.Dispose();
        fakes.Dispose();
    }

    private async Task<JsonNode> Heroku(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fakes.Heroku.Url, path));
        request.Headers.Authorization = new("Bearer", fakes.HerokuApiKey);
        request.Headers.TryAddWithoutValidation("Accept", HerokuAccept);
        using var response = await http.SendAsync(request, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
    }

    private async Task<JsonNode> GitHub(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fakes.GitHub.Url, path));
        request.Headers.Authorization = new("Bearer", fakes.GitHubToken);
        using var response = await http.SendAsync(request, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
    }
}
