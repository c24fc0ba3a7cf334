using RaxxPreflight.Configuration;

namespace RaxxPreflight.Rules.Workflows;

/// <summary>A GitHub environment as the gate needs it: whether it exists, and its protection rules' types.</summary>
/// <param name="Exists">False when the API answered 404 (GitHub creates it, unprotected, on first use).</param>
/// <param name="Rules">The types of its protection rules (<c>required_reviewers</c>, <c>wait_timer</c>, <c>branch_policy</c>).</param>
public sealed record EnvironmentProtection(bool Exists, IReadOnlyList<string> Rules)
{
    /// <summary>True when a reviewer must approve every deployment to it.</summary>
    public bool RequiresReviewer => Rules.Contains("required_reviewers", StringComparer.Ordinal);

    /// <summary><c>has no protection rules</c>, <c>requires a reviewer</c>, <c>does not exist</c>...</summary>
    public string State =>
        !Exists ? "does not exist"
        : RequiresReviewer ? "requires a reviewer"
        : Rules.Count == 0 ? "has no protection rules"
        : $"has no required reviewers (only {string.Join(", ", Rules)})";

    /// <summary>
    /// <c>the production environment has no protection rules</c>; one that does not exist is said so, with what using
    /// it does: <c>the production environment does not exist in raxx-app/TradeMasterAPI: the deploy job's environment:
    /// creates it unprotected on first use</c>.
    /// </summary>
    public string Describe(string name, string? repository = null) =>
        Exists ? $"the {name} environment {State}" : Missing(name, repository);

    /// <summary>What an environment that does not exist means for the gate.</summary>
    public static string Missing(string name, string? repository) =>
        $"the {name} environment does not exist{(repository is null ? string.Empty : $" in {repository}")}: the deploy job's `environment:` creates it unprotected on first use";
}

/// <summary>How one trigger reaches one deploy job.</summary>
public enum PathGuard
{
    /// <summary>The trigger cannot run the job.</summary>
    Unreachable,

    /// <summary>A required reviewer stands before it.</summary>
    Reviewer,

    /// <summary>It cannot run without the confirm phrase.</summary>
    Phrase,

    /// <summary>Nothing stands before it.</summary>
    Nothing,

    /// <summary>The model cannot tell.</summary>
    Undecided,
}

/// <summary>One trigger's path to one deploy job, and what guards it.</summary>
/// <param name="Trigger">The trigger.</param>
/// <param name="Job">The deploy job.</param>
/// <param name="Guard">What stands before it.</param>
/// <param name="How">In words: which reviewer, which phrase check, what could not be judged.</param>
public sealed record GatePath(Trigger Trigger, Job Job, PathGuard Guard, string How)
{
    /// <inheritdoc />
    public override string ToString() => $"{Trigger.Words} -> {Job.Id}: {How}";
}

/// <summary>The gate's verdict, in the operator's words.</summary>
/// <param name="Paths">Every trigger's path to every deploy job that it can reach.</param>
/// <param name="DeployJobs">The jobs judged as deploying prod, and why.</param>
/// <param name="Problem">Why it fails (an unguarded path, or what could not be judged); null when it holds.</param>
/// <param name="Warning">Why it holds only by the phrase; null otherwise.</param>
/// <param name="Notes">What else an operator should know (a rejection job, unreachable jobs).</param>
/// <param name="Fixes">What fixes it, fitted to the case.</param>
public sealed record GateJudgement(
    IReadOnlyList<GatePath> Paths,
    IReadOnlyList<string> DeployJobs,
    string? Problem,
    string? Warning,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Fixes
);

