using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RaxxPreflight.Fakes.Scenarios;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RaxxPreflight.Fakes.Servers;

/// <summary>
/// Logplex: serves the lines of each log session the Heroku fake opens, at the session's <c>logplex_url</c>
/// (on <c>logplex.heroku.com</c>, resolved here). A session answers once, as a non-tailing session does.
/// </summary>
public sealed class LogplexFake : IDisposable
{
    /// <summary>The host log session URLs name.</summary>
    public const string Host = "logplex.heroku.com";

    private readonly WireMockServer server;
    private readonly ConcurrentDictionary<string, string> sessions = new(StringComparer.Ordinal);

    private LogplexFake(WireMockServer server) => this.server = server;

    /// <summary>
    /// Where the log sessions it opens say they are: <c>https://logplex.heroku.com/</c> (reached through host resolution,
    /// as the checklist resolves it), unless <see cref="ServeDirectly"/> made them reachable by any client as they are.
    /// </summary>
    public Uri SessionBase { get; private set; } = new($"https://{Host}/");

    /// <summary>Points the sessions it opens at its own loopback address, for clients that cannot resolve the host (the Heroku CLI).</summary>
    public void ServeDirectly() => SessionBase = new Uri($"https://127.0.0.1:{Port}/");

    /// <summary>The loopback port it listens on.</summary>
    public int Port => server.Port;

    /// <summary>Every request it has received, oldest first.</summary>
    public IReadOnlyList<IRequestMessage> Requests => [.. server.LogEntries.Select(e => e.RequestMessage)];

    /// <summary>Starts logplex.</summary>
    public static LogplexFake Start()
    {
        var fake = new LogplexFake(RouterFake.Tls());
        fake.server.Given(Request.Create().WithPath(new WildcardMatcher("/sessions/*")).UsingGet())
            .RespondWith(Response.Create().WithCallback(fake.Stream));
        return fake;
    }

    /// <summary>Opens a session on <paramref name="app"/>'s log for the log-session request <paramref name="body"/>; the answer is the session object.</summary>
    public string Open(AppState app, string? body)
    {
        ArgumentNullException.ThrowIfNull(app);
        var request = ParseBody(body);
        var dyno = Text(request, "dyno_name") ?? Text(request, "dyno");
        var source = Text(request, "source");
        var lines = request?["lines"] is JsonValue n && n.TryGetValue<int>(out var count) ? Math.Clamp(count, 1, 1500) : 100;
        var selected = app
            .Log.Where(l => source is null || l.Source == source)
            .Where(l => dyno is null || l.Dyno == dyno || l.Dyno.StartsWith(dyno + ".", StringComparison.Ordinal))
            .TakeLast(lines)
            .Select(l => l.ToString());

        var id = Guid.NewGuid().ToString();
        sessions[id] = string.Concat(selected.Select(l => l + "\n"));
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["created_at"] = now,
            ["id"] = id,
            ["logplex_url"] = $"{SessionBase}sessions/{id}?srv=1763000000",
            ["updated_at"] = now,
        }.ToJsonString();
    }

    /// <inheritdoc />
    public void Dispose() => server.Stop();

    /// <summary>Delays every answer by <paramref name="latency"/> (on top of any delay already added): a benchmark's network.</summary>
    internal void AddLatency(TimeSpan latency) => server.AddGlobalProcessingDelay(latency);

    private ResponseMessage Stream(IRequestMessage request)
    {
        var id = request.Path["/sessions/".Length..];
        if (!sessions.TryRemove(id, out var text))
        {
            return FakeHttp.Answer(404, "text/plain; charset=utf-8", "Session not found\n", []);
        }

        // The Heroku CLI reads a session as Server-Sent Events (one event per line); other readers get plain lines.
        var accept = FakeHttp.Header(request, "Accept") ?? string.Empty;
        if (accept.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            var events = string.Concat(
                text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((line, i) => $"id: {i + 1}\ndata: {line}\n\n")
            );
            return FakeHttp.Answer(200, "text/event-stream; charset=utf-8", events, [new("Cache-Control", "no-cache")]);
        }

        return FakeHttp.Answer(200, "text/plain; charset=utf-8", text, []);
    }

    private static JsonNode? ParseBody(string? body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
