using System.Globalization;
using RaxxPreflight.Fakes.Scenarios;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RaxxPreflight.Fakes.Servers;

/// <summary>
/// GitHub's REST API for one repository, as GitHub answers it: <c>token</c> or <c>Bearer</c> auth (else 401
/// "Bad credentials"), <c>X-RateLimit-*</c> headers, base64 file content wrapped at 60 characters, workflow
/// runs newest first and filtered by branch and status, and <c>{message, documentation_url, status}</c> errors.
/// </summary>
public sealed class GitHubFake : IDisposable
{
    private readonly WireMockServer server;
    private readonly string token;
    private int remaining = 5000;

    private GitHubFake(WireMockServer server, string token)
    {
        this.server = server;
        this.token = token;
    }

    /// <summary>The API's base URL, used as given by the client.</summary>
    public Uri Url => new(server.Url! + "/");

    /// <summary>Every request the fake has received, oldest first.</summary>
    public IReadOnlyList<IRequestMessage> Requests => [.. server.LogEntries.Select(e => e.RequestMessage)];

    /// <summary>Starts the fake serving <paramref name="state"/>; only <paramref name="token"/> is accepted.</summary>
    public static GitHubFake Start(GitHubState state, string token)
    {
        ArgumentNullException.ThrowIfNull(state);
        var fake = new GitHubFake(WireMockServer.Start(), token);
        var resources = new GitHubResources(state, fake.Url);
        var repo = $"/repos/{state.Owner}/{state.Repository}";

        // Any environment by name, compared case-insensitively as GitHub does; 404 for one that does not exist.
        fake.GetBelow(
            $"{repo}/environments/",
            (_, name) =>
                resources.Environment(Uri.UnescapeDataString(name)) is { } body
                    ? new GitHubAnswer(200, body)
                    : NotFound("https://docs.github.com/rest/deployments/environments#get-an-environment")
        );

        fake.Get($"{repo}/environments", _ => new GitHubAnswer(200, resources.Environments()));

        // A file as JSON (base64), or as its text when asked for GitHub's raw media type.
        foreach (var (path, _) in state.Files)
        {
            fake.Get(
                $"{repo}/contents/{path}",
                r =>
                    Wants(r, "raw")
                        ? resources.RawContent(path, FakeHttp.Query(r, "ref")) is { } text
                            ? new GitHubAnswer(200, text) { ContentType = "application/vnd.github.raw; charset=utf-8" }
                            : NotFound("https://docs.github.com/rest/repos/contents#get-repository-content")
                        : GitHubAnswer.Of(resources.Content(path, FakeHttp.Query(r, "ref")))
            );
        }

        fake.Get($"{repo}/actions/workflows", _ => new GitHubAnswer(200, resources.Workflows()));
        fake.GetBelow(
            $"{repo}/actions/workflows/",
            (r, rest) =>
            {
                var parts = rest.Split('/');
                return parts switch
                {
                    [var id] => resources.Workflow(id) is { } workflow
                        ? new GitHubAnswer(200, workflow)
                        : NotFound("https://docs.github.com/rest/actions/workflows#get-a-workflow"),
                    [var id, "runs"] when resources.Workflow(id) is not null => Runs(resources, id, r),
                    _ => NotFound("https://docs.github.com/rest/actions/workflows#get-a-workflow"),
                };
            }
        );
        fake.GetBelow(
            $"{repo}/actions/runs/",
            (_, id) =>
                long.TryParse(id, CultureInfo.InvariantCulture, out var n) && resources.RunById(n) is { } run
                    ? new GitHubAnswer(200, run)
                    : NotFound("https://docs.github.com/rest/actions/workflow-runs#get-a-workflow-run")
        );
        fake.GetBelow(
            $"{repo}/branches/",
            (_, name) =>
                resources.Branch(Uri.UnescapeDataString(name)) is { } branch
                    ? new GitHubAnswer(200, branch)
                    : new GitHubAnswer(
                        404,
                        GitHubResources.Error("Branch not found", "https://docs.github.com/rest/branches/branches#get-a-branch", 404)
                    )
        );

        // A commit as JSON, or only its SHA (application/vnd.github.sha), or its diff (application/vnd.github.diff).
        fake.GetBelow(
            $"{repo}/commits/",
            (r, reference) =>
                Wants(r, "sha")
                    ? resources.Sha(reference) is { } sha
                        ? new GitHubAnswer(200, sha) { ContentType = "application/vnd.github.sha; charset=utf-8" }
                        : GitHubAnswer.Of(resources.Commit(reference))
                    : Wants(r, "diff")
                        ? resources.Sha(reference) is { } head
                            ? new GitHubAnswer(200, Diff(head)) { ContentType = "application/vnd.github.diff; charset=utf-8" }
                            : GitHubAnswer.Of(resources.Commit(reference))
                        : GitHubAnswer.Of(resources.Commit(reference))
        );
        fake.server.Given(Request.Create().WithPath(new WildcardMatcher("/*")))
            .AtPriority(100)
            .RespondWith(Response.Create().WithCallback(r => fake.Guarded(r, () => NotFound("https://docs.github.com/rest"))));
        return fake;
    }