/// <summary>
/// The operator's question, answered from a model of the workflow: can the prod deploy run without the confirm
/// phrase and without a required reviewer? For every trigger that can reach a job that deploys prod (through
/// its own <c>if:</c> and those of the jobs it needs), a required reviewer on that job's environment, or a
/// phrase check that stops it (its <c>if:</c>, a job it needs that fails without the phrase, a step before the
/// deploy that does), must stand before it.
/// </summary>
public static class DeployGate
{
    /// <summary>The jobs that deploy prod: the configured one, and any whose steps release to the prod app.</summary>
    public static IReadOnlyList<(Job Job, string Why)> DeployJobs(Workflow workflow, GateConfig gate, string prodApp)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(gate);
        var jobs = new List<(Job, string)>();
        foreach (var job in workflow.Jobs)
        {
            if (job.Steps.FirstOrDefault(s => Scripts.ReleasesTo(s, job, workflow, prodApp)) is { } step)
            {
                jobs.Add((job, $"its step '{step.Name}' releases to {prodApp}"));
            }
            else if (job.Id == gate.DeployJob)
            {
                jobs.Add((job, "the config names it (gate.deployJob)"));
            }
        }

        return jobs;
    }

    /// <summary>
    /// The environments whose protection the judgement needs: those the deploy jobs name as literals, and every option
    /// of a choice input a deploy job's <c>environment:</c> is.
    /// </summary>
    public static IReadOnlyList<string> GitHubEnvironments(IEnumerable<Job> deployJobs, Workflow? workflow = null) =>
        [
            .. deployJobs
                .Select(j => j.Environment)
                .OfType<string>()
                .SelectMany(e =>
                    !e.Contains("${{", StringComparison.Ordinal) ? [e]
                    : workflow?.Choices(e) is { } choices ? choices.Options
                    : []
                )
                .Distinct(StringComparer.OrdinalIgnoreCase),
        ];

    /// <summary>Judges every path to every deploy job.</summary>
    /// <param name="workflow">The workflow.</param>
    /// <param name="gate">The confirm input and phrase.</param>
    /// <param name="prodApp">The prod app the deploy jobs release to.</param>
    /// <param name="workflowPath">The workflow's path, for the words.</param>
    /// <param name="protection">Each environment's protection, by name (case-insensitive, as GitHub compares them).</param>
    /// <param name="repository">The repository (<c>owner/name</c>), for the fix lines.</param>
    public static GateJudgement Judge(
        Workflow workflow,
        GateConfig gate,
        string prodApp,
        string workflowPath,
        IReadOnlyDictionary<string, EnvironmentProtection> protection,
        string repository
    )
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(protection);
        var deployJobs = DeployJobs(workflow, gate, prodApp);
        var named = deployJobs.Select(d => $"{d.Job.Id}: {d.Why}").ToList();
        if (deployJobs.Count == 0)
        {
            return new GateJudgement(
                [],
                [],
                $"the deploy gate could not be judged: no job of {workflowPath} deploys prod ({(gate.DeployJob is null ? "the config names no gate.deployJob" : $"no job '{gate.DeployJob}'")}, and no step releases to {prodApp})",
                null,
                [],
                [$"name the job that deploys prod in the config (github.gate.deployJob), or check {workflowPath}"]
            );
        }

        var paths = new List<GatePath>();
        foreach (var (job, _) in deployJobs)
        {
            foreach (var trigger in workflow.Triggers)
            {
                paths.Add(Path(workflow, job, trigger, gate, prodApp, protection));
            }
        }

        var reachable = paths.Where(p => p.Guard != PathGuard.Unreachable).ToList();
        var notes = Rejections(workflow, gate).ToList();
        notes.AddRange(
            paths
                .Where(p => p.Guard == PathGuard.Unreachable)
                .Select(p =>
                    p.How == "cannot run" ? $"{p.Trigger.Words} cannot run {p.Job.Id}" : $"{p.Trigger.Words} runs {p.Job.Id}, which {p.How}"
                )
        );
        var open = reachable.Where(p => p.Guard == PathGuard.Nothing).ToList();
        var undecided = reachable.Where(p => p.Guard == PathGuard.Undecided).ToList();
        var phraseOnly = reachable.Where(p => p.Guard == PathGuard.Phrase).ToList();
        string? problem = null;
        string? warning = null;
        if (open.Count > 0)
        {
            var more =
                open.Count > 1 ? $" (and {open.Count - 1} more unguarded path{(open.Count == 2 ? string.Empty : "s")})" : string.Empty;
            problem =
                open[0].Job.Environment is { } absent
                && !absent.Contains("${{", StringComparison.Ordinal)
                && (!protection.TryGetValue(absent, out var found) || !found.Exists)
                    ? $"{EnvironmentProtection.Missing(absent, repository)} ({open[0].Trigger.Words} runs {open[0].Job.Id}, which {open[0].How[(open[0].How.IndexOf(" and tests no phrase", StringComparison.Ordinal) + 5)..]}){more}"
                    : $"{open[0].Trigger.Words} runs {open[0].Job.Id}, which {open[0].How}{more}";
        }
        else if (undecided.Count > 0)
        {
            problem = $"the deploy gate could not be judged: {undecided[0].How}";
        }
        else if (phraseOnly.Count > 0)
        {
            var environments = phraseOnly
                .Select(p =>
                    p.Job.Environment is { } e && !e.Contains("${{", StringComparison.Ordinal) && protection.TryGetValue(e, out var state)
                        ? state.Describe(e, repository)
                        : $"{p.Job.Id} runs in no environment"
                )
                .Distinct(StringComparer.Ordinal);
            warning = $"only the workflow's confirm gate guards prod: {string.Join("; ", environments)}";
        }

        return new GateJudgement(
            reachable,
            named,
            problem,
            warning,
            notes,
            Fixes(open, undecided, phraseOnly, gate, workflowPath, repository)
        );
    }

    private static GatePath Path(
        Workflow workflow,
        Job job,
        Trigger trigger,
        GateConfig gate,
        string prodApp,
        IReadOnlyDictionary<string, EnvironmentProtection> protection
    )
    {
        var free = Start.Of(workflow, trigger, gate.ConfirmInput, gate.ConfirmPhrase, withoutPhrase: false);
        var (canRun, unreadable) = CanRun(workflow, job, free, []);
        if (unreadable is not null)
        {
            return new GatePath(trigger, job, PathGuard.Undecided, unreadable);
        }

        if (canRun == Truth.False)
        {
            return new GatePath(trigger, job, PathGuard.Unreachable, "cannot run");
        }

        // A job whose steps pick the app (or run) by how it was started: a push that releases to staging only is no
        // path to prod (`--app ${{ inputs.environment == 'production' && 'raxx-api-prod' || 'raxx-api-staging' }}`).
        if (job.Id != gate.DeployJob && !job.Steps.Any(st => Scripts.ReleasesTo(st, job, workflow, prodApp, free) != Truth.False))
        {
            return new GatePath(trigger, job, PathGuard.Unreachable, $"does not release to {prodApp} when started so");
        }

        if (job.Uses is { } called)
        {
            return new GatePath(
                trigger,
                job,
                PathGuard.Undecided,
                $"{job.Id} calls the reusable workflow {called}, whose gate cannot be seen from here"
            );
        }

        if (job.Environment is { } environment)
        {
            // A choice input: gated when every environment its options can name has a required reviewer.
            if (workflow.Choices(environment) is { } choices)
            {
                // The options from which the job can release to prod: each, when the steps pick the app by the same input.
                Start Chosen(string option) =>
                    trigger.HasInputs
                        ? free with
                        {
                            Bound = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [choices.Input] = option },
                        }
                        : free;
                bool ReleasesFrom(string option) =>
                    job.Steps.Any(st => Scripts.ReleasesTo(st, job, workflow, prodApp, Chosen(option)) != Truth.False);
                var deploying = job.Id == gate.DeployJob ? choices.Options : [.. choices.Options.Where(ReleasesFrom)];
                if (deploying.Count == 0)
                {
                    return new GatePath(
                        trigger,
                        job,
                        PathGuard.Unreachable,
                        $"does not release to {prodApp} from any option of inputs.{choices.Input}"
                    );
                }

                var unguarded = deploying.Where(o => !protection.TryGetValue(o, out var chosen) || !chosen.RequiresReviewer).ToList();
                if (unguarded.Count == 0)
                {
                    return new GatePath(
                        trigger,
                        job,
                        PathGuard.Reviewer,
                        deploying.Count == choices.Options.Count
                            ? $"a reviewer on each environment inputs.{choices.Input} can name ({string.Join(", ", choices.Options)}) must approve {job.Id}"
                            : $"a reviewer on each environment inputs.{choices.Input} names when {job.Id} releases to {prodApp} ({string.Join(", ", deploying)}) must approve it"
                    );
                }

                if (Guarded(workflow, job, trigger, gate, prodApp) is { } phrase)
                {
                    return phrase;
                }

                var option = unguarded[0];
                var optionState = protection.TryGetValue(option, out var known) ? known : new EnvironmentProtection(false, []);
                var how =
                    $"runs in the environment inputs.{choices.Input} names, and its option {option} {(optionState.Exists ? optionState.State : "does not exist (created unprotected on first use)")}";

                // The job releases to prod whichever option is chosen (a step names the prod app, or promotes): that
                // option's environment is the gate. Named only by the config, it may deploy elsewhere: not judged.
                return ReleasesFrom(option)
                    ? new GatePath(trigger, job, PathGuard.Nothing, $"{how}, and tests no phrase")
                    : new GatePath(trigger, job, PathGuard.Undecided, $"{job.Id} {how}; whether it deploys prod from there cannot be told");
            }

            if (environment.Contains("${{", StringComparison.Ordinal))
            {
                return Guarded(workflow, job, trigger, gate, prodApp)
                    ?? new GatePath(
                        trigger,
                        job,
                        PathGuard.Undecided,
                        $"{job.Id} runs in the environment '{environment}', which depends on how it is started"
                    );
            }

            if (protection.TryGetValue(environment, out var state) && state.RequiresReviewer)
            {
                return new GatePath(trigger, job, PathGuard.Reviewer, $"a reviewer on the {environment} environment must approve {job.Id}");
            }
        }

        return Guarded(workflow, job, trigger, gate, prodApp) ?? Open(workflow, job, trigger, gate, prodApp, protection);
    }

    /// <summary>
    /// True when the workflow declares the confirm input a <c>boolean</c>: a checkbox, ticked without reading, not a
    /// typed confirmation; it is no confirm gate whatever the config calls it.
    /// </summary>
    public static bool IsCheckbox(Workflow workflow, GateConfig gate)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(gate);
        return workflow.Inputs.TryGetValue(gate.ConfirmInput, out var type)
            && string.Equals(type, "boolean", StringComparison.OrdinalIgnoreCase);
    }

    // The phrase checks that stop the job: its if:, a job it needs, a step before the deploy.
    private static GatePath? Guarded(Workflow workflow, Job job, Trigger trigger, GateConfig gate, string prodApp)
    {
        if (IsCheckbox(workflow, gate))
        {
            return null;
        }

        var without = Start.Of(workflow, trigger, gate.ConfirmInput, gate.ConfirmPhrase, withoutPhrase: true);
        var phrase = $"{gate.ConfirmInput} == '{gate.ConfirmPhrase}'";
        if (job.If is { } condition && TryParse(condition) is { } parsed && without.Holds(parsed) == Truth.False)
        {
            return new GatePath(trigger, job, PathGuard.Phrase, $"{job.Id}'s if: requires {phrase}");
        }

        var (canRun, _) = CanRun(workflow, job, without, []);
        if (canRun == Truth.False)
        {
            var blocker = Needed(workflow, job)
                .FirstOrDefault(n => CanRun(workflow, n, without, []).Truth == Truth.False || FailsWithoutPhrase(workflow, n, without));
            return new GatePath(
                trigger,
                job,
                PathGuard.Phrase,
                blocker is null
                    ? $"{job.Id} cannot run without {phrase}"
                    : $"{job.Id} needs {blocker.Id}, which fails or is skipped without {phrase}"
            );
        }

        var deployAt = DeployStep(workflow, job, prodApp);
        var guard = job.Steps.Take(deployAt).FirstOrDefault(s => Scripts.FailsWithoutPhrase(s, job, workflow, without));
        return guard is null
            ? null
            : new GatePath(trigger, job, PathGuard.Phrase, $"{job.Id}'s step '{guard.Name}' fails without {phrase} before it deploys");
    }

    private static GatePath Open(
        Workflow workflow,
        Job job,
        Trigger trigger,
        GateConfig gate,
        string prodApp,
        IReadOnlyDictionary<string, EnvironmentProtection> protection
    )
    {
        // What the model cannot read may hold a phrase check: say so rather than call it open.
        var deployAt = DeployStep(workflow, job, prodApp);
        var checkbox = IsCheckbox(workflow, gate);
        var unread =
            checkbox ? null
            : job.Steps.Take(deployAt + 1).FirstOrDefault(s => Scripts.MentionsConfirm(s, job, workflow, gate.ConfirmInput)) is { } shell
                ? $"{job.Id}'s step '{shell.Name}' tests {gate.ConfirmInput} in its own script, which the model does not read"
            : job.Steps.Take(deployAt).FirstOrDefault(s => s.Uses is { } u && u.StartsWith("./", StringComparison.Ordinal)) is { } composite
                ? $"{job.Id}'s step '{composite.Name}' runs the local action {composite.Uses}, which may check {gate.ConfirmInput}"
            : Needed(workflow, job).FirstOrDefault(n => n.Uses is not null) is { } reusable
                ? $"{job.Id} needs {reusable.Id}, a call of the reusable workflow {reusable.Uses}, which may check {gate.ConfirmInput}"
            : null;
        if (unread is not null)
        {
            return new GatePath(trigger, job, PathGuard.Undecided, unread);
        }

        var where =
            job.Environment is null ? "has no environment"
            : !protection.TryGetValue(job.Environment, out var state) || !state.Exists
                ? $"runs in the {job.Environment} environment, which does not exist"
            : $"runs in the {job.Environment} environment ({(state.Rules.Count == 0 ? "no protection rules" : $"no required reviewer, only {string.Join(", ", state.Rules)}")})";
        var phrase = checkbox
            ? $"tests no phrase ({gate.ConfirmInput} is a boolean input: a checkbox, not a typed confirmation)"
            : "tests no phrase";
        return new GatePath(trigger, job, PathGuard.Nothing, $"{where} and {phrase}");
    }

    // Whether the job can run when the workflow starts so: its if:, and (unless it runs always()) every job it needs.
    private static (Truth Truth, string? Unreadable) CanRun(Workflow workflow, Job job, Start start, HashSet<string> seen)
    {
        if (!seen.Add(job.Id))
        {
            return (Truth.False, null);
        }

        var truth = Truth.True;
        var always = false;
        if (job.If is { } condition)
        {
            try
            {
                var expression = Expression.Parse(condition);
                truth = start.Holds(expression);
                always =
                    condition.Contains("always()", StringComparison.Ordinal) || condition.Contains("cancelled()", StringComparison.Ordinal);
            }
            catch (FormatException e)
            {
                return (Truth.Maybe, $"{job.Id}'s if: cannot be read ({e.Message})");
            }
        }

        if (truth == Truth.False || always)
        {
            return (truth, null);
        }

        foreach (var needed in Needed(workflow, job))
        {
            var (runs, unreadable) = CanRun(workflow, needed, start, [.. seen]);
            if (unreadable is not null)
            {
                return (Truth.Maybe, unreadable);
            }

            if (runs == Truth.False || FailsWithoutPhrase(workflow, needed, start))
            {
                return (Truth.False, null);
            }
        }

        return (truth, null);
    }

    private static bool FailsWithoutPhrase(Workflow workflow, Job job, Start start) =>
        start.WithoutPhrase && job.Steps.Any(s => Scripts.FailsWithoutPhrase(s, job, workflow, start));

    private static IEnumerable<Job> Needed(Workflow workflow, Job job) => job.Needs.Select(workflow.JobNamed).OfType<Job>();

    private static int DeployStep(Workflow workflow, Job job, string prodApp)
    {
        var index = job.Steps.ToList().FindIndex(s => Scripts.ReleasesTo(s, job, workflow, prodApp));
        return index >= 0 ? index : Math.Max(job.Steps.Count - 1, 0);
    }

    // A job that fails the run when the phrase is wrong: not needed for a sound gate, but worth saying.
    private static IEnumerable<string> Rejections(Workflow workflow, GateConfig gate)
    {
        var dispatch = Start.Of(
            workflow,
            new Trigger("workflow_dispatch", null),
            gate.ConfirmInput,
            gate.ConfirmPhrase,
            withoutPhrase: true
        );
        return workflow
            .Jobs.Where(j =>
                j.If?.Contains(gate.ConfirmInput, StringComparison.OrdinalIgnoreCase) == true
                && TryParse(j.If) is { } condition
                && dispatch.Holds(condition) != Truth.False
                && j.Steps.Any(s => Scripts.FailsWithoutPhrase(s, j, workflow, dispatch))
            )
            .Select(j =>
                $"{j.Id} fails the run when {gate.ConfirmInput} is not '{gate.ConfirmPhrase}', so a wrong phrase shows as a failed run"
            );
    }

    private static Expression? TryParse(string text)
    {
        try
        {
            return Expression.Parse(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static List<string> Fixes(
        List<GatePath> open,
        List<GatePath> undecided,
        List<GatePath> phraseOnly,
        GateConfig gate,
        string workflowPath,
        string repository
    )
    {
        var fixes = new List<string>();
        // A gate without a confirm phrase (the config describes none) asks for a manual start and a reviewer only.
        var phraseCheck = gate.HasPhrase
            ? $"if: github.event_name == 'workflow_dispatch' && inputs.{gate.ConfirmInput} == '{gate.ConfirmPhrase}'"
            : "if: github.event_name == 'workflow_dispatch'";
        foreach (var path in open.Concat(undecided).Concat(phraseOnly))
        {
            if (path.Job.Environment is null)
            {
                fixes.Add($"add 'environment: production' to job {path.Job.Id} in {workflowPath}, so that its reviewers stand before it");
            }

            var environment = path.Job.Environment is { } e && !e.Contains("${{", StringComparison.Ordinal) ? e : "production";
            fixes.Add(
                $"gh api -X PUT repos/{repository}/environments/{environment} -F 'reviewers[][type]=User' -F 'reviewers[][id]=<user id>' (or Settings > Environments > {environment} > Required reviewers)"
            );
            if (path.Guard is PathGuard.Nothing && path.Trigger.Event != "workflow_dispatch")
            {
                fixes.Add(
                    $"remove the {path.Trigger.Event} trigger from the prod deploy: run {path.Job.Id} only on workflow_dispatch ({phraseCheck})"
                );
            }
            else if (path.Guard is PathGuard.Nothing && gate.HasPhrase)
            {
                fixes.Add($"add the phrase check to job {path.Job.Id}: {phraseCheck}");
            }
        }

        return [.. fixes.Distinct(StringComparer.Ordinal)];
    }
}
