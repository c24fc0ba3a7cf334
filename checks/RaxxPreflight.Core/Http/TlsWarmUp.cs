using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RaxxPreflight.Http;

/// <summary>
/// The first TLS connection of a process pays a one-time cost, 0.15-0.25 s of CPU here (OpenSSL loaded, the trust store
/// read, the handshake's code prepared), whichever request makes it: live, every API read is TLS, so that cost sits on
/// the run's first reads; against the fakes, on staging's <c>/health</c>. This pays it on another core while the run
/// reads its config and builds its clients: one TLS handshake between two ends in this process, over loopback, with a
/// throwaway certificate that only that handshake trusts. Nothing leaves the machine, and nothing depends on it: a
/// warm-up that fails only leaves that cost where it was.
/// </summary>
public static class TlsWarmUp
{
    /// <summary>
    /// Starts the warm-up in the background, unless <c>PREFLIGHT_TLS_WARMUP=off</c>. The task never faults: it ends with
    /// the protocol the handshake agreed, or null when it did not run or failed.
    /// </summary>
    public static Task<SslProtocols?> Start() =>
        Configuration.PreflightSettings.TlsWarmUpRequested()
            ? Task.Run(async () =>
            {
                try
                {
                    return await HandshakeAsync().ConfigureAwait(false);
                }
#pragma warning disable CA1031 // An optimisation's failure is no finding: the first real connection then pays the cost it would have anyway, and reports its own errors.
                catch (Exception)
#pragma warning restore CA1031
                {
                    return null;
                }
            })
            : Task.FromResult<SslProtocols?>(null);

    /// <summary>One TLS handshake over loopback between a client and a server of this process; returns the agreed protocol.</summary>
    public static async Task<SslProtocols?> HandshakeAsync()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256).CreateSelfSigned(
            now.AddMinutes(-5),
            now.AddMinutes(5)
        );
        var pin = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var accepting = listener.AcceptTcpClientAsync();
#pragma warning disable RXP0003 // A loopback connection to this process's own listener: it carries one TLS handshake and no request, and never leaves the machine.
            using var client = new TcpClient();
#pragma warning restore RXP0003
            await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port).ConfigureAwait(false);
            using var accepted = await accepting.ConfigureAwait(false);
            using var server = new SslStream(accepted.GetStream());
            // The client trusts exactly the certificate made above, as the fakes' pin does: nothing else passes.
            using var tls = new SslStream(
                client.GetStream(),
                false,
                (_, presented, _, _) =>
                    presented is not null
                    && string.Equals(presented.GetCertHashString(HashAlgorithmName.SHA256), pin, StringComparison.Ordinal)
            );
            await Task.WhenAll(
                    server.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }),
                    tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" })
                )
                .ConfigureAwait(false);
            return tls.SslProtocol;
        }
        finally
        {
            listener.Stop();
        }
    }
}
