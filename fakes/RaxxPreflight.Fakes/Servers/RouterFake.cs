using RaxxPreflight.Fakes.Scenarios;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RaxxPreflight.Fakes.Servers;

/// <summary>An app's Heroku router: what the app's <c>web_url</c> serves, its health path among it.</summary>
public sealed class RouterFake : IDisposable
{
    private readonly WireMockServer server;

    private RouterFake(WireMockServer server, string host)
    {
        this.server = server;
        Host = host;
    }

    /// <summary>The herokuapp.com host the app's <c>web_url</c> names, which resolves here.</summary>
    public string Host { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port => server.Port;

    /// <summary>Every request the router has received, oldest first.</summary>
    public IReadOnlyList<IRequestMessage> Requests => [.. server.LogEntries.Select(e => e.RequestMessage)];

    /// <summary>
    /// Starts the router of <paramref name="app"/>, answering <paramref name="healthPath"/> with the router state of the
    /// app as <paramref name="current"/> returns it for each request.
    /// </summary>
    public static RouterFake Start(AppState app, Func<AppState> current, string healthPath)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(current);
        var fake = new RouterFake(Tls(), $"{app.Name}-{app.HostSuffix}.herokuapp.com");
        fake.server.Given(Request.Create().WithPath(healthPath).UsingGet())
            .AtPriority(10)
            .RespondWith(Response.Create().WithCallback(request => Answer(Gated(current().Router, request, fake.Host))));

        // Anything else the app does not serve: a 404 from the app, or the router's own page when no dyno runs.
        fake.server.Given(Request.Create().WithPath(new WildcardMatcher("/*")))
            .AtPriority(100)
            .RespondWith(
                Response
                    .Create()
                    .WithCallback(_ =>
                        current().Router is { Status: 503 } down
                            ? Answer(down)
                            : FakeHttp.Answer(404, "application/json", """{"error":"not found"}""", [])
                    )
            );
        return fake;
    }

    /// <summary>A WireMock server that speaks TLS with the fakes' certificate, as Heroku's routers and logplex do.</summary>
    internal static WireMockServer Tls() =>
        WireMockServer.Start(
            new WireMock.Settings.WireMockServerSettings
            {
                UseSSL = true,
                CertificateSettings = new WireMock.Settings.WireMockCertificateSettings { X509Certificate = FakeCertificate.Certificate },
            }
        );

    /// <inheritdoc />
    public void Dispose() => server.Stop();

    /// <summary>Delays every answer by <paramref name="latency"/> (on top of any delay already added): a benchmark's network.</summary>
    internal void AddLatency(TimeSpan latency) => server.AddGlobalProcessingDelay(latency);

    private static ResponseMessage Answer(RouterState state) =>
        FakeHttp.Answer(state.Status, state.ContentType, state.Body, state.Headers.Count > 0 ? state.Headers : [new("Via", "1.1 vegur")]);

    // Cloudflare Access before the app: the service token's headers pass, anything else goes to the login page.
    private static RouterState Gated(RouterState state, WireMock.IRequestMessage request, string host) =>
        state.AccessToken is not { } token
        || token.All(t =>
            request.Headers?.FirstOrDefault(h => string.Equals(h.Key, t.Key, StringComparison.OrdinalIgnoreCase)).Value is { } values
            && values.Contains(t.Value, StringComparer.Ordinal)
        )
            ? state
            : RouterState.AccessLogin(host);
}
