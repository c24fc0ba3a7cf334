using RaxxPreflight.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RaxxPreflight.Rules;

/// <summary>
/// Reads the deploy workflow's confirm gate from its parsed YAML: <c>workflow_dispatch</c> inputs for the
/// target and the confirm phrase, a deploy job that runs only on both, and a job that fails the run otherwise.
/// </summary>
public static class WorkflowGate
{
    /// <summary>What is missing from the gate; empty when the gate holds.</summary>
    public static IReadOnlyList<string> Problems(string yaml, GateConfig gate, string workflowPath)
    {
        ArgumentNullException.ThrowIfNull(gate);
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml ?? string.Empty));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                return [$"{workflowPath} is not a workflow (its top level is not a mapping)"];
            }

            root = mapping;
        }
        catch (YamlException e)
        {
            return [$"{workflowPath} is not valid YAML (line {e.Start.Line}: {e.Message.Split('\n')[0]})"];
        }

        var problems = new List<string>();
        var inputs = Child(Child(Child(root, "on"), "workflow_dispatch"), "inputs") as YamlMappingNode;
        foreach (var input in new[] { gate.TargetInput, gate.ConfirmInput })
        {
            if (inputs is null || Child(inputs, input) is null)
            {
                problems.Add($"on.workflow_dispatch.inputs has no '{input}' input");
            }
        }

        var jobs = Child(root, "jobs") as YamlMappingNode;
        var deploy = jobs is null ? null : Child(jobs, gate.DeployJob) as YamlMappingNode;
        if (deploy is null)
        {
            problems.Add($"jobs has no '{gate.DeployJob}' job");
        }
        else
        {
            var condition = GateCondition.Parse(Scalar(Child(deploy, "if")));
            if (
                !condition.Requires(gate.TargetInput, "==", gate.TargetValue)
                || !condition.Requires(gate.ConfirmInput, "==", gate.ConfirmPhrase)
            )
            {
                problems.Add(
                    $"job '{gate.DeployJob}' does not run only when {gate.TargetInput} == '{gate.TargetValue}' && {gate.ConfirmInput} == '{gate.ConfirmPhrase}' (its if: is {Shown(Scalar(Child(deploy, "if")))})"
                );
            }
        }

        var rejects =
            jobs?.Children.Where(job => job.Value is YamlMappingNode body && IsRejection(body, gate))
                .Select(job => Scalar(job.Key))
                .ToList()
            ?? [];
        if (rejects.Count == 0)
        {
            problems.Add(
                $"no job runs when {gate.TargetInput} == '{gate.TargetValue}' and {gate.ConfirmInput} != '{gate.ConfirmPhrase}' and fails the run (exit 1)"
            );
        }

        return problems;
    }

    private static bool IsRejection(YamlMappingNode job, GateConfig gate)
    {
        var condition = GateCondition.Parse(Scalar(Child(job, "if")));
        if (!condition.Requires(gate.ConfirmInput, "!=", gate.ConfirmPhrase))
        {
            return false;
        }

        return Child(job, "steps") is YamlSequenceNode steps
            && steps.Children.OfType<YamlMappingNode>().Any(step => Scalar(Child(step, "run")) is { } run && FailsTheRun(run));
    }

    private static bool FailsTheRun(string script) =>
        script
            .Split('\n')
            .Select(line => line.Trim())
            .Any(line =>
                line.StartsWith("exit 1", StringComparison.Ordinal) || line.EndsWith("exit 1", StringComparison.Ordinal) || line == "false"
            );

    private static string Shown(string? condition) => condition is null ? "missing" : $"'{condition}'";

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;
}
