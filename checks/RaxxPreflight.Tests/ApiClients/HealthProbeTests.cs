using Flurl.Http;
using RaxxPreflight.Health;
using RaxxPreflight.Http;
using RaxxPreflight.Rules;
using RaxxPreflight.Tests.Rules;
using RaxxPreflight.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RaxxPreflight.Tests.ApiClients;

/// <summary>
/// The run's own probe over the real pipeline, against a server answering each format as its framework does: what
/// crosses the wire (content types, redirects not followed, Cloudflare's headers) is read as the raw answer is.
/// </summary>
public sealed class HealthProbeTests : IDisposable
{
    private readonly WireMockServer server = WireMockServer.Start();
    private readonly HealthProbe probe = new(
        new FlurlClient(HttpPipeline.CreateClient(RealClients.HangBound, retries: false, passRedirects: true))
    );

    [Theory]
    [MemberData(nameof(HealthFormatsTests.Answers), MemberType = typeof(HealthFormatsTests))]
    public async Task Each_format_served_over_http_is_read_as_it_says(
        string format,
        int status,
        string contentType,
        string body,
        HealthState state,
        string[] failing
    )
    {
        server
            .Given(Request.Create().WithPath("/health"))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));

        var reading = await probe.ProbeAsync(new Uri($"{server.Url}/health"), RealClients.HangBound, TestContext.Current.CancellationToken);

        reading.State.ShouldBe(state, $"{format}: {reading.Summary}");
        reading.Failing.ShouldBe(failing, format);
    }

    [Fact]
    public async Task The_probe_asks_for_json_so_a_negotiating_endpoint_answers_in_it()
    {
        // django-health-check: an HTML table unless JSON is asked for.
        server
            .Given(Request.Create().WithPath("/ht/").WithHeader("Accept", "*application/json*"))
            .AtPriority(1)
            .RespondWith(
                Response
                    .Create()
                    .WithStatusCode(200)
                    .WithHeader("Content-Type", "application/json")
                    .WithBody("""{"DatabaseBackend": "working"}""")
            );
        server
            .Given(Request.Create().WithPath("/ht/"))
            .AtPriority(2)
            .RespondWith(
                Response
                    .Create()
                    .WithStatusCode(200)
                    .WithHeader("Content-Type", "text/html")
                    .WithBody("<html><body><table><tr><td>DatabaseBackend</td><td>working</td></tr></table></body></html>")
            );

        var reading = await probe.ProbeAsync(new Uri($"{server.Url}/ht/"), RealClients.HangBound, TestContext.Current.CancellationToken);

        reading.Format.ShouldBe("django-health-check", reading.Summary);
        reading.State.ShouldBe(HealthState.Pass);
    }

    [Fact]
    public async Task A_redirect_is_an_answer_not_a_hop_and_the_probe_headers_are_sent()
    {
        server
            .Given(Request.Create().WithPath("/health").WithHeader("CF-Access-Client-Id", "id.access"))
            .AtPriority(1)
            .RespondWith(
                Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"status":"ok"}""")
            );
        server
            .Given(Request.Create().WithPath("/health"))
            .AtPriority(2)
            .RespondWith(
                Response
                    .Create()
                    .WithStatusCode(302)
                    .WithHeader("Location", "https://raxx.cloudflareaccess.com/cdn-cgi/access/login/api.raxx.app")
            );
        var url = new Uri($"{server.Url}/health");
        var ct = TestContext.Current.CancellationToken;

        var gated = await probe.ProbeAsync(url, RealClients.HangBound, ct);
        var passed = await probe.ProbeAsync(url, RealClients.HangBound, ct, [new("CF-Access-Client-Id", "id.access")]);

        gated.State.ShouldBe(HealthState.NotHealth);
        gated.Format.ShouldBe("a Cloudflare Access login");
        HealthFindings.Problems(passed, new HealthExpectations()).ShouldBeEmpty(passed.Summary);
        server.LogEntries.Count.ShouldBe(2, "the redirect was not followed");
    }

    /// <inheritdoc />
    public void Dispose() => server.Stop();
}
