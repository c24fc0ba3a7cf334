using System.CommandLine;
using System.CommandLine.Parsing;
using RaxxPreflight.Declarations;
using RaxxPreflight.Reporting;

namespace RaxxPreflight.Runner;

/// <summary>
/// The runner's command line, declared once (System.CommandLine): each option's name, value, help and validation
/// live here, and parsing, the usage mistakes' one-line messages and <c>--help</c> all read this declaration.
/// </summary>
internal sealed class RunnerOptions
{
    /// <summary>The phase words: <c>pre-deploy</c>, <c>post-deploy</c> (from <see cref="Phases.Word"/>) and <c>all</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> PhaseWords = Phases
        .All.Select(p => KeyValuePair.Create(Phases.Word(p), new[] { p }))
        .Append(KeyValuePair.Create("all", Phases.All))
        .ToDictionary(StringComparer.Ordinal);

    /// <summary>The closing words of <c>--help</c>: what a run prints, and its exit codes.</summary>
    public const string Epilogue = """
        Prints each item's line (pass, WARN, FAIL with its reason) the moment it finishes, what the waiting
        items wait for, then how to fix each item that did not pass. In GitHub Actions (GITHUB_ACTIONS=true)
        each failure and warning is also an annotation, and the report goes to the job's step summary.
        Exits 0 when every item passed, 1 when an item failed on what it checked, 2 on a usage mistake
        and when nothing could be checked (no target, missing credentials, a bad config); 128 + the signal
        when stopped (Ctrl+C, SIGTERM). `run-preflight.sh list` prints the items as a Markdown table,
        `services [--json]` the services the config describes, and `describe [--fakes SCENARIO]` what the
        checklist finds for each service (apps, vars and their kinds, Stripe and Sentry vars) as config.
        """;

    public RunnerOptions(ChecklistCatalog checklist)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        var ids = string.Join(", ", checklist.Items.Select(c => c.Id));
        var scenarios = string.Join(", ", ScenarioNames.All);

        // The phase is one word; what else stands where it stands is named for what it is.
        Phase = new Argument<string[]>("PHASE")
        {
            Description = "pre-deploy (before the deploy is dispatched), post-deploy (the smoke run right after it), or all",
            Arity = ArgumentArity.ZeroOrMore,
        };
        Phase.Validators.Add(result =>
        {
            var words = result.Tokens.Select(t => t.Value).ToList();
            if (words.FirstOrDefault(w => !PhaseWords.ContainsKey(w)) is { } stray)
            {
                result.AddError($"unexpected argument '{stray}'");
            }
            else if (words.Count > 1)
            {
                result.AddError($"name one phase, not '{words[0]}' and '{words[1]}' (all runs both)");
            }
        });

        Fakes = Valued<string>(
            "--fakes",
            "SCENARIO",
            $"a scenario: {scenarios}",
            $"run against the in-process fakes serving SCENARIO ({scenarios}) instead of the target {Settings.Target} names (live needs {Settings.HerokuApiKey}, {Settings.GitHubToken})"
        );
        Fakes.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var scenario }] && !ScenarioNames.All.Contains(scenario, StringComparer.Ordinal))
            {
                result.AddError($"no scenario is named '{scenario}'; the scenarios are {scenarios}");
            }
        });

        Check = Valued<string[]>("--check", "ID", $"an item's id: {ids}", $"run only this item of the phase (repeatable); ids: {ids}");
        Check.Validators.Add(result =>
        {
            var phase = OnePhase(result);
            foreach (var item in result.Tokens.Select(t => t.Value))
            {
                if (checklist.Find(item) is not { } known)
                {
                    result.AddError($"no checklist item is named '{item}'; the items are {ids}");
                    return;
                }

                if (phase is not null && !PhaseWords[phase].Contains(known.PhaseName, StringComparer.Ordinal))
                {
                    result.AddError($"'{item}' is a {Phases.Word(known.PhaseName)} item, not a {phase} one");
                    return;
                }
            }
        });

        Service = Valued<string[]>(
            "--service",
            "NAME",
            "a service the config describes",
            "run only this service's items (repeatable); every service the config describes when none is named"
        );

        Report = Valued<string[]>(
            "--report",
            "FILE",
            "a file: FILE.md or FILE.json",
            "also write the operator's report: Markdown for FILE.md, JSON for FILE.json (schema: docs/report.schema.json)"
        );
        Report.Validators.Add(result =>
        {
            foreach (var report in result.Tokens.Select(t => t.Value))
            {
                if (
                    !report.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                    && !report.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                )
                {
                    result.AddError($"--report {report}: name a .md (Markdown) or .json file");
                    return;
                }
            }
        });

        JUnit = Valued<string>("--junit", "FILE", "a file to write the JUnit XML report to", "also write a JUnit XML report to FILE");
        Trx = Valued<string>("--trx", "FILE", "a file to write the TRX report to", "also write a TRX report to FILE");

        // Asked by run-preflight.sh before it sets up a Docker engine: whether a selected item reads a database.
        NeedsDatabase = new Option<bool>("--needs-database") { Hidden = true };

        // Named as operators call it; a stray word or option is named by the phase's check ("unexpected argument '--fake'").
        Command = new Command("run-preflight.sh", "Runs a phase of the deploy checklist and prints the verdict.")
        {
            Phase,
            Fakes,
            Check,
            Service,
            Report,
            JUnit,
            Trx,
            NeedsDatabase,
            new System.CommandLine.Help.HelpOption(),
        };

        // No word at all gives the phase's own check nothing to see.
        Command.Validators.Add(result =>
        {
            if (result.GetResult(Phase) is null or { Tokens.Count: 0 })
            {
                result.AddError("name a phase");
            }
        });
    }

    public Argument<string[]> Phase { get; }

    public Option<string> Fakes { get; }

    public Option<string[]> Check { get; }

    /// <summary><c>--service NAME</c>, repeatable.</summary>
    public Option<string[]> Service { get; }

    public Option<string[]> Report { get; }

    public Option<string> JUnit { get; }

    public Option<string> Trx { get; }

    public Option<bool> NeedsDatabase { get; }

    public Command Command { get; }

    // An option that takes a value: given without one (or with another option where its value goes), it says what it needs.
    private static Option<T> Valued<T>(string name, string valueName, string needs, string description)
    {
        var option = new Option<T>(name)
        {
            Description = description,
            HelpName = valueName,
            Arity = typeof(T).IsArray ? ArgumentArity.ZeroOrMore : ArgumentArity.ZeroOrOne,
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0 || result.Tokens.Count < result.IdentifierTokenCount)
            {
                result.AddError($"{name} needs {needs}");
            }
        });
        return option;
    }

    // The phase word given, when exactly one was.
    private string? OnePhase(OptionResult result) => result.GetValue(Phase) is [var phase] && PhaseWords.ContainsKey(phase) ? phase : null;
}
