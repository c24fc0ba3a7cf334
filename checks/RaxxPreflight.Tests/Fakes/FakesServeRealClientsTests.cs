using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Octokit;
using Octokit.Internal;
using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Fakes.Servers;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.Fakes;

/// <summary>
/// What real clients (the Heroku CLI, Octokit, Stripe's SDKs) call on the resources the fakes hold, answered as
/// the real APIs do and held to the shared contracts: the single-resource routes, the account, collaborators and
/// couplings, unknown routes, media types, paging headers a paginating client follows, entity tags, the API version,
/// and log sessions streamed as Server-Sent Events.
/// </summary>
public sealed class FakesServeRealClientsTests : IDisposable
{
    private const string HerokuAccept = "application/vnd.heroku+json; version=3";
    private static readonly SchemaCheck HerokuSchema = SchemaCheck.Load(
        Repo.Contract("heroku-platform-api-schema.json"),
        everyProperty: true
    );
    private static readonly SchemaCheck GitHubSchema = SchemaCheck.Load(Repo.Contract("github-rest-subset.json"), everyProperty: false);
    private readonly FakeWorld fakes = FakeWorld.Start(DeployScenarios.Deployed());
    private readonly HttpClient http = FakesTls.Client();
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("account", "#/definitions/account")]
    [InlineData("apps/raxx-queue-prod/releases/6", "#/definitions/release")]
    [InlineData("apps/raxx-queue-prod/formation/web", "#/definitions/formation")]
    [InlineData("apps/raxx-queue-prod/dynos/web.1", "#/definitions/dyno")]
    [InlineData("apps/raxx-queue-prod/pipeline-couplings", "#/definitions/pipeline-coupling")]
    [InlineData("pipelines/raxx-queue", "#/definitions/pipeline")]
    public async Task Heroku_single_resources_have_every_field_of_the_schema(string path, string schema)
    {
        var (status, _, body) = await HerokuAsync(path);

        status.ShouldBe(HttpStatusCode.OK, body);
        HerokuSchema.Problems(JsonNode.Parse(body), schema).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_release_is_found_by_its_version_and_by_its_id_and_a_formation_by_its_type()
    {
        var (_, _, list) = await HerokuAsync("apps/raxx-queue-prod/releases");
        var newest = JsonNode.Parse(list)!.AsArray().OrderBy(r => (int)r!["version"]!).Last()!;

        var byId = JsonNode.Parse((await HerokuAsync($"apps/raxx-queue-prod/releases/{newest["id"]}")).Body)!;
        var byVersion = JsonNode.Parse((await HerokuAsync($"apps/raxx-queue-prod/releases/{newest["version"]}")).Body)!;

        ((string)byId["id"]!).ShouldBe((string)newest["id"]!);
        ((int)byVersion["version"]!).ShouldBe((int)newest["version"]!);
        var (status, _, missing) = await HerokuAsync("apps/raxx-queue-prod/releases/999");
        status.ShouldBe(HttpStatusCode.NotFound);
        ((string)JsonNode.Parse(missing)!["message"]!).ShouldBe("Couldn't find that release.");
    }

    [Fact]
    public async Task Collaborators_and_the_accounts_attachments_are_served_in_the_schemas_shapes()
    {
        var collaborators = JsonNode.Parse((await HerokuAsync("apps/raxx-queue-prod/collaborators")).Body)!.AsArray();
        var attachments = JsonNode.Parse((await HerokuAsync("addon-attachments")).Body)!.AsArray();

        HerokuSchema.Problems(collaborators.ShouldHaveSingleItem(), "#/definitions/collaborator").ShouldBeEmpty();
        attachments
            .Select(a => (string)a!["app"]!["name"]!)
            .Order(StringComparer.Ordinal)
            .ShouldBe(["raxx-queue-prod", "raxx-queue-staging"]);
        foreach (var attachment in attachments)
        {
            HerokuSchema.Problems(attachment, "#/definitions/add-on-attachment").ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task What_the_cli_reads_for_apps_release_info_and_pipeline_info_is_served()
    {
        var apps = JsonNode.Parse((await HerokuAsync("users/~/apps")).Body)!.AsArray();
        var releaseVars = JsonNode.Parse((await HerokuAsync("apps/raxx-queue-prod/releases/6/config-vars")).Body)!.AsObject();
        var pipelines = JsonNode.Parse((await HerokuAsync("pipelines?eq[name]=raxx-queue")).Body)!.AsArray();
        var none = JsonNode.Parse((await HerokuAsync("pipelines?eq[name]=other")).Body)!.AsArray();
        var couplings = JsonNode.Parse((await HerokuAsync($"pipelines/{pipelines[0]!["id"]}/pipeline-couplings")).Body)!.AsArray();

        apps.Select(a => (string)a!["name"]!).Order(StringComparer.Ordinal).ShouldBe(["raxx-queue-prod", "raxx-queue-staging"]);
        releaseVars.Select(v => v.Key).ShouldContain("STRIPE_API_KEY");
        ((string)pipelines.ShouldHaveSingleItem()!["name"]!).ShouldBe("raxx-queue");
        none.ShouldBeEmpty();
        couplings.Select(c => (string)c!["stage"]!).Order(StringComparer.Ordinal).ShouldBe(["production", "staging"]);

        // POST /filters/apps reads the apps the pipeline's couplings name.
        using var filter = new HttpRequestMessage(HttpMethod.Post, new Uri(fakes.Heroku.Url, "filters/apps"));
        filter.Headers.Authorization = new("Bearer", fakes.HerokuApiKey);
        filter.Headers.TryAddWithoutValidation("Accept", HerokuAccept);
        var ids = new JsonArray([.. couplings.Select(c => (JsonNode)(string)c!["app"]!["id"]!)]);
        filter.Content = new StringContent(
            new JsonObject { ["in"] = new JsonObject { ["id"] = ids } }.ToJsonString(),
            System.Text.Encoding.UTF8,
            "application/json"
        );
        using var filtered = await http.SendAsync(filter, ct);
        JsonNode.Parse(await filtered.Content.ReadAsStringAsync(ct))!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_standalone_server_points_log_sessions_at_itself_for_clients_that_cannot_resolve_logplex()
    {
        var before = (string)JsonNode.Parse(await OpenSessionAsync())!["logplex_url"]!;
        fakes.Logplex.ServeDirectly();
        var after = new Uri((string)JsonNode.Parse(await OpenSessionAsync())!["logplex_url"]!);

        new Uri(before).Host.ShouldBe(LogplexFake.Host);
        after.Authority.ShouldBe($"127.0.0.1:{fakes.Logplex.Port}");
        using var read = await http.GetAsync(after, ct);
        (await read.Content.ReadAsStringAsync(ct)).ShouldContain("heroku[web.1]: State changed from starting to up");
    }

    private async Task<string> OpenSessionAsync()
    {
        using var open = new HttpRequestMessage(HttpMethod.Post, new Uri(fakes.Heroku.Url, "apps/raxx-queue-prod/log-sessions"));
        open.Headers.Authorization = new("Bearer", fakes.HerokuApiKey);
        open.Headers.TryAddWithoutValidation("Accept", HerokuAccept);
        open.Content = new StringContent("{\"lines\": 100}", System.Text.Encoding.UTF8, "application/json");
        using var opened = await http.SendAsync(open, ct);
        return await opened.Content.ReadAsStringAsync(ct);
    }

    [Theory]
    [InlineData("apps/raxx-queue-prod/no-such-thing", HerokuFake.EndpointNotFound)]
    [InlineData("apps/raxx-queue-prod/formation/web/extra", "Couldn't find that formation.")]
    [InlineData("apps/raxx-queue-nope", "Couldn't find that app.")]
    [InlineData("apps/raxx-queue-nope/releases", "Couldn't find that app.")]
    [InlineData("no-such-route", HerokuFake.EndpointNotFound)]
    public async Task An_unknown_route_is_not_found_and_only_an_unknown_app_is_said_to_be(string path, string message)
    {
        var (status, _, body) = await HerokuAsync(path);

        status.ShouldBe(HttpStatusCode.NotFound);
        var error = JsonNode.Parse(body)!;
        ((string)error["id"]!).ShouldBe("not_found");
        ((string)error["message"]!).ShouldBe(message);
    }

    [Fact]
    public async Task A_paginating_client_that_follows_next_range_sees_every_release_and_each_page_says_its_range()
    {
        var seen = new List<int>();
        string? range = "version ..; max=2, order=asc";
        var pages = 0;
        while (range is not null && pages++ < 20)
        {
            var (status, headers, body) = await HerokuAsync("apps/raxx-queue-staging/releases", range);
            seen.AddRange(JsonNode.Parse(body)!.AsArray().Select(r => (int)r!["version"]!));
            headers["Accept-Ranges"].ShouldBe("id, version");
            headers["Content-Range"].ShouldMatch(@"^version \d+\.\.\d+; max=2$");
            range = status == HttpStatusCode.PartialContent ? headers["Next-Range"] : null;
        }

        var all = JsonNode.Parse((await HerokuAsync("apps/raxx-queue-staging/releases")).Body)!.AsArray().Select(r => (int)r!["version"]!);
        seen.ShouldBe(all.Order());
        pages.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Heroku_and_GitHub_send_an_etag_and_answer_304_to_if_none_match()
    {
        var (_, herokuHeaders, _) = await HerokuAsync("apps/raxx-queue-prod");
        var herokuTag = herokuHeaders["ETag"];
        herokuTag.ShouldMatch("^\"[0-9a-f]{32}\"$");
        var (notModified, _, empty) = await HerokuAsync("apps/raxx-queue-prod", ifNoneMatch: herokuTag);
        notModified.ShouldBe(HttpStatusCode.NotModified);
        empty.ShouldBeEmpty();

        using var first = await GitHubAsync("repos/raxx-app/TradeMasterAPI/branches/main");
        var gitHubTag = first.Headers.ETag.ShouldNotBeNull();
        gitHubTag.IsWeak.ShouldBeTrue();
        using var second = await GitHubAsync("repos/raxx-app/TradeMasterAPI/branches/main", ifNoneMatch: $"W/{gitHubTag.Tag}");
        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task GitHub_answers_the_sha_and_raw_media_types_as_text()
    {
        using var sha = await GitHubAsync("repos/raxx-app/TradeMasterAPI/commits/main", accept: "application/vnd.github.sha");
        using var raw = await GitHubAsync(
            "repos/raxx-app/TradeMasterAPI/contents/.github/workflows/deploy-queue.yml?ref=main",
            accept: "application/vnd.github.raw+json"
        );
        using var commit = await GitHubAsync("repos/raxx-app/TradeMasterAPI/commits/main");

        var head = (string)JsonNode.Parse(await commit.Content.ReadAsStringAsync(ct))!["sha"]!;
        (await sha.Content.ReadAsStringAsync(ct)).ShouldBe(head);
        sha.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.github.sha");
        var workflow = await raw.Content.ReadAsStringAsync(ct);
        workflow.ShouldContain("deploy-prod");
        workflow.ShouldStartWith("name:");
        JsonNode.Parse(await commit.Content.ReadAsStringAsync(ct))!["parents"]!.AsArray().ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("repos/raxx-app/TradeMasterAPI/actions/workflows/deploy-queue.yml", "#/components/schemas/workflow")]
    [InlineData(
        "repos/raxx-app/TradeMasterAPI/environments",
        "#/paths/~1repos~1{owner}~1{repo}~1environments/get/responses/200/content/application~1json/schema"
    )]
    public async Task GitHub_single_routes_answer_in_the_rest_descriptions_shapes(string path, string schema)
    {
        using var response = await GitHubAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        GitHubSchema.Problems(JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)), schema).ShouldBeEmpty();
    }

    [Fact]
    public async Task Octokit_reads_a_branch_a_workflow_by_name_and_id_and_pages_through_every_run_by_the_link_header()
    {
        var client = new GitHubClient(
            new Connection(
                new Octokit.ProductHeaderValue("raxx-preflight-tests"),
                fakes.GitHub.Url,
                new InMemoryCredentialStore(new Credentials(fakes.GitHubToken))
            )
        );

        var branch = await client.Repository.Branch.Get("raxx-app", "TradeMasterAPI", "main");
        var workflow = await client.Actions.Workflows.Get("raxx-app", "TradeMasterAPI", "deploy-queue.yml");
        var byId = await client.Actions.Workflows.Get("raxx-app", "TradeMasterAPI", workflow.Id);
        var onePerPage = await client.Actions.Workflows.Runs.ListByWorkflow(
            "raxx-app",
            "TradeMasterAPI",
            "deploy-queue.yml",
            new WorkflowRunsRequest(),
            new ApiOptions { PageSize = 1 }
        );
        var all = await client.Actions.Workflows.Runs.ListByWorkflow("raxx-app", "TradeMasterAPI", "deploy-queue.yml");

        branch.Commit.Sha.ShouldMatch("^[0-9a-f]{40}$");
        workflow.Path.ShouldBe(".github/workflows/deploy-queue.yml");
        byId.Name.ShouldBe(workflow.Name);
        all.TotalCount.ShouldBeGreaterThan(1);
        onePerPage.WorkflowRuns.Select(r => r.Id).ShouldBe(all.WorkflowRuns.Select(r => r.Id));
    }

    [Fact]
    public async Task Stripe_answers_in_the_api_version_a_request_pins_and_says_so()
    {
        using var pinned = new HttpRequestMessage(HttpMethod.Get, new Uri(fakes.Stripe.Url, "v1/balance"));
        pinned.Headers.Authorization = new("Bearer", FakeSecrets.StripeKey("sk_live_", "prod/sk"));
        pinned.Headers.TryAddWithoutValidation("Stripe-Version", "2025-03-31.basil");
        using var unpinned = new HttpRequestMessage(HttpMethod.Get, new Uri(fakes.Stripe.Url, "v1/balance"));
        unpinned.Headers.Authorization = new("Bearer", FakeSecrets.StripeKey("sk_live_", "prod/sk"));

        using var a = await http.SendAsync(pinned, ct);
        using var b = await http.SendAsync(unpinned, ct);

        a.Headers.GetValues("Stripe-Version").Single().ShouldBe("2025-03-31.basil");
        b.Headers.GetValues("Stripe-Version").Single().ShouldBe(StripeFake.AccountApiVersion);
    }

    [Fact]
    public async Task A_log_session_streams_server_sent_events_to_the_cli_and_plain_lines_to_others()
    {
        async Task<HttpResponseMessage> ReadSession(string? accept)
        {
            using var open = new HttpRequestMessage(HttpMethod.Post, new Uri(fakes.Heroku.Url, "apps/raxx-queue-prod/log-sessions"));
            open.Headers.Authorization = new("Bearer", fakes.HerokuApiKey);
            open.Headers.TryAddWithoutValidation("Accept", HerokuAccept);
            open.Content = new StringContent("{\"lines\": 100, \"source\": \"app\"}", System.Text.Encoding.UTF8, "application/json");
            using var opened = await http.SendAsync(open, ct);
            var url = new Uri((string)JsonNode.Parse(await opened.Content.ReadAsStringAsync(ct))!["logplex_url"]!);

            // The session's host (logplex.heroku.com) resolves to the fake, as PREFLIGHT_RESOLVE says.
            url.Scheme.ShouldBe("https");
            using var read = new HttpRequestMessage(HttpMethod.Get, new Uri($"https://127.0.0.1:{fakes.Logplex.Port}{url.PathAndQuery}"));
            read.Headers.Host = url.Host;
            if (accept is not null)
            {
                read.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            }

            return await http.SendAsync(read, ct);
        }

        using var events = await ReadSession("text/event-stream");
        using var plain = await ReadSession(null);

        events.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var stream = await events.Content.ReadAsStringAsync(ct);
        var lines = (await plain.Content.ReadAsStringAsync(ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldNotBeEmpty();
        stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('\n')[1]).ShouldBe(lines.Select(l => $"data: {l}"));
    }

    public void Dispose()
    {
        http.Dispose();
        fakes.Dispose();
    }

    private async Task<(HttpStatusCode Status, Dictionary<string, string> Headers, string Body)> HerokuAsync(
        string path,
        string? range = null,
        string? ifNoneMatch = null
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fakes.Heroku.Url, path));
        request.Headers.Authorization = new("Bearer", fakes.HerokuApiKey);
        request.Headers.TryAddWithoutValidation("Accept", HerokuAccept);
        if (range is not null)
        {
            request.Headers.TryAddWithoutValidation("Range", range);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using var response = await http.SendAsync(request, ct);

        // Response and content headers alike (Content-Range is a content header here), each as sent.
        var headers = response
            .Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return (response.StatusCode, headers, await response.Content.ReadAsStringAsync(ct));
    }

    private async Task<HttpResponseMessage> GitHubAsync(string path, string? accept = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fakes.GitHub.Url, path));
        request.Headers.Authorization = new("Bearer", fakes.GitHubToken);
        request.Headers.TryAddWithoutValidation("Accept", accept ?? "application/vnd.github+json");
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await http.SendAsync(request, ct);
    }
}
