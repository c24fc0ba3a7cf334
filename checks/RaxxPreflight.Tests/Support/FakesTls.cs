using RaxxPreflight.Fakes.Servers;

namespace RaxxPreflight.Tests.Support;

/// <summary>A client for tests that talk to the fakes' TLS servers (routers, logplex) directly: it trusts their certificate alone.</summary>
internal static class FakesTls
{
    public static HttpClient Client() => new(Handler());

    /// <summary>A handler that follows no redirect, keeps no cookie, and trusts the fakes' certificate and no other self-signed one.</summary>
    public static SocketsHttpHandler Handler() =>
        new()
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == System.Net.Security.SslPolicyErrors.None
                    || (
                        certificate is not null
                        && certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256) == FakeCertificate.Pin
                    ),
            },
        };
}
