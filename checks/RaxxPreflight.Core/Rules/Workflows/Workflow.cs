using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RaxxPreflight.Rules.Workflows;

/// <summary>A trigger of a workflow: its event, and for a push whether it is one of tags.</summary>
/// <param name="Event"><c>push</c>, <c>pull_request</c>, <c>release</c>, <c>schedule</c>, <c>workflow_run</c>, <c>workflow_call</c>, <c>workflow_dispatch</c>...</param>
/// <param name="Detail">What narrows it, in words (<c>branches main</c>, <c>tags v*</c>); null when nothing does.</param>
public sealed record Trigger(string Event, string? Detail)
{
    /// <summary>True for the events that carry inputs.</summary>
    public bool HasInputs => Event is "workflow_dispatch" or "workflow_call";

    /// <summary><c>a push to main</c>, <c>a manual dispatch</c>, <c>a published release</c>.</summary>
    public string Words =>
        Event switch
        {
            "push" => Detail is null ? "a push" : $"a push ({Detail})",
            "pull_request" or "pull_request_target" => $"a pull request{(Detail is null ? string.Empty : $" ({Detail})")}",
            "release" => "a release",
            "schedule" => "the schedule",
            "workflow_run" => $"another workflow's run{(Detail is null ? string.Empty : $" ({Detail})")}",
            "workflow_call" => "a call from another workflow",
            "workflow_dispatch" => "a manual dispatch",
            "repository_dispatch" => "a repository dispatch",
            _ => $"the {Event} event",
        };
}

/// <summary>A step: its condition, its script or action, what it is given.</summary>
/// <param name="Name">Its name, or what it runs.</param>
/// <param name="If">Its <c>if:</c>, as written.</param>
/// <param name="Run">Its <c>run:</c> script.</param>
/// <param name="Uses">Its <c>uses:</c> action.</param>
/// <param name="With">Its <c>with:</c> inputs.</param>
/// <param name="Env">Its <c>env:</c>.</param>
public sealed record JobStep(
    string Name,
    string? If,
    string? Run,
    string? Uses,
    IReadOnlyDictionary<string, string> With,
    IReadOnlyDictionary<string, string> Env
);

/// <summary>A job.</summary>
/// <param name="Id">Its key under <c>jobs:</c>.</param>
/// <param name="If">Its <c>if:</c>, as written.</param>
/// <param name="Needs">The jobs it needs.</param>
/// <param name="Environment">The GitHub environment it runs in: a name or an expression; null for none.</param>
/// <param name="Uses">For a call of a reusable workflow: what it calls.</param>
/// <param name="Steps">Its steps, in order.</param>
/// <param name="Env">Its <c>env:</c>.</param>
public sealed record Job(
    string Id,
    string? If,
    IReadOnlyList<string> Needs,
    string? Environment,
    string? Uses,
    IReadOnlyList<JobStep> Steps,
    IReadOnlyDictionary<string, string> Env
);

