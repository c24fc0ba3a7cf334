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
        foreach (var (name, id) in new[] { (initial.Staging.Name, initial.Staging.Id), (initial.Prod.Name, initial.Prod.Id) })
        {
            var url = webUrl(name);
            HerokuResources At(string resource) => new(App(look($"{name}/{resource}"), name), url);
            foreach (var identity in new[] { name, id.ToString() })
            {
                fake.Get($"/apps/{identity}", _ => new HerokuAnswer(200, At("app").App()));
                fake.Get($"/apps/{identity}/config-vars", _ => new HerokuAnswer(200, At("config-vars").ConfigVars()));
                fake.GetList($"/apps/{identity}/addons", "id", () => At("addons").Addons());
                fake.GetList($"/apps/{identity}/addon-attachments", "id", () => At("addon-attachments").Attachments());
                fake.GetList($"/apps/{identity}/releases", "id", () => At("releases").Releases());
                fake.GetList($"/apps/{identity}/formation", "id", () => At("formation").Formation());
                fake.GetList($"/apps/{identity}/dynos", "id", () => At("dynos").Dynos());
                fake.server.Given(Request.Create().WithPath($"/apps/{identity}/log-sessions").UsingPost())
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

        fake.server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/apps/*")))
            .AtPriority(50)
            .RespondWith(
                Response
                    .Create()
                    .WithCallback(r => fake.Guarded(r, () => new HerokuAnswer(404, Error("not_found", "Couldn't find that app."))))
            );
        fake.server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/*")))
            .AtPriority(60)
            .RespondWith(
                Response
                    .Create()
                    .WithCallback(r =>
                        fake.Guarded(
                            r,
                            () =>
                                new HerokuAnswer(
                                    404,
                                    Error(
                                        "not_found",
                                        "The requested API endpoint was not found. Are you using the right HTTP verb (i.e. `GET` vs. `POST`), and did you specify your intended version with the `Accept` header?"
                                    )
                                )
                        )
                    )
            );
        return fake;
    }

    /// <inheritdoc />
    public void Dispose() => server.Stop();

    private static AppState App(Scenario scenario, string name) => scenario.Staging.Name == name ? scenario.Staging : scenario.Prod;

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

    private ResponseMessage Guarded(IRequestMessage request, Func<HerokuAnswer> answerFor)
    {
        var answer = Authorize(request) ?? answerFor();
        var extra = new List<KeyValuePair<string, string>>
        {
            new("RateLimit-Remaining", Interlocked.Decrement(ref remaining).ToString(CultureInfo.InvariantCulture)),
            new("Request-Id", Guid.NewGuid().ToString()),
        };
        if (answer.NextRange is not null)
        {
            extra.Add(new("Next-Range", answer.NextRange));
        }

        return FakeHttp.Answer(answer.Status, "application/json", answer.Body, extra);
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
