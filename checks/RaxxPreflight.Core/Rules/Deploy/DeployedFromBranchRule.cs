using RaxxPreflight.GitHub;

namespace RaxxPreflight.Rules.Deploy;

/// <summary>
/// <c>staging-deployed-from-main</c>'s judgement: the newest successful run of the deploy workflow on the branch built
/// the branch's HEAD (the deploy promotes what staging runs, so staging must run the branch's HEAD).
/// </summary>
public static class DeployedFromBranchRule
{
    /// <summary>
    /// The command that deploys the branch's HEAD to staging again: with <c>-f INPUT=staging</c> where the config names the
    /// workflow's target input, else the workflow's own defaults.
    /// </summary>
    public static string Redeploy(string workflowFile, string repository, string branch, string? targetInput) =>
        $"gh workflow run {workflowFile} --repo {repository} --ref {branch}{(targetInput is null ? string.Empty : $" -f {targetInput}=staging")}";

    /// <summary>Rules on the newest successful run (null: none) and the branch's HEAD.</summary>
    public static Ruling Judge(
        DeployRun? run,
        string head,
        string workflowFile,
        string repository,
        string branch,
        string? targetInput = null
    )
    {
        ArgumentNullException.ThrowIfNull(head);
        var redeploy = Redeploy(workflowFile, repository, branch, targetInput);
        if (run is null)
        {
            return Ruling.Fails(
                $"{workflowFile} has no successful run on {branch}: staging may not run {branch} at all",
                [$"{branch}'s HEAD is {Abbreviated(head)}"],
                [redeploy]
            );
        }

        return run.HeadSha == head
            ? Ruling.Holds()
            : Ruling.Fails(
                $"the newest successful {workflowFile} run on {branch} (#{run.RunNumber}) built {Abbreviated(run.HeadSha)}, but {branch}'s HEAD is {Abbreviated(head)}",
                [$"run #{run.RunNumber} ({run.Event}, {run.CreatedAt:u}) {run.HtmlUrl}"],
                [redeploy]
            );
    }

    /// <summary>A commit's short form, as git shows it (8 characters).</summary>
    public static string Abbreviated(string sha)
    {
        ArgumentNullException.ThrowIfNull(sha);
        return sha.Length > 8 ? sha[..8] : sha;
    }
}
