namespace RaxxPreflight.Http;

/// <summary>
/// The read-only guard every request of a run goes through: GET passes, anything else is refused
/// before it leaves the process, except the writes named in <see cref="AllowedWrite"/>.
/// </summary>
public sealed class ReadOnlyGuardHandler : DelegatingHandler
{
    private readonly IReadOnlyList<AllowedWrite> allowed;

    /// <summary>Guards <paramref name="inner"/>; <paramref name="allowed"/> lists the only writes let through.</summary>
    public ReadOnlyGuardHandler(HttpMessageHandler inner, IReadOnlyList<AllowedWrite>? allowed = null)
        : base(inner) => this.allowed = allowed ?? [];

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != HttpMethod.Get && !allowed.Any(a => a.Allows(request)))
        {
            throw new ReadOnlyViolationException(
                $"refused {request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)}: the checklist is read-only and sends only GET"
            );
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        // A permitted write is never followed anywhere: a redirect of it is refused, naming where it pointed.
        if (request.Method != HttpMethod.Get && (int)response.StatusCode is >= 300 and < 400)
        {
            var location = response.Headers.Location is { } l ? new Uri(request.RequestUri!, l) : null;
            response.Dispose();
            throw new ReadOnlyViolationException(
                $"{request.Method} {request.RequestUri?.AbsolutePath} was answered {(int)response.StatusCode} with a redirect to {(location is null ? "nowhere" : $"{location.Host}{location.AbsolutePath}")}: the checklist never follows a redirect of a write; check that the API URL names the API itself (not a proxy that redirects) and run again"
            );
        }

        return response;
    }
}
