using System.Net;
using System.Net.Sockets;

namespace RaxxPreflight.Http;

/// <summary>Builds the one HTTP stack every client of a run uses: the read-only guard over sockets.</summary>
public static class HttpPipeline
{
    /// <summary>How long the first retry of a transient fault waits (then twice that).</summary>
    public static readonly TimeSpan RetryBackoff = TimeSpan.FromMilliseconds(400);

    /// <summary>The guarded handler, for clients that take a handler (Octokit); GETs that meet a transient fault are retried unless <paramref name="retries"/> is false.</summary>
    public static HttpMessageHandler CreateHandler(
        HostResolution? resolution = null,
        IReadOnlyList<AllowedWrite>? allowed = null,
        bool retries = true,
        bool passRedirects = false
    )
    {
        var sockets = new SocketsHttpHandler
        {
            // Never below the guard: a redirect followed here would resend a write to wherever it points
            // (a 307 turns the log-session POST into a POST of the Location). Clients above the guard follow
            // a GET's redirect themselves, every hop through the guard, credentials kept to their own host.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        // A pinned certificate (the fakes') is accepted on the connections the resolution redirects, and only there.
        if (resolution is { PinsACertificate: true })
        {
            sockets.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (sender is System.Net.Security.SslStream stream && resolution.Trusts(stream.TargetHostName, certificate));
        }

        if (resolution is { IsEmpty: false })
        {
            sockets.ConnectCallback = async (context, cancellationToken) =>
            {
                var target = resolution.Find(context.DnsEndPoint.Host, context.DnsEndPoint.Port);
#pragma warning disable RXP0003 // The pipeline's own connection for a resolved host: every request on it passes the read-only guard above.
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
#pragma warning restore RXP0003
                try
                {
                    EndPoint endpoint = target is null ? context.DnsEndPoint : target;
                    await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        var guard = new ReadOnlyGuardHandler(sockets, allowed, passRedirects);
        return retries ? new RetryHandler(guard, RetryBackoff) : guard;
    }

    /// <summary>A guarded <see cref="HttpClient"/> whose requests (retries included) time out after <paramref name="timeout"/>.</summary>
    public static HttpClient CreateClient(
        TimeSpan timeout,
        HostResolution? resolution = null,
        IReadOnlyList<AllowedWrite>? allowed = null,
        bool retries = true,
        bool passRedirects = false
    ) => new(CreateHandler(resolution, allowed, retries, passRedirects), disposeHandler: true) { Timeout = timeout };
}
