namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>The blockers cleared, with a deploy workflow whose gate does not hold.</summary>
public static class GateScenarios
{
    /// <summary>
    /// Required reviewers on <c>production</c>, but <c>deploy-prod</c> runs on every push to main and declares no
    /// environment: nothing stands before it. A checklist that looked only at the environment would pass.
    /// </summary>
    public static Scenario ProdDeployedOnPush()
    {
        var ready = SeedScenarios.Ready();
        return ready with
        {
            Name = ScenarioNames.ProdDeployedOnPush,
            Description = "reviewers on production, but deploy-prod runs on every push to main with no environment",
            GitHub = ready.GitHub with
            {
                Files = new Dictionary<string, string>(ready.GitHub.Files, StringComparer.Ordinal)
                {
                    [DeployWorkflow.Path] = DeployWorkflow.DeployOnPush,
                },
            },
        };
    }
}
