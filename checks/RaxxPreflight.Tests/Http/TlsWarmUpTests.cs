using System.Security.Authentication;
using RaxxPreflight.Http;

namespace RaxxPreflight.Tests.Http;

/// <summary>The checklist pays TLS's first-use cost ahead, with a handshake inside its own process.</summary>
public sealed class TlsWarmUpTests
{
    [Fact]
    public async Task The_warm_up_is_a_real_tls_handshake_between_two_ends_of_this_process()
    {
        var protocol = await TlsWarmUp.HandshakeAsync();

        protocol.ShouldNotBeNull();
        protocol.Value.ShouldBeOneOf(SslProtocols.Tls12, SslProtocols.Tls13);
    }

    [Fact]
    public async Task Started_in_the_background_it_ends_with_the_agreed_protocol()
    {
        var warmUp = TlsWarmUp.Start();

        var protocol = await warmUp;

        warmUp.IsCompletedSuccessfully.ShouldBeTrue();
        // The test process has no PREFLIGHT_TLS_WARMUP=off: the warm-up ran.
        protocol.ShouldNotBeNull();
    }
}
