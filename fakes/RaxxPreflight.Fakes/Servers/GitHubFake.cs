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
        fake.server.Given(Request.Create().WithPath(new WildcardMatcher($"{repo}/environments/*")).UsingGet())
            .AtPriority(10)
            .RespondWith(
                Response
                    .Create()
                    .WithCallback(r =>
                        fake.Guarded(
                            r,
                            () =>
                                resources.Environment(Uri.UnescapeDataString(r.Path[$"{repo}/environments/".Length..])) is { } body
                                    ? (200, body)
                                    : (
                                        404,
                                        GitHubResources.Error(
                                            "Not Found",
                                            "https://docs.github.com/rest/deployments/environments#get-an-environment",
                                            404
                                        )
                                    )
                        )
                    )
            );

        foreach (var (path, _) in state.Files)
        {
            fake.Get($"{repo}/contents/{path}", r => resources.Content(path, FakeHttp.Query(r, "ref")));
        }

        foreach (var workflow in state.Runs.Select(r => r.WorkflowFile).Distinct(StringComparer.Ordinal))
        {
            fake.Get($"{repo}/actions/workflows/{workflow}/runs", r => (200, resources.Runs(workflow, r)));
        }

        fake.server.Given(Request.Create().WithPath(new WildcardMatcher($"{repo}/commits/*")).UsingGet())
            .AtPriority(10)
            .RespondWith(Response.Create().WithCallback(r => fake.Guarded(r, () => resources.Commit(r.Path[$"{repo}/commits/".Length..]))));
        fake.server.Given(Request.Create().WithPath(new WildcardMatcher("/*")))
            .AtPriority(100)
            .RespondWith(
                Response
                    .Create()
                    .WithCallback(r =>
                        fake.Guarded(r, () => (404, GitHubResources.Error("Not Found", "https://docs.github.com/rest", 404)))
                    )
            );
        return fake;
    }

    /// <inheritdoc />
    public void Dispose() => server.Stop();

    private void Get(string path, Func<IRequestMessage, (int Status, string Body)> answer) =>
        server
            .Given(Request.Create().WithPath(path).UsingGet())
            .AtPriority(10)
            .RespondWith(Response.Create().WithCallback(r => Guarded(r, () => answer(r))));

    private ResponseMessage Guarded(IRequestMessage request, Func<(int Status, string Body)> answer)
    {
        var authorization = FakeHttp.Header(request, "Authorization");
        var authorized =
            string.Equals(authorization, $"token {token}", StringComparison.Ordinal)
            || string.Equals(authorization, $"Bearer {token}", StringComparison.Ordinal);
        var (status, body) = authorized ? answer() : (401, GitHubResources.Error("Bad credentials", "https://docs.github.com/rest", 401));
        var left = Interlocked.Decrement(ref remaining);
        return FakeHttp.Answer(
            status,
            "application/json; charset=utf-8",
            body,
            [
                new("X-RateLimit-Limit", "5000"),
                new("X-RateLimit-Remaining", left.ToString(CultureInfo.InvariantCulture)),
                new("X-RateLimit-Reset", DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
                new("X-RateLimit-Used", (5000 - left).ToString(CultureInfo.InvariantCulture)),
                new("X-RateLimit-Resource", "core"),
                new("X-GitHub-Request-Id", Guid.NewGuid().ToString("N")[..20].ToUpperInvariant()),
            ]
        );
    }
}
