namespace RaxxPreflight.GitHub;

/// <summary>
/// <c>GET /repos/{o}/{r}/environments/{name}</c>, read through Octokit's connection: Octokit 14's own
/// environment model has no protection rules (see ../shared/api-contracts/NOTES.md).
/// </summary>
public sealed class GitHubEnvironmentInfo
{
    /// <summary>The environment's name.</summary>
    public string? Name { get; set; }

    /// <summary>The protection rules; empty when the environment has none.</summary>
    public IReadOnlyList<GitHubProtectionRule>? ProtectionRules { get; set; }
}

/// <summary>One environment protection rule.</summary>
public sealed class GitHubProtectionRule
{
    /// <summary>The rule's id.</summary>
    public long Id { get; set; }

    /// <summary><c>required_reviewers</c>, <c>wait_timer</c> or <c>branch_policy</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The minutes to wait, for a wait timer.</summary>
    public int? WaitTimer { get; set; }

    /// <summary>The reviewers, for a required-reviewers rule.</summary>
    public IReadOnlyList<GitHubReviewer>? Reviewers { get; set; }
}

/// <summary>A required reviewer: a user or a team.</summary>
public sealed class GitHubReviewer
{
    /// <summary><c>User</c> or <c>Team</c>.</summary>
    public string? Type { get; set; }
}