/// <summary>
/// A GitHub Actions workflow as the deploy gate reads it: its triggers (with the dispatch inputs), its jobs,
/// the <c>needs:</c> graph, each <c>if:</c>, each job's environment in every form, and the steps' scripts.
/// </summary>
/// <param name="Triggers">What starts it.</param>
/// <param name="Inputs">The <c>workflow_dispatch</c> (or <c>workflow_call</c>) inputs by name, with their type.</param>
/// <param name="Jobs">Its jobs, in order.</param>
/// <param name="Env">Its top-level <c>env:</c>.</param>
public sealed partial record Workflow(
    IReadOnlyList<Trigger> Triggers,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyList<Job> Jobs,
    IReadOnlyDictionary<string, string> Env
)
{
    /// <summary>Reads a workflow file.</summary>
    /// <exception cref="FormatException">It is not YAML, or not a workflow; the message says where.</exception>
    public static Workflow Parse(string yaml)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml ?? string.Empty));
            root =
                stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode mapping
                    ? mapping
                    : throw new FormatException("it is not a workflow (its top level is not a mapping)");
        }
        catch (YamlException e)
        {
            throw new FormatException($"it is not valid YAML (line {e.Start.Line}: {e.Message.Split('\n')[0]})", e);
        }

        var on = Child(root, "on") ?? Child(root, "true") ?? throw new FormatException("it has no 'on:' triggers");
        var triggers = new List<Trigger>();
        var inputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var options = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        switch (on)
        {
            case YamlScalarNode single:
                triggers.Add(new Trigger(single.Value ?? string.Empty, null));
                break;
            case YamlSequenceNode list:
                triggers.AddRange(list.Children.OfType<YamlScalarNode>().Select(s => new Trigger(s.Value ?? string.Empty, null)));
                break;
            case YamlMappingNode events:
                foreach (var (key, body) in events.Children)
                {
                    var name = Scalar(key) ?? string.Empty;
                    if (name is "workflow_dispatch" or "workflow_call" && Child(body, "inputs") is YamlMappingNode declared)
                    {
                        foreach (var (input, spec) in declared.Children)
                        {
                            inputs[Scalar(input) ?? string.Empty] = Scalar(Child(spec, "type")) ?? "string";
                            if (Child(spec, "options") is YamlSequenceNode listed)
                            {
                                options[Scalar(input) ?? string.Empty] = Scalars(listed);
                            }
                        }
                    }

                    if (name == "push" && Child(body, "tags") is { } tags && Child(body, "branches") is null)
                    {
                        triggers.Add(new Trigger(name, $"tags {string.Join(", ", Scalars(tags))}"));
                    }
                    else if (name is "push" or "pull_request" or "pull_request_target" && Child(body, "branches") is { } branches)
                    {
                        triggers.Add(new Trigger(name, $"to {string.Join(", ", Scalars(branches))}"));
                    }
                    else if (name == "workflow_run" && Child(body, "workflows") is { } workflows)
                    {
                        triggers.Add(new Trigger(name, string.Join(", ", Scalars(workflows))));
                    }
                    else
                    {
                        triggers.Add(new Trigger(name, null));
                    }
                }

                break;
        }

        var jobs = Child(root, "jobs") as YamlMappingNode ?? throw new FormatException("it has no 'jobs:'");
        return new Workflow(
            triggers,
            inputs,
            [.. jobs.Children.Select(j => ReadJob(Scalar(j.Key) ?? string.Empty, j.Value))],
            Map(Child(root, "env"))
        )
        {
            Options = options,
        };
    }

    /// <summary>The options of each <c>choice</c> input, by input name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Options { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The environments an <c>environment:</c> expression can name when it is a choice input itself
    /// (<c>${{ inputs.environment }}</c>, <c>${{ github.event.inputs.environment }}</c>): the input and its options;
    /// null for a literal, or an expression the options do not settle.
    /// </summary>
    public (string Input, IReadOnlyList<string> Options)? Choices(string? environment)
    {
        if (environment is null || ChoiceReference().Match(environment) is not { Success: true } match)
        {
            return null;
        }

        // `inputs.environment || 'staging'`: the options, and the fallback for an empty choice (a run by another trigger).
        var input = match.Groups["input"].Value;
        return Options.TryGetValue(input, out var listed) && listed.Count > 0
            ? (
                input,
                match.Groups["fallback"].Success
                    ? [.. listed.Append(match.Groups["fallback"].Value).Distinct(StringComparer.OrdinalIgnoreCase)]
                    : listed
            )
            : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(
        @"^\s*\$\{\{\s*(github\.event\.)?inputs\.(?<input>[A-Za-z_][A-Za-z0-9_-]*)(\s*\|\|\s*'(?<fallback>[^']+)')?\s*\}\}\s*$"
    )]
    private static partial System.Text.RegularExpressions.Regex ChoiceReference();

    /// <summary>The job named <paramref name="id"/>, if any.</summary>
    public Job? JobNamed(string id) => Jobs.FirstOrDefault(j => j.Id == id);

    private static Job ReadJob(string id, YamlNode body)
    {
        var needs = Child(body, "needs") switch
        {
            YamlScalarNode one => [one.Value ?? string.Empty],
            YamlSequenceNode many => Scalars(many),
            _ => [],
        };

        // environment: production | { name: production, url: ... } | ${{ inputs.environment }}
        var environment = Child(body, "environment") switch
        {
            YamlScalarNode name => name.Value,
            YamlMappingNode mapping => Scalar(Child(mapping, "name")),
            _ => null,
        };
        var steps = Child(body, "steps") is YamlSequenceNode list
            ? list.Children.OfType<YamlMappingNode>().Select((s, i) => ReadStep(s, i)).ToList()
            : [];
        return new Job(id, Scalar(Child(body, "if")), needs, environment, Scalar(Child(body, "uses")), steps, Map(Child(body, "env")));
    }

    private static JobStep ReadStep(YamlMappingNode step, int index)
    {
        var run = Scalar(Child(step, "run"));
        var uses = Scalar(Child(step, "uses"));
        var name = Scalar(Child(step, "name")) ?? uses ?? FirstLine(run) ?? $"step {index + 1}";
        return new JobStep(name, Scalar(Child(step, "if")), run, uses, Map(Child(step, "with")), Map(Child(step, "env")));
    }

    private static string? FirstLine(string? text) => text?.Split('\n', 2)[0].Trim();

    private static Dictionary<string, string> Map(YamlNode? node) =>
        node is YamlMappingNode mapping
            ? mapping
                .Children.Where(p => Scalar(p.Key) is not null && p.Value is YamlScalarNode)
                .ToDictionary(p => Scalar(p.Key)!, p => Scalar(p.Value) ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    private static List<string> Scalars(YamlNode node) =>
        node switch
        {
            YamlScalarNode one => [one.Value ?? string.Empty],
            YamlSequenceNode many => [.. many.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty)],
            _ => [],
        };

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;
}
