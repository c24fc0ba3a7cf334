using System.Net;
using System.Net.Sockets;

namespace RaxxPreflight.Http;

/// <summary>Builds the one HTTP stack every client of a run uses: the read-only guard over sockets.</summary>
public static class HttpPipeline
{
    /// <summary>The guarded handler, for clients that take a handler (Octokit).</summary>
    public static HttpMessageHandler CreateHandler(HostResolution? resolution = null, IReadOnlyList<AllowedWrite>? allowed = null)
    {
        var sockets = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        if (resolution is { IsEmpty: false })
        {
            sockets.ConnectCallback = async (context, cancellationToken) =>
            {
                var target = resolution.Find(context.DnsEndPoint.Host, context.DnsEndPoint.Port);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
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

        return new ReadOnlyGuardHandler(sockets, allowed);
    }

    /// <summary>A guarded <see cref="HttpClient"/> whose requests time out after <paramref name="timeout"/>.</summary>
    public static HttpClient CreateClient(
        TimeSpan timeout,
        HostResolution? resolution = null,
        IReadOnlyList<AllowedWrite>? allowed = null
    ) => new(CreateHandler(resolution, allowed), disposeHandler: true) { Timeout = timeout };
}
