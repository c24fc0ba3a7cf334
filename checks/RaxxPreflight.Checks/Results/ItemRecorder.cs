using System.Diagnostics;
using System.Text.Json;
using RaxxPreflight.Configuration;
using RaxxPreflight.Reporting;
using RaxxPreflight.Rules;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Checks.Results;

/// <summary>
/// What one checklist item has recorded so far (its verdict, findings, evidence, the looks of its wait), and the
/// result it hands on as data when it ends. <see cref="Item.RunAsync"/> opens one per fact; <see cref="Verdict"/>
/// and <see cref="Seen"/> write to the current one.
/// </summary>
internal sealed class ItemRecorder(
    string? service,
    string checkId,
    string phase,
    string title,
    RunEventSink events,
    Func<string, string> scrub,
    IReadOnlyList<Waiver> waivers,
    DateOnly today
)
{
    private static readonly AsyncLocal<ItemRecorder?> Ambient = new();
    private readonly Lock gate = new();
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly List<Finding> findings = [];
    private readonly List<string> found = [];
    private readonly List<string> fixes = [];
    private readonly List<Evidence> evidence = [];
    private IReadOnlyList<Attempt> attempts = [];
    private readonly List<WaiverUse> waiverUses = [];
    private readonly HashSet<Waiver> usedWaivers = [];
    private CheckStatus? verdict;
    private string? reason;

    /// <summary>The item whose fact is running here.</summary>
    /// <exception cref="InvalidOperationException">The fact does not run its body through <see cref="Item.RunAsync"/>.</exception>
    public static ItemRecorder Current =>
        Ambient.Value
        ?? throw new InvalidOperationException("a checklist fact runs its body through Item.RunAsync, which records its result as data");

    /// <summary>The item's id.</summary>
    public string CheckId => checkId;

    /// <summary>The service it checks.</summary>
    public string? Service => service;

    /// <summary>The retries that ended well in this item's reads: a pass after a retry says so.</summary>
    public IReadOnlyList<string> Retries { get; set; } = [];

    /// <summary>Masks every secret the run has read out of <paramref name="text"/>.</summary>
    public string Scrub(string text) => scrub(text);

    internal static void Enter(ItemRecorder recorder) => Ambient.Value = recorder;

    /// <summary>The reason, found lines and fixes recorded so far.</summary>
    public (string? Reason, IReadOnlyList<string> Found, IReadOnlyList<string> Fixes) Recorded
    {
        get
        {
            lock (gate)
            {
                return (reason, [.. found], [.. fixes]);
            }
        }
    }

    /// <summary>Records what the item saw.</summary>
    public void Saw(EvidenceTopic topic, string? environment, string name, string value)
    {
        lock (gate)
        {
            evidence.Add(new Evidence(topic, environment, name, value));
        }
    }

    /// <summary>Records the looks of a wait.</summary>
    public void Waited(IReadOnlyList<Attempt> looks) => attempts = looks;

    /// <summary>Tells the runner that a wait looked and the state does not hold yet.</summary>
    public void Looked(Attempt attempt, string problem, TimeSpan timeout) =>
        events.Publish(
            new RunEvent(RunEvent.Waiting, checkId, Problem: problem, Elapsed: attempt.At, Timeout: timeout.TotalSeconds, Service: service)
        );

    /// <summary>Records the verdict: fail or warn with its reason, what was found and the fixes; or a pass's one line.</summary>
    public void Judged(
        CheckStatus status,
        string? line,
        IEnumerable<string> foundLines,
        IEnumerable<string> fixLines,
        IEnumerable<Finding> ruleFindings
    )
    {
        lock (gate)
        {
            verdict = status;
            reason = line;
            found.AddRange(foundLines);
            findings.AddRange(ruleFindings);
            fixes.AddRange(fixLines.Where(f => !fixes.Contains(f, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// Records a fail or a warn made of <paramref name="ruleFindings"/>, as the config's waivers of this item leave it
    /// (<see cref="WaiverRule.Judge"/> decides; this only records). Returns the status the item ends with.
    /// </summary>
    public CheckStatus JudgedFindings(
        CheckStatus status,
        string summary,
        IReadOnlyList<string> foundLines,
        IReadOnlyList<string> fixLines,
        IReadOnlyList<Finding> ruleFindings,
        bool foundAreFindings,
        IReadOnlyList<string>? context = null
    )
    {
        var judged = WaiverRule.Judge(
            checkId,
            status,
            summary,
            foundLines,
            fixLines,
            ruleFindings,
            foundAreFindings,
            context,
            waivers,
            today
        );
        lock (gate)
        {
            foreach (var (waiver, state) in judged.Met)
            {
                Met(waiver, state);
            }
        }

        Judged(judged.Status, judged.Summary, judged.Found, judged.Fixes, judged.Findings);
        return judged.Status;
    }

    private void Met(Waiver waiver, WaiverState state)
    {
        if (usedWaivers.Add(waiver))
        {
            waiverUses.Add(Use(waiver, state));
        }
    }

    private static WaiverUse Use(Waiver waiver, WaiverState state) =>
        new(
            waiver.Subject,
            waiver.Reason,
            waiver.Owner,
            waiver.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            state
        );

    /// <summary>The item's result once its fact has ended, with <paramref name="error"/> when it threw.</summary>
    public CheckResult Finish(Exception? error, Func<string, string> scrubbing)
    {
        // Everything the item hands on is scrubbed once more here, whatever each line was built from.
        string S(string text) => scrubbing(text);
        lock (gate)
        {
            var status = (error, verdict) switch
            {
                (null, CheckStatus.Warn) => CheckStatus.Warn,
                (null, CheckStatus.Waived) => CheckStatus.Waived,
                (null, CheckStatus.NotApplicable) => CheckStatus.NotApplicable,
                (null, _) => CheckStatus.Pass,
                (VerdictFailure, _) => CheckStatus.Fail,
                _ => CheckStatus.NotChecked,
            };

            // Anything else that ended the item (an API error, a setup error) is why it could not be checked: our own
            // exceptions carry one line that says what to do, scrubbed of every secret the run has read.
            var line = status == CheckStatus.NotChecked ? FirstLine(error!) : reason;
            string[] retried;
            lock (Retries)
            {
                // A read that two of the item's reads share (the app behind its health URL) tells its retry to both.
                retried = [.. Retries.Distinct(StringComparer.Ordinal)];
            }

            // A waiver of this item that matched no finding is rotting: it warns a passing item, and is listed on any
            // other it judged. An item that could not be checked says nothing of its waivers.
            var unused = waivers
                .Where(w => string.Equals(w.CheckId, checkId, StringComparison.Ordinal) && !usedWaivers.Contains(w))
                .ToList();
            if (unused.Count > 0 && status != CheckStatus.NotChecked)
            {
                waiverUses.AddRange(unused.Select(w => Use(w, WaiverState.Unused)));
                var text =
                    $"unused waiver{(unused.Count == 1 ? string.Empty : "s")}: {string.Join("; ", unused)}: no finding matches {(unused.Count == 1 ? "it" : "them")}";
                if (status == CheckStatus.Pass)
                {
                    status = CheckStatus.Warn;
                    line = line is null ? text : $"{text}; {line}";
                    TestContext.Current.AddWarning(S(text));
                }
                else
                {
                    found.Add(text);
                }

                fixes.AddRange(unused.Select(w => $"remove the waiver of {w.Subject} ({checkId}) from .config/preflight.json"));
            }

            if (retried.Length > 0 && status == CheckStatus.Pass)
            {
                var after = $"after a retry: {string.Join("; ", retried)}";
                line = line is null ? $"passed {after}" : $"{line} ({after})";
            }
            else if (retried.Length > 0)
            {
                found.AddRange(retried.Select(r => $"retried: {r}"));
            }

            return new CheckResult(
                checkId,
                phase,
                title,
                status,
                line is null ? null : S(line),
                [.. findings.Select(f => new Finding(f.Subject, S(f.Problem), f.Fix is null ? null : S(f.Fix)))],
                [.. found.Select(S)],
                [.. fixes.Select(S)],
                [.. evidence.Select(e => e with { Value = S(e.Value) })],
                [.. attempts.Select(a => a with { Observed = S(a.Observed) })],
                Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 3)
            )
            {
                Waivers = [.. waiverUses.Select(w => w with { Reason = S(w.Reason) })],
                Service = service,
            };
        }
    }

    /// <summary>Hands the result on: to the runner as an event, and to xunit as an attachment (for <c>dotnet test</c>'s reports).</summary>
    public void Publish(CheckResult result)
    {
        events.Publish(new RunEvent(RunEvent.Finished, checkId, result, Service: service));
        TestContext.Current.AddAttachment("raxx-preflight-result", JsonSerializer.Serialize(result, RunEvent.Json));
    }

    private static string FirstLine(Exception error)
    {
        var message = error.Message.Trim();
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        var first = end < 0 ? message : message[..end].TrimEnd();
        return
            error
                is Session.PreflightSetupException
                    or Configuration.PreflightConfigException
                    or Http.RemoteServiceException
                    or Http.ReadOnlyViolationException
                    or Database.DatabaseCheckException
            ? first
            : $"{error.GetType().Name}: {first}";
    }
}
