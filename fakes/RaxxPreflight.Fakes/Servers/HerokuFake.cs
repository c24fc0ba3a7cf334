using System.Globalization;
using RaxxPreflight.Fakes.Scenarios;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RaxxPreflight.Fakes.Servers;

/// <summary>
/// The Heroku Platform API v3 as the real one answers it: the versioned Accept header (else 406),
/// Bearer auth (else 401), <c>RateLimit-Remaining</c> and <c>Request-Id</c> on every answer, lists paged
/// by <c>Range</c> with 206 and <c>Next-Range</c>, and <c>{"id","message","url"}</c> error bodies.
/// </summary>
public sealed class HerokuFake : IDisposable
{
    /// <summary>The Accept header the API requires.</summary>
    public const string Accept = "application/vnd.heroku+json; version=3";

    private readonly WireMockServer server;
    private readonly string apiKey;
    private int remaining = 4500;

    private HerokuFake(WireMockServer server, string apiKey)
    {
        this.server = server;
        this.apiKey = apiKey;
    }

    /// <summary>The API's base URL.</summary>
    public Uri Url => new(server.Url! + "/");

    /// <summary>Every request the fake has received, oldest first.</summary>
    public IReadOnlyList<IRequestMessage> Requests => [.. server.LogEntries.Select(e => e.RequestMessage)];

    /// <summary>
    /// Starts the fake serving both apps of the scenario <paramref name="look"/> returns for each request, given
    /// the resource the request reads (<c>{app}/dynos</c>, <c>{app}/log-sessions</c>...): a settling scenario
    /// moves on by the looks at each resource. Only <paramref name="apiKey"/> is accepted. Log sessions it
    /// creates are served by <paramref name="logplex"/>.
    /// </summary>
    public static HerokuFake Start(Func<string, Scenario> look, string apiKey, Func<string, Uri> webUrl, LogplexFake logplex)
    {
        ArgumentNullException.ThrowIfNull(look);
        ArgumentNullException.ThrowIfNull(webUrl);
        ArgumentNullException.ThrowIfNull(logplex);
        var fake = new HerokuFake(WireMockServer.Start(), apiKey);
        var initial = look(string.Empty);
        fake.remaining = initial.HerokuRateRemaining;
        var apps = initial.Apps.Select(a => (a.Name, a.Id)).ToArray();
        HerokuResources Resources(string name, string resource) => new(App(look($"{name}/{resource}"), name), webUrl(name));
        foreach (var (name, id) in apps)
        {
            HerokuResources At(string resource) => Resources(name, resource);
            foreach (var identity in new[] { name, id.ToString() })
            {
                var app = $"/apps/{identity}";
                fake.Get(app, _ => new HerokuAnswer(200, At("app").App()));
                fake.Get($"{app}/config-vars", _ => new HerokuAnswer(200, At("config-vars").ConfigVars()));
                fake.Get($"{app}/pipeline-couplings", _ => new HerokuAnswer(200, At("pipeline-couplings").PipelineCoupling()));

                // A release's config vars: the fakes keep no history, so every release answers the app's current ones.
                fake.server.Given(
                        Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher($"{app}/releases/*/config-vars")).UsingGet()
                    )
                    .AtPriority(15)
                    .RespondWith(
                        Response
                            .Create()
                            .WithCallback(r =>
                                fake.Guarded(
                                    r,
                                    () =>
                                    {
                                        var release = Uri.UnescapeDataString(r.Path[$"{app}/releases/".Length..^"/config-vars".Length]);
                                        return ByIdentity(At("releases").Releases(), release) is not null
                                            ? new HerokuAnswer(200, At("config-vars").ConfigVars())
                                            : new HerokuAnswer(404, Error("not_found", "Couldn't find that release."));
                                    }
                                )
                            )
                    );
                foreach (
                    var (resource, noun, items) in new (string, string, Func<HerokuResources, IReadOnlyList<HerokuListItem>>)[]
                    {
                        ("addons", "add-on", r => r.Addons()),
                        ("addon-attachments", "add-on attachment", r => r.Attachments()),
                        ("releases", "release", r => r.Releases()),
                        ("formation", "formation", r => r.Formation()),
                        ("dynos", "dyno", r => r.Dynos()),
                        ("collaborators", "collaborator", r => r.Collaborators()),
                    }
                )
                {
                    fake.GetList($"{app}/{resource}", "id", () => items(At(resource)));
                    fake.GetOne($"{app}/{resource}/", noun, () => items(At(resource)));
                }

                fake.server.Given(Request.Create().WithPath($"{app}/log-sessions").UsingPost())
                    .AtPriority(10)
                    .RespondWith(
                        Response
                            .Create()
                            .WithCallback(r =>
                                fake.Guarded(r, () => new HerokuAnswer(201, logplex.Open(App(look($"{name}/log-sessions"), name), r.Body)))
                            )
                    );
            }
        }

