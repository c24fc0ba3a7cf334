using System.Text.RegularExpressions;

namespace RaxxPreflight.Rules.Workflows;

/// <summary>What the deploy gate reads in steps: whether one releases to an app, and whether one fails the job without the phrase.</summary>
public static partial class Scripts
{
    /// <summary>
    /// True when <paramref name="step"/> can release to <paramref name="app"/> however the workflow is started: a Heroku
    /// CLI release, a git push to it, a deploy action.
    /// </summary>
    public static bool ReleasesTo(JobStep step, Job job, Workflow workflow, string app)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return workflow
            .Triggers.DefaultIfEmpty(new Trigger("workflow_dispatch", null))
            .Select(t => Start.Of(workflow, t, string.Empty, string.Empty, withoutPhrase: false))
            .Any(start => ReleasesTo(step, job, workflow, app, start) != Truth.False);
    }

    /// <summary>
    /// Whether <paramref name="step"/> releases to <paramref name="app"/> when the workflow starts as
    /// <paramref name="start"/> says: it runs (its <c>if:</c>), and the app it names (a literal, an env var, or an
    /// expression such as <c>inputs.environment == 'production' &amp;&amp; 'raxx-api-prod' || 'raxx-api-staging'</c>) can be
    /// <paramref name="app"/>.
    /// </summary>
    public static Truth ReleasesTo(JobStep step, Job job, Workflow workflow, string app, Start start)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(start);
        var runs = Truth.True;
        if (step.If is { } condition)
        {
            try
            {
                runs = start.Holds(Expression.Parse(condition));
            }
            catch (FormatException)
            {
                runs = Truth.Maybe;
            }
        }

        return runs == Truth.False ? Truth.False : Min(runs, Names(step, job, workflow, app, start));
    }

    private static Truth Names(JobStep step, Job job, Workflow workflow, string app, Start start)
    {
        var env = new[] { step.Env, job.Env, workflow.Env };
        if (step.Uses is { } uses && uses.Contains("heroku", StringComparison.OrdinalIgnoreCase))
        {
            return Max(step.With.Values.Select(v => Value(v, app, env, start, 0)));
        }

        if (step.Run is not { } run)
        {
            return Truth.False;
        }

        // The app from --app/-a (a name, a variable of the step's, job's or workflow's env, or an expression), or from
        // HEROKU_APP(_NAME) in that env, which the CLI reads.
        var appFromEnv = Max(
            env.SelectMany(e => e).Where(p => p.Key is "HEROKU_APP" or "HEROKU_APP_NAME").Select(p => Value(p.Value, app, env, start, 0))
        );
        var found = new List<Truth>();
        foreach (var line in Lines(run))
        {
            if (HerokuRelease().IsMatch(line))
            {
                var flags = AppFlag().Matches(line);
                found.Add(flags.Count > 0 ? Max(flags.Select(m => Value(m.Groups["app"].Value, app, env, start, 0))) : appFromEnv);
            }

            // `heroku pipelines:promote` from staging releases to the pipeline's next stage: prod.
            if (line.Contains("heroku pipelines:promote", StringComparison.Ordinal))
            {
                found.Add(Truth.True);
            }

            if (GitPush().IsMatch(line))
            {
                var remotes = HerokuRemote().Matches(line);
                found.Add(
                    remotes.Count > 0 ? Max(remotes.Select(m => Value(m.Groups["app"].Value, app, env, start, 0)))
                    : line.Contains(" heroku ", StringComparison.Ordinal) ? Truth.True
                    : appFromEnv
                );
            }
        }

        return Max(found);
    }

    // Whether a value names the app: the name itself, a variable of the env ($VAR, ${VAR}, ${{ env.VAR }}) that does,
    // or an expression that can be it.
    private static Truth Value(string raw, string app, IReadOnlyDictionary<string, string>[] env, Start start, int depth)
    {
        var text = raw.Trim().Trim('"', '\'');
        if (depth > 4)
        {
            // Variables that name each other in a ring name no app.
            return Truth.False;
        }

        if (EnvReference().Match(text) is { Success: true } reference)
        {
            return env.Select(e => e.GetValueOrDefault(reference.Groups["name"].Value)).FirstOrDefault(v => v is not null) is { } value
                ? Value(value, app, env, start, depth + 1)
                : Truth.False;
        }

        if (WholeExpression().Match(text) is { Success: true } whole)
        {
            try
            {
                // A value the workflow cannot show (secrets.PROD_APP, vars.APP) names no app the model can tell.
                return start.CanBe(Expression.Parse(whole.Groups["expression"].Value), app, unknown: Truth.False);
            }
            catch (FormatException)
            {
                return Truth.False;
            }
        }

        // A name with expressions in it: raxx-api-${{ inputs.environment }}.
        if (text.Contains("${{", StringComparison.Ordinal))
        {
            var parts = new List<(string, Expression?)>();
            var at = 0;
            try
            {
                foreach (Match embedded in Embedded().Matches(text))
                {
                    parts.Add((text[at..embedded.Index], null));
                    parts.Add((string.Empty, Expression.Parse(embedded.Groups["expression"].Value)));
                    at = embedded.Index + embedded.Length;
                }
            }
            catch (FormatException)
            {
                return Truth.False;
            }

            parts.Add((text[at..], null));
            return start.CanBe(parts, app, unknown: Truth.False);
        }

        return string.Equals(text, app, StringComparison.OrdinalIgnoreCase) ? Truth.True : Truth.False;
    }

    private static Truth Max(IEnumerable<Truth> truths)
    {
        var list = truths.ToList();
        return list.Contains(Truth.True) ? Truth.True
            : list.Contains(Truth.Maybe) ? Truth.Maybe
            : Truth.False;
    }

    private static Truth Min(Truth a, Truth b) =>
        a == Truth.False || b == Truth.False ? Truth.False
        : a == Truth.True && b == Truth.True ? Truth.True
        : Truth.Maybe;

    /// <summary>
    /// True when the step surely fails the job when the confirm input is not the phrase: it runs (its <c>if:</c>
    /// holds), and its script exits non-zero unconditionally or after a shell test of the input against the phrase.
    /// </summary>
    public static bool FailsWithoutPhrase(JobStep step, Job job, Workflow workflow, Start start)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(start);
        if (step.If is { } condition)
        {
            try
            {
                if (start.Holds(Expression.Parse(condition)) != Truth.True)
                {
                    return false;
                }
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return step.Run is { } run
            && (ExitsUnconditionally(run) || TestsThePhrase(run, ConfirmReferences(step, job, workflow, start.ConfirmInput), start.Phrase));
    }

    /// <summary>True when the step's script tests the confirm input in a way the model does not read (a shell <c>if</c> of its own).</summary>
    public static bool MentionsConfirm(JobStep step, Job job, Workflow workflow, string confirmInput)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(workflow);
        return step.Run is { } run
            && ConfirmReferences(step, job, workflow, confirmInput).Any(r => run.Contains(r, StringComparison.Ordinal));
    }

    // How a script may refer to the confirm input: the expression itself, or an env var set from it.
    private static List<string> ConfirmReferences(JobStep step, Job job, Workflow workflow, string confirmInput)
    {
        var expressions = new[] { $"inputs.{confirmInput}", $"github.event.inputs.{confirmInput}" };
        var references = new List<string>();
        foreach (var env in new[] { step.Env, job.Env, workflow.Env })
        {
            foreach (var (name, value) in env)
            {
                if (
                    expressions.Any(e =>
                        value
                            .Replace(" ", string.Empty, StringComparison.Ordinal)
                            .Contains("${{" + e + "}}", StringComparison.OrdinalIgnoreCase)
                    )
                )
                {
                    references.Add($"${name}");
                    references.Add($"${{{name}}}");
                }
            }
        }

        references.AddRange(expressions.SelectMany(e => new[] { $"${{{{ {e} }}}}", $"${{{{{e}}}}}" }));
        return references;
    }

    private static bool TestsThePhrase(string run, List<string> references, string phrase)
    {
        var text = string.Join('\n', Lines(run));
        foreach (var reference in references)
        {
            var r = Regex.Escape(reference);
            var p = Regex.Escape(phrase);
            var operand = $@"(""{r}""|'{r}'|{r})";
            var literal = $@"(""{p}""|'{p}'|{p})";

            // if [ "$X" != "phrase" ]; then ... exit 1 ... fi   (either operand first)
            var differs = new Regex(
                $@"if\s+(\[\[?|test)\s+({operand}\s*!=\s*{literal}|{literal}\s*!=\s*{operand})\s*\]?\]?\s*;?\s*(then)?[^\n]*(\n[^\n]*)*?\bexit\s+[1-9]",
                RegexOptions.CultureInvariant
            );

            // [ "$X" = "phrase" ] || exit 1
            var equalsOrExit = new Regex(
                $@"(\[\[?|test)\s+({operand}\s*==?\s*{literal}|{literal}\s*==?\s*{operand})\s*\]?\]?\s*\|\|\s*(\{{[^}}]*)?\bexit\s+[1-9]",
                RegexOptions.CultureInvariant
            );
            // [ "$X" != "phrase" ] && exit 1      [[ $X != phrase ]] && { echo "..."; exit 1; }
            var differsAndExit = new Regex(
                $@"(\[\[?|test)\s+({operand}\s*!=\s*{literal}|{literal}\s*!=\s*{operand})\s*\]?\]?\s*&&\s*(\{{[^}}]*)?\bexit\s+[1-9]",
                RegexOptions.CultureInvariant
            );
            if (differs.IsMatch(text) || equalsOrExit.IsMatch(text) || differsAndExit.IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    // An `exit N` (N > 0) or `false` outside any if/case/loop/function: the step fails whenever it runs.
    private static bool ExitsUnconditionally(string run)
    {
        var depth = 0;
        foreach (var line in Lines(run))
        {
            var words = line.Split([' ', ';', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (depth == 0 && (UnconditionalExit().IsMatch(line) || line == "false"))
            {
                return true;
            }

            depth += words.Count(w => w is "if" or "case" or "while" or "for" or "until" or "{" or "(");
            depth -= words.Count(w => w is "fi" or "esac" or "done" or "}" or ")");
            depth = Math.Max(depth, 0);
        }

        return false;
    }

    // The script's commands, one per line: a line ending in a backslash goes on in the next (`heroku container:release
    // web \` then `--app raxx-queue-prod`).
    private static IEnumerable<string> Lines(string run)
    {
        var command = new System.Text.StringBuilder();
        foreach (var raw in run.Split('\n').Select(l => l.Trim()))
        {
            if (command.Length == 0 && (raw.Length == 0 || raw.StartsWith('#')))
            {
                continue;
            }

            if (raw.EndsWith('\\'))
            {
                command.Append(raw.AsSpan(0, raw.Length - 1)).Append(' ');
                continue;
            }

            command.Append(raw);
            yield return command.ToString().Trim();
            command.Clear();
        }

        if (command.Length > 0)
        {
            yield return command.ToString().Trim();
        }
    }

    [GeneratedRegex(@"\bheroku\s+(container:release|container:push|releases:rollback|rollback|deploy(:\w+)?)\b")]
    private static partial Regex HerokuRelease();

    [GeneratedRegex(@"(--app[= ]|-a )(?<app>""?(?:[\w.-]|\$\{\{.*?\}\})+""?|\S+)")]
    private static partial Regex AppFlag();

    // A push to an app's Heroku git remote: https://heroku:$KEY@git.heroku.com/NAME.git, the name a variable or expression.
    [GeneratedRegex(@"git\.heroku\.com/(?<app>(?:[\w-]|\$\{\{.*?\}\})+?|[^\s/]+?)\.git\b")]
    private static partial Regex HerokuRemote();

    [GeneratedRegex(@"^\$\{\{(?<expression>(?:(?!\}\}).)*)\}\}$")]
    private static partial Regex WholeExpression();

    [GeneratedRegex(@"\$\{\{(?<expression>.*?)\}\}")]
    private static partial Regex Embedded();

    [GeneratedRegex(@"^(\$(?<name>\w+)|\$\{(?<name>\w+)\}|\$\{\{\s*env\.(?<name>\w+)\s*\}\})$")]
    private static partial Regex EnvReference();

    [GeneratedRegex(@"\bgit\s+push\b")]
    private static partial Regex GitPush();

    [GeneratedRegex(@"^(.*;\s*)?exit\s+[1-9]\d*\s*$")]
    private static partial Regex UnconditionalExit();
}
