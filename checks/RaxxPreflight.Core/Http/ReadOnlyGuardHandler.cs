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
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == HttpMethod.Get || allowed.Any(a => a.Allows(request)))
        {
            return base.SendAsync(request, cancellationToken);
        }

        throw new ReadOnlyViolationException(
            $"refused {request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)}: the checklist is read-only and sends only GET"
        );
    }
}
