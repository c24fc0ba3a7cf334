namespace RaxxPreflight.GitHub;

/// <summary>One run of the deploy workflow (the fields the checklist reads).</summary>
/// <param name="RunNumber">The run's number in the workflow.</param>
/// <param name="HeadSha">The commit the run built.</param>
/// <param name="HeadBranch">The branch it ran on.</param>
/// <param name="Event">What triggered it.</param>
/// <param name="Conclusion">success, failure, cancelled, ...; null while running.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="HtmlUrl">Where to look at it.</param>
public sealed record DeployRun(
    long RunNumber,
    string HeadSha,
    string? HeadBranch,
    string? Event,
    string? Conclusion,
    DateTimeOffset CreatedAt,
    Uri? HtmlUrl
);
