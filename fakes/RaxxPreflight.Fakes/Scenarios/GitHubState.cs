namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>The repository as the GitHub fake serves it.</summary>
/// <param name="Owner">The owner.</param>
/// <param name="Repository">The repository's name.</param>
/// <param name="Branches">Each branch's HEAD commit.</param>
/// <param name="Files">File contents by path, on the default branch.</param>
/// <param name="Environments">The environments by name, with their protection rules.</param>
/// <param name="Runs">The runs of the deploy workflow, in any order.</param>
public sealed record GitHubState(
    string Owner,
    string Repository,
    IReadOnlyDictionary<string, string> Branches,
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyDictionary<string, IReadOnlyList<ProtectionRuleState>> Environments,
    IReadOnlyList<WorkflowRunState> Runs
);

/// <summary>An environment protection rule.</summary>
/// <param name="Id">The rule's id.</param>
/// <param name="Type"><c>required_reviewers</c>, <c>wait_timer</c> or <c>branch_policy</c>.</param>
/// <param name="ReviewerLogins">The users who may approve, for a required-reviewers rule.</param>
public sealed record ProtectionRuleState(long Id, string Type, IReadOnlyList<string> ReviewerLogins);

/// <summary>One run of a workflow.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="RunNumber">Its number in the workflow.</param>
/// <param name="WorkflowFile">The workflow's file name.</param>
/// <param name="HeadSha">The commit it built.</param>
/// <param name="HeadBranch">The branch.</param>
/// <param name="Event">What triggered it.</param>
/// <param name="Status">queued, in_progress or completed.</param>
/// <param name="Conclusion">success, failure, cancelled, ...; null while running.</param>
/// <param name="CreatedAt">When it started.</param>
public sealed record WorkflowRunState(
    long Id,
    int RunNumber,
    string WorkflowFile,
    string HeadSha,
    string HeadBranch,
    string Event,
    string Status,
    string? Conclusion,
    DateTimeOffset CreatedAt
);

/// <summary>The secret keys Stripe knows.</summary>
/// <param name="Keys">Each known key and the livemode of its account's balance.</param>
public sealed record StripeState(IReadOnlyDictionary<string, bool> Keys);
