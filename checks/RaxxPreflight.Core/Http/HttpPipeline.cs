namespace RaxxPreflight.Http;

/// <summary>Builds the one HTTP stack every client of a run uses: the read-only guard over sockets.</summary>
public static class HttpPipeline
{
    /// <summary>The guarded handler, for clients that take a handler (Octokit).</summary>
    public static HttpMessageHandler CreateHandler(IReadOnlyList<AllowedWrite>? allowed = null) =>
        new ReadOnlyGuardHandler(
            new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(10),
                AutomaticDecompression = System.Net.DecompressionMethods.All,
            },
            allowed);

    /// <summary>A guarded <see cref="HttpClient"/> whose requests time out after <paramref name="timeout"/>.</summary>
    public static HttpClient CreateClient(TimeSpan timeout, IReadOnlyList<AllowedWrite>? allowed = null) =>
        new(CreateHandler(allowed), disposeHandler: true) { Timeout = timeout };
}
