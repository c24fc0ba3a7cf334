namespace RaxxPreflight.Health;

/// <summary>What a health endpoint sent back, before it is read: the status, the headers that tell who answered, the body.</summary>
/// <param name="Url">The URL probed.</param>
/// <param name="Status">The HTTP status; null when nothing came back.</param>
/// <param name="ContentType">The Content-Type, if any.</param>
/// <param name="Headers">The headers that name who answered and where it points: Location, Server, cf-ray, cf-mitigated.</param>
/// <param name="Body">The body (its first few KB).</param>
/// <param name="Problem">Why nothing (or only part) came back.</param>
public sealed record HealthAnswer(
    Uri Url,
    int? Status,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? Problem = null
)
{
    /// <summary>The headers <see cref="HealthProbe"/> keeps: what the reading of an answer may use.</summary>
    public static IReadOnlyList<string> KeptHeaders { get; } = ["Location", "Server", "cf-ray", "cf-mitigated"];

    /// <summary>Nothing came back from <paramref name="url"/>, for <paramref name="problem"/>.</summary>
    public static HealthAnswer None(Uri url, string problem, int? status = null) =>
        new(url, status, null, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), string.Empty, problem);

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