        // The account's own resources, across both apps.
        fake.Get("/account", _ => new HerokuAnswer(200, HerokuResources.Account()));
        fake.GetList("/apps", "id", () => [.. apps.Select(a => AppItem(Resources(a.Name, "app")))]);
        fake.GetList("/users/~/apps", "id", () => [.. apps.Select(a => AppItem(Resources(a.Name, "app")))]);

        // POST /filters/apps reads: the apps whose ids the body's {"in": {"id": [...]}} names (the CLI's pipelines:info).
        fake.server.Given(Request.Create().WithPath("/filters/apps").UsingPost())
            .AtPriority(10)
            .RespondWith(
                Response
                    .Create()
                    .WithCallback(r =>
                        fake.Guarded(
                            r,
                            () =>
                            {
                                var ids = FilterIds(r.Body);
                                var matching = apps.Where(a => ids.Contains(a.Id.ToString()))
                                    .Select(a => (System.Text.Json.Nodes.JsonNode)AppItem(Resources(a.Name, "app")).Json);
                                return new HerokuAnswer(200, new System.Text.Json.Nodes.JsonArray([.. matching]).ToJsonString());
                            }
                        )
                    )
            );

        // The pipelines the apps are coupled to: each by id or name, listed (eq[name] filters), and its couplings.
        var pipelines = initial.Apps.Select(a => a.Pipeline).Distinct(StringComparer.Ordinal).ToList();
        var pipelineItems = pipelines
            .Select(name => new HerokuListItem(
                HerokuResources.Pipeline(name),
                new Dictionary<string, IComparable>(StringComparer.Ordinal) { ["id"] = HerokuResources.PipelineIdOf(name), ["name"] = name }
            ))
            .ToList();
        fake.Get(
            "/pipelines",
            r =>
                HerokuRange.Page(
                    FakeHttp.Query(r, "eq[name]") is { } name
                        ? [.. pipelineItems.Where(p => (string)p.Json["name"]! == name)]
                        : pipelineItems,
                    FakeHttp.Header(r, "Range"),
                    "id"
                )
        );
        fake.GetOne("/pipelines/", "pipeline", () => pipelineItems);
        fake.GetList("/pipeline-couplings", "id", () => [.. initial.Apps.Select(a => Coupling(Resources(a.Name, "pipeline-couplings")))]);
        foreach (var pipelineName in pipelines)
        {
            foreach (var identity in new[] { HerokuResources.PipelineIdOf(pipelineName), pipelineName })
            {
                fake.GetList(
                    $"/pipelines/{identity}/pipeline-couplings",
                    "id",
                    () =>
                        [
                            .. initial
                                .Apps.Where(a => a.Pipeline == pipelineName)
                                .Select(a => Coupling(Resources(a.Name, "pipeline-couplings"))),
                        ]
                );
            }
        }

        fake.GetList("/addons", "id", () => [.. apps.SelectMany(a => Resources(a.Name, "addons").Addons())]);
        fake.GetList("/addon-attachments", "id", () => [.. apps.SelectMany(a => Resources(a.Name, "addon-attachments").Attachments())]);

