namespace RaxxPreflight.Rules.Values;

/// <summary>What an https URL points at: scheme, host, port and path, a trailing slash ignored.</summary>
/// <param name="Scheme">The scheme.</param>
/// <param name="Host">The host, lower-case.</param>
/// <param name="Port">The port.</param>
/// <param name="Path">The path without its trailing slash.</param>
public sealed record UrlTarget(string Scheme, string Host, int Port, string Path)
{
    /// <summary>The target of <paramref name="text"/>, or null when it is not an absolute http(s) URL.</summary>
    public static UrlTarget? Parse(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0
            ? new UrlTarget(uri.Scheme, uri.Host, uri.Port, uri.AbsolutePath.TrimEnd('/'))
            : null;

    /// <summary>True when both reach the same service: same scheme, host and port, one path within the other.</summary>
    public bool SameService(UrlTarget other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Scheme == other.Scheme && Host == other.Host && Port == other.Port && (Within(Path, other.Path) || Within(other.Path, Path));
    }

    /// <summary><c>https://raptor.example:443/v1</c>.</summary>
    public override string ToString() => $"{Scheme}://{Host}:{Port}{Path}";

    private static bool Within(string inner, string outer) =>
        outer.Length == 0 || inner == outer || inner.StartsWith(outer + "/", StringComparison.Ordinal);
}
