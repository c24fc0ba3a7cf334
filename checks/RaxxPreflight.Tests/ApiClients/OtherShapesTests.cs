using RaxxPreflight.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RaxxPreflight.Tests.ApiClients;

/// <summary>APIs that answer correctly but not as our own fakes do: the clients still read them.</summary>
public sealed class OtherShapesTests : IDisposable
{
    private readonly WireMockServer server = WireMockServer.Start();
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Releases_are_read_on_until_the_current_one_when_the_api_pages_oldest_first()
    {
        server
            .Given(Request.Create().WithPath("/apps/a/releases").WithHeader("Range", "version ..; max=2, order=desc"))
            .RespondWith(Response.Create().WithStatusCode(206).WithHeader("Next-Range", "version ]2..; max=2").WithBody(Releases(1, 2)));
        server
            .Given(Request.Create().WithPath("/apps/a/releases").WithHeader("Range", "version ]2..; max=2"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Releases(3, 4, current: 4)));

        var releases = await RealClients.Heroku(new Uri(server.Url + "/"), "k").GetReleasesAsync("a", 2, ct);

        releases.Select(r => r.Version).ShouldBe([1, 2, 3, 4]);
        RaxxPreflight.Rules.ReleaseImage.Current(releases)!.Version.ShouldBe(4);
    }

    [Fact]
    public async Task The_branch_head_comes_from_its_ref_where_the_commits_endpoint_is_not_served()
    {
        const string sha = "0c4b71283f9e2d6a8b1c5e7f9a0d2c4e6b8a1f3d";
        server
            .Given(Request.Create().WithPath("/repos/o/r/commits/main"))
            .RespondWith(
                Response
                    .Create()
                    .WithStatusCode(404)
                    .WithBody("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}")
            );
        server
            .Given(Request.Create().WithPath("/repos/o/r/git/refs/heads/main"))
            .RespondWith(
                Response
                    .Create()
                    .WithStatusCode(200)
                    .WithHeader("Content-Type", "application/json")
                    .WithBody(
                        $"{{\"ref\":\"refs/heads/main\",\"node_id\":\"x\",\"url\":\"u\",\"object\":{{\"sha\":\"{sha}\",\"type\":\"commit\",\"url\":\"u\"}}}}"
                    )
            );

        var head = await RealClients.GitHub(new Uri(server.Url + "/"), "t").GetHeadShaAsync("o", "r", "main");

        head.ShouldBe(sha);
    }

    public void Dispose() => server.Stop();

    private static string Releases(int from, int to, int current = 0) =>
        "["
        + string.Join(
            ",",
            Enumerable
                .Range(from, to - from + 1)
                .Select(v =>
                    $"{{\"id\":\"r{v}\",\"version\":{v},\"description\":\"Deployed web (142013fe2b5c)\",\"status\":\"succeeded\",\"current\":{(v == current ? "true" : "false")},\"created_at\":\"2026-05-18T23:40:00Z\"}}"
                )
        )
        + "]";
}
