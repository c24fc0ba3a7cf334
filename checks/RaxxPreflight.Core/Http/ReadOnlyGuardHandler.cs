namespace RaxxPreflight.Http;

/// <summary>
/// The read-only guard every request of a run goes through: GET passes, anything else is refused
/// before it leaves the process, except the writes named in <see cref="AllowedWrite"/>.
/// </summary>
public sealed class ReadOnlyGuardHandler : DelegatingHandler
{
    private readonly IReadOnlyList<AllowedWrite> allowed;
    private readonly bool passRedirects;

    /// <summary>
    /// Guards <paramref name="inner"/>; <paramref name="allowed"/> lists the only writes let through. A GET redirected
    /// to another host is refused (<see cref="RedirectRefusedException"/>) unless <paramref name="passRedirects"/>
    /// (the health probe, which reads a redirect as an answer and follows none).
    /// </summary>
    public ReadOnlyGuardHandler(HttpMessageHandler inner, IReadOnlyList<AllowedWrite>? allowed = null, bool passRedirects = false)
        : base(inner)
    {
        this.allowed = allowed ?? [];
        this.passRedirects = passRedirects;
    }

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

        // A read redirected to another host is not followed: its answer would be the other host's, not the API's.
        if (!passRedirects && (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } to)
        {
            var target = new Uri(request.RequestUri!, to);
            if (
                Uri.Compare(
                    target,
                    request.RequestUri,
                    UriComponents.SchemeAndServer,
                    UriFormat.Unescaped,
                    StringComparison.OrdinalIgnoreCase
                ) != 0
            )
            {
                response.Dispose();
                throw new RedirectRefusedException(
                    $"redirected GET {request.RequestUri?.AbsolutePath} to {target.GetLeftPart(UriPartial.Path)}: not followed"
                );
            }
        }

        return response;
    }
}
