using RaxxPreflight.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>The reusable workflow that runs the smoke checks in CI, read as GitHub reads it.</summary>
public class PostDeployWorkflowTests
{
    private static readonly YamlMappingNode Workflow = Load();

    [Fact]
    public void It_is_a_reusable_workflow_that_takes_the_credentials_only_as_required_secrets()
    {
        var call = Map(Map(Workflow, "on"), "workflow_call");
        var secrets = Map(call, "secrets");

        Scalar(Map(secrets, "heroku-api-key"), "required").ShouldBe("true");
        Scalar(Map(secrets, "github-token"), "required").ShouldBe("true");
        Map(call, "inputs")
            .Children.Keys.Select(k => ((YamlScalarNode)k).Value!)
            .ShouldNotContain(name =>
                name.Contains("key", StringComparison.OrdinalIgnoreCase) || name.Contains("token", StringComparison.OrdinalIgnoreCase)
            );
    }

    [Fact]
    public void It_runs_the_post_deploy_phase_live_with_the_secrets()
    {
        var step = RunStep();
        var env = Map(step, "env");

        Scalar(step, "run").ShouldStartWith("./run-preflight.sh post-deploy");
        Scalar(env, "PREFLIGHT_TARGET").ShouldBe("live");
        Scalar(env, "HEROKU_API_KEY").ShouldBe("${{ secrets.heroku-api-key }}");
        Scalar(env, "GITHUB_TOKEN").ShouldBe("${{ secrets.github-token }}");
    }

    [Fact]
    public void No_credential_appears_anywhere_but_as_a_secret()
    {
        var credentialValues = AllScalars(Workflow).Where(s => s.Contains("secrets.", StringComparison.Ordinal)).ToList();

        credentialValues.ShouldAllBe(value => value == "${{ secrets.heroku-api-key }}" || value == "${{ secrets.github-token }}");
        AllScalars(Workflow)
            .ShouldNotContain(value =>
                value.StartsWith("HRKU-", StringComparison.Ordinal)
                || value.StartsWith("ghp_", StringComparison.Ordinal)
                || value.StartsWith("sk_", StringComparison.Ordinal)
            );
    }

    [Fact]
    public void A_failing_item_fails_the_job()
    {
        var job = Map(Map(Workflow, "jobs"), "post-deploy");
        var step = RunStep();

        Scalar(job, "continue-on-error").ShouldBeNull();
        Scalar(step, "continue-on-error").ShouldBeNull();
        Scalar(step, "shell").ShouldBeNull();
        var run = Scalar(step, "run")!;
        run.ShouldNotContain("|| true");
        run.ShouldNotContain("set +e");
        run.ShouldNotContain("exit 0");
    }

    [Fact]
    public void Every_report_the_run_writes_is_uploaded_even_when_the_checks_fail()
    {
        var upload = Steps().Single(s => Scalar(s, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);

        Scalar(upload, "if").ShouldBe("always()");
        var paths = (Scalar(Map(upload, "with"), "path") ?? string.Empty).Split(
            '\n',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
        );
        paths.Select(p => Path.GetExtension(p)).ShouldBe([".md", ".json", ".xml", ".trx"]);
        var run = Scalar(RunStep(), "run") ?? string.Empty;
        run.ShouldContain($"--report {paths[0]}");
        run.ShouldContain($"--report {paths[1]}");
        run.ShouldContain($"--junit {paths[2]}");
        run.ShouldContain($"--trx {paths[3]}");
    }

    private static YamlMappingNode RunStep() =>
        Steps().Single(s => Scalar(s, "run")?.Contains("run-preflight.sh", StringComparison.Ordinal) == true);

    private static IEnumerable<YamlMappingNode> Steps() =>
        (
            (YamlSequenceNode)Map(Map(Workflow, "jobs"), "post-deploy").Children[new YamlScalarNode("steps")]
        ).Children.OfType<YamlMappingNode>();

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlMappingNode map
            ? map
            : throw new ShouldAssertException($"the workflow has no mapping '{key}'");

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;

    private static IEnumerable<string> AllScalars(YamlNode node) =>
        node switch
        {
            YamlScalarNode scalar => [scalar.Value ?? string.Empty],
            YamlMappingNode map => map.Children.SelectMany(pair => AllScalars(pair.Key).Concat(AllScalars(pair.Value))),
            YamlSequenceNode sequence => sequence.Children.SelectMany(AllScalars),
            _ => [],
        };

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Repo.Root, ".github", "workflows", "preflight-post-deploy.yml"))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