        // An unknown route: "Couldn't find that app." only when the app is not one of these; else the endpoint is unknown.
        var known = apps.SelectMany(a => new[] { a.Name, a.Id.ToString() }).ToHashSet(StringComparer.Ordinal);
        fake.server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/apps/*")))
            .AtPriority(50)
            .RespondWith(
                Response
                    .Create()
                    .WithCallback(r =>
                        fake.Guarded(
                            r,
                            () =>
                                known.Contains(Uri.UnescapeDataString(r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1]))
                                    ? new HerokuAnswer(404, Error("not_found", EndpointNotFound))
                                    : new HerokuAnswer(404, Error("not_found", "Couldn't find that app."))
                        )
                    )
            );
        fake.server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/*")))
            .AtPriority(60)
            .RespondWith(
                Response.Create().WithCallback(r => fake.Guarded(r, () => new HerokuAnswer(404, Error("not_found", EndpointNotFound))))
            );
        return fake;
    }

    /// <summary>What Heroku answers for a route it does not have.</summary>
    public const string EndpointNotFound =
        "The requested API endpoint was not found. Are you using the right HTTP verb (i.e. `GET` vs. `POST`), and did you specify your intended version with the `Accept` header?";

    /// <inheritdoc />
    public void Dispose() => server.Stop();

    /// <summary>Delays every answer by <paramref name="latency"/> (on top of any delay already added): a benchmark's network.</summary>
    internal void AddLatency(TimeSpan latency) => server.AddGlobalProcessingDelay(latency);

    private static HashSet<string> FilterIds(string? body)
    {
        try
        {
            var ids = System.Text.Json.Nodes.JsonNode.Parse(body ?? "{}")?["in"]?["id"]?.AsArray();
            return [.. (ids ?? []).Select(i => (string?)i).OfType<string>()];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    private static HerokuListItem Coupling(HerokuResources app)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(app.PipelineCoupling())!.AsObject();
        return new HerokuListItem(json, new Dictionary<string, IComparable>(StringComparer.Ordinal) { ["id"] = (string)json["id"]! });
    }

    private static HerokuListItem AppItem(HerokuResources app)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(app.App())!.AsObject();
        return new HerokuListItem(
            json,
            new Dictionary<string, IComparable>(StringComparer.Ordinal) { ["id"] = (string)json["id"]!, ["name"] = (string)json["name"]! }
        );
    }

    private static AppState App(Scenario scenario, string name) => scenario.App(name);

    internal static string Error(string id, string message) =>
        FakeHttp.Serialize(
            new
            {
                id,
                message,
                url = (string?)null,
            }
        );

    private void Get(string path, Func<IRequestMessage, HerokuAnswer> answer) =>
        server
            .Given(Request.Create().WithPath(path).UsingGet())
            .AtPriority(10)
            .RespondWith(Response.Create().WithCallback(r => Guarded(r, () => answer(r))));

    private void GetList(string path, string defaultField, Func<IReadOnlyList<HerokuListItem>> items) =>
        Get(path, r => HerokuRange.Page(items(), FakeHttp.Header(r, "Range"), defaultField));

    // The item that one of its identities names (a release by id or version, a formation by id or type...), or none.
    private static HerokuListItem? ByIdentity(IReadOnlyList<HerokuListItem> items, string identity) =>
        identity.Contains('/', StringComparison.Ordinal)
            ? null
            : items.FirstOrDefault(i =>
                i.Keys.Values.Any(k => string.Equals(Convert.ToString(k, CultureInfo.InvariantCulture), identity, StringComparison.Ordinal))
            );

    // One item of a list by any of its identities.
    private void GetOne(string prefix, string noun, Func<IReadOnlyList<HerokuListItem>> items) =>
        server
            .Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher(prefix + "*")).UsingGet())
            .AtPriority(20)
            .RespondWith(
                Response
                    .Create()
                    .WithCallback(r =>
                        Guarded(
                            r,
                            () =>
                            {
                                var item = ByIdentity(items(), Uri.UnescapeDataString(r.Path[prefix.Length..]));
                                return item is null
                                    ? new HerokuAnswer(404, Error("not_found", $"Couldn't find that {noun}."))
                                    : new HerokuAnswer(200, item.Json.ToJsonString());
                            }
                        )
                    )
            );

    private ResponseMessage Guarded(IRequestMessage request, Func<HerokuAnswer> answerFor)
    {
        var answer = Authorize(request) ?? answerFor();
        var extra = new List<KeyValuePair<string, string>>
        {
            new("RateLimit-Remaining", Interlocked.Decrement(ref remaining).ToString(CultureInfo.InvariantCulture)),
            new("Request-Id", Guid.NewGuid().ToString()),
        };
        foreach (
            var (name, value) in new[]
            {
                ("Next-Range", answer.NextRange),
                ("Content-Range", answer.ContentRange),
                ("Accept-Ranges", answer.AcceptRanges),
            }
        )
        {
            if (value is not null)
            {
                extra.Add(new(name, value));
            }
        }

        var (status, body, etag) = FakeHttp.Conditional(request, answer.Status, answer.Body, weak: false);
        if (etag is not null)
        {
            extra.Add(new("ETag", etag));
        }

        return FakeHttp.Answer(status, "application/json", body, extra);
    }

    private HerokuAnswer? Authorize(IRequestMessage request)
    {
        var accept = FakeHttp.Header(request, "Accept") ?? string.Empty;
        if (!accept.Split(',').Any(a => a.Trim().StartsWith(Accept, StringComparison.OrdinalIgnoreCase)))
        {
            return new HerokuAnswer(
                406,
                Error(
                    "not_acceptable",
                    "Please specify a version along with Heroku's API MIME type. For example, `Accept: application/vnd.heroku+json; version=3`."
                )
            );
        }

        var authorization = FakeHttp.Header(request, "Authorization");
        return string.Equals(authorization, $"Bearer {apiKey}", StringComparison.Ordinal)
            ? null
            : new HerokuAnswer(401, Error("unauthorized", "Invalid credentials provided."));
    }
}
