namespace RaxxPreflight.Health;

/// <summary>One probe of a health endpoint: what came back, or why nothing did.</summary>
/// <param name="Url">The URL probed.</param>
/// <param name="Status">The HTTP status; null when no answer came.</param>
/// <param name="ReportedStatus">The JSON <c>status</c> field, if the body had one.</param>
/// <param name="Service">The JSON <c>service</c> field, if any.</param>
/// <param name="Version">The JSON <c>version</c> field, if any.</param>
/// <param name="Problem">What went wrong, in words: no answer, not JSON, and so on.</param>
public sealed record HealthReading(Uri Url, int? Status, string? ReportedStatus, string? Service, string? Version, string? Problem)
{
    /// <summary>A short account of what was seen, for messages and attempt records.</summary>
    public string Summary =>
        Status is null
            ? Problem ?? "no answer"
            : $"HTTP {Status}{(ReportedStatus is null ? string.Empty : $", status \"{ReportedStatus}\"")}{(Service is null ? string.Empty : $", service \"{Service}\"")}{(Version is null ? string.Empty : $", version \"{Version}\"")}{(Problem is null ? string.Empty : $" ({Problem})")}";
}
