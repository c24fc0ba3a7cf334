using System.Text.RegularExpressions;

namespace RaxxPreflight.Http;

/// <summary>One write the read-only guard lets through: a method and a path pattern, nothing wider.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathPattern">A regular expression the whole request path must match.</param>
public sealed record AllowedWrite(HttpMethod Method, Regex PathPattern)
{
    /// <summary>True when <paramref name="request"/> is this write.</summary>
    public bool Allows(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Method == Method && request.RequestUri is { } uri && PathPattern.IsMatch(uri.AbsolutePath);
    }
}
