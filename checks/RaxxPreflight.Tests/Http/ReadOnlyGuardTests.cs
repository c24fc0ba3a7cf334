using System.Net;
using RaxxPreflight.Configuration;
using RaxxPreflight.Http;
using RaxxPreflight.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RaxxPreflight.Tests.Http;

public sealed class ReadOnlyGuardTests : IDisposable
{
    private readonly WireMockServer server = WireMockServer.Start();

    public ReadOnlyGuardTests() =>
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("HEAD")]
    public async Task Anything_but_GET_is_refused_before_it_leaves_the_process(string method)
    {
        using var client = HttpPipeline.CreateClient(RealClients.HangBound);
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{server.Url}/apps/raxx-queue-prod/config-vars");

        var error = await Should.ThrowAsync<ReadOnlyViolationException>(() =>
            client.SendAsync(request, TestContext.Current.CancellationToken)
        );

        error.Message.ShouldBe(
            $"refused {method} {server.Url}/apps/raxx-queue-prod/config-vars: the checklist is read-only and sends only GET"
        );
        server.LogEntries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_GET_goes_through()
    {
        using var client = HttpPipeline.CreateClient(RealClients.HangBound);

        var response = await client.GetAsync(new Uri($"{server.Url}/apps/raxx-queue-prod"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.LogEntries.ToList().Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_allowed_write_passes_only_on_its_own_path()
    {
        var allowed = new AllowedWrite(HttpMethod.Post, new System.Text.RegularExpressions.Regex("^/apps/[^/]+/log-sessions$"));
        using var client = HttpPipeline.CreateClient(RealClients.HangBound, allowed: [allowed]);

        using var content = new StringContent("{}");
        (
            await client.PostAsync(
                new Uri($"{server.Url}/apps/raxx-queue-prod/log-sessions"),
                content,
                TestContext.Current.CancellationToken
            )
        ).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Should.ThrowAsync<ReadOnlyViolationException>(() =>
            client.PostAsync(new Uri($"{server.Url}/apps/raxx-queue-prod/config-vars"), content, TestContext.Current.CancellationToken)
        );
        server.LogEntries.ToList().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_resolved_host_reaches_its_loopback_port_with_its_own_host_header()
    {
        var resolution = HostResolution.Parse($"raxx-queue-prod-327fa047b4b6.herokuapp.com:80=127.0.0.1:{server.Port}");
        using var client = HttpPipeline.CreateClient(RealClients.HangBound, resolution);

        var response = await client.GetAsync(
            new Uri("http://raxx-queue-prod-327fa047b4b6.herokuapp.com/health"),
            TestContext.Current.CancellationToken
        );

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.LogEntries.Single().RequestMessage.Headers!["Host"].Single().ShouldBe("raxx-queue-prod-327fa047b4b6.herokuapp.com");
    }

    [Theory]
    [InlineData("example.com:80=10.0.0.5:80", "points away from this machine")]
    [InlineData("example.com=127.0.0.1:80", "is not host:port=127.0.0.1:port")]
    [InlineData("example.com:80=127.0.0.1", "is not host:port=127.0.0.1:port")]
    public void A_resolve_entry_must_name_a_port_and_point_at_loopback(string entry, string expected) =>
        Should.Throw<PreflightConfigException>(() => HostResolution.Parse(entry)).Message.ShouldContain(expected);

    public void Dispose() => server.Stop();
}
