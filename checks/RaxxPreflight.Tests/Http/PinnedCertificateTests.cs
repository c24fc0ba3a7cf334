using RaxxPreflight.Configuration;
using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Fakes.Servers;
using RaxxPreflight.Http;

namespace RaxxPreflight.Tests.Http;

/// <summary>The fakes speak TLS with their own certificate: a run trusts it on the connections it redirects to them, and nowhere else.</summary>
public sealed class PinnedCertificateTests : IDisposable
{
    private readonly FakeWorld fakes = FakeWorld.Start(DeployScenarios.Deployed());
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Fact]
    public void The_pin_is_trusted_for_the_redirected_hosts_only_and_must_be_a_sha256()
    {
        var resolution = HostResolution.Parse(fakes.Resolve, fakes.CertificatePin);

        resolution.Trusts(fakes.ProdRouter.Host, FakeCertificate.Certificate).ShouldBeTrue();
        resolution.Trusts(LogplexFake.Host.ToUpperInvariant(), FakeCertificate.Certificate).ShouldBeTrue();
        resolution.Trusts("api.heroku.com", FakeCertificate.Certificate).ShouldBeFalse();
        HostResolution.Parse(fakes.Resolve).Trusts(fakes.ProdRouter.Host, FakeCertificate.Certificate).ShouldBeFalse();
        Should
            .Throw<PreflightConfigException>(() => HostResolution.Parse(fakes.Resolve, "not-a-hash"))
            .Message.ShouldBe($"{Settings.ResolveCertificate} is not a certificate's SHA-256 (64 hex digits)");
    }

    [Fact]
    public async Task A_redirected_https_health_url_answers_with_the_pin_and_fails_its_handshake_without_it()
    {
        var health = new Uri($"https://{fakes.ProdRouter.Host}/health");
        using var pinned = HttpPipeline.CreateClient(TimeSpan.FromSeconds(30), HostResolution.Parse(fakes.Resolve, fakes.CertificatePin));
        using var unpinned = HttpPipeline.CreateClient(TimeSpan.FromSeconds(30), HostResolution.Parse(fakes.Resolve), retries: false);

        using var answer = await pinned.GetAsync(health, ct);

        ((int)answer.StatusCode).ShouldBe(200);
        var refused = await Should.ThrowAsync<HttpRequestException>(() => unpinned.GetAsync(health, ct));
        refused.InnerException.ShouldBeOfType<System.Security.Authentication.AuthenticationException>();
    }

    /// <inheritdoc />
    public void Dispose() => fakes.Dispose();
}