    /// <inheritdoc />
    public void Dispose() => server.Stop();

    /// <summary>Delays every answer by <paramref name="latency"/> (on top of any delay already added): a benchmark's network.</summary>
    internal void AddLatency(TimeSpan latency) => server.AddGlobalProcessingDelay(latency);

    private static GitHubAnswer NotFound(string documentation) => new(404, GitHubResources.Error("Not Found", documentation, 404));

    private static GitHubAnswer Runs(GitHubResources resources, string workflow, IRequestMessage request)
    {
        var file = resources.Workflow(workflow) is { } json
            ? Path.GetFileName((string)System.Text.Json.Nodes.JsonNode.Parse(json)!["path"]!)
            : workflow;
        var (body, link) = resources.Runs(file, request);
        return new GitHubAnswer(200, body) { Link = link };
    }

    // Whether the request asks for one of GitHub's media types: application/vnd.github.<kind> (or .v3.<kind>, +json).
    private static bool Wants(IRequestMessage request, string kind) =>
        (FakeHttp.Header(request, "Accept") ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries)
            .Any(a =>
                a.StartsWith($"application/vnd.github.{kind}", StringComparison.OrdinalIgnoreCase)
                || a.StartsWith($"application/vnd.github.v3.{kind}", StringComparison.OrdinalIgnoreCase)
            );

    private static string Diff(string sha) =>
        $"diff --git a/queue/CMakeLists.txt b/queue/CMakeLists.txt\nindex {sha[..7]}..{sha[^7..]} 100644\n--- a/queue/CMakeLists.txt\n+++ b/queue/CMakeLists.txt\n@@ -1,3 +1,5 @@\n-add_subdirectory(tests)\n+if(BUILD_TESTING)\n+  add_subdirectory(tests)\n+endif()\n";

    private void Get(string path, Func<IRequestMessage, GitHubAnswer> answer) =>
        server
            .Given(Request.Create().WithPath(path).UsingGet())
            .AtPriority(10)
            .RespondWith(Response.Create().WithCallback(r => Guarded(r, () => answer(r))));

    // Every GET under a path prefix, with what follows the prefix.
    private void GetBelow(string prefix, Func<IRequestMessage, string, GitHubAnswer> answer) =>
        server
            .Given(Request.Create().WithPath(new WildcardMatcher(prefix + "*")).UsingGet())
            .AtPriority(20)
            .RespondWith(Response.Create().WithCallback(r => Guarded(r, () => answer(r, r.Path[prefix.Length..]))));

    private ResponseMessage Guarded(IRequestMessage request, Func<GitHubAnswer> answerFor)
    {
        var authorization = FakeHttp.Header(request, "Authorization");
        // GitHub takes the scheme in any case ("token", Octokit's "Token", "Bearer"); the credential itself exactly.
        var parts = (authorization ?? string.Empty).Split(' ', 2);
        var authorized =
            parts.Length == 2
            && (
                parts[0].Equals("token", StringComparison.OrdinalIgnoreCase)
                || parts[0].Equals("bearer", StringComparison.OrdinalIgnoreCase)
            )
            && string.Equals(parts[1], token, StringComparison.Ordinal);
        var answer = authorized
            ? answerFor()
            : new GitHubAnswer(401, GitHubResources.Error("Bad credentials", "https://docs.github.com/rest", 401));
        var left = Interlocked.Decrement(ref remaining);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("X-RateLimit-Limit", "5000"),
            new("X-RateLimit-Remaining", left.ToString(CultureInfo.InvariantCulture)),
            new("X-RateLimit-Reset", DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new("X-RateLimit-Used", (5000 - left).ToString(CultureInfo.InvariantCulture)),
            new("X-RateLimit-Resource", "core"),
            new("X-GitHub-Request-Id", Guid.NewGuid().ToString("N")[..20].ToUpperInvariant()),
            new("X-GitHub-Media-Type", "github.v3; format=json"),
        };
        if (answer.Link is not null)
        {
            headers.Add(new("Link", answer.Link));
        }

        var (status, body, etag) = FakeHttp.Conditional(request, answer.Status, answer.Body, weak: true);
        if (etag is not null)
        {
            headers.Add(new("ETag", etag));
        }

        return FakeHttp.Answer(status, answer.ContentType, body, headers);
    }
}

/// <summary>One answer of the GitHub fake before its common headers are added.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body.</param>
internal sealed record GitHubAnswer(int Status, string Body)
{
    /// <summary>The media type: JSON unless a media type asked for text.</summary>
    public string ContentType { get; init; } = "application/json; charset=utf-8";

    /// <summary>The pagination header of a list with more than one page.</summary>
    public string? Link { get; init; }

    /// <summary>From a (status, body) pair.</summary>
    public static GitHubAnswer Of((int Status, string Body) answer) => new(answer.Status, answer.Body);
}
