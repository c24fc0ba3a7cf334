using System.Diagnostics.CodeAnalysis;
using System.Text;
using RaxxPreflight.Checks.Results;
using RaxxPreflight.Reporting;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks;

/// <summary>
/// How an item ends: it records its verdict as data (reason, findings, what was found, fixes) on the current
/// item, then fails as a Shouldly assertion whose message says the same for people reading <c>dotnet test</c>.
/// Nothing here ever holds a secret value.
/// </summary>
internal static class Verdict
{
    /// <summary>
    /// Fails with <paramref name="summary"/> unless <paramref name="findings"/> is empty, or every finding is covered by
    /// a live waiver of the config (then the item is waived); a finding whose waiver expired fails it, naming the waiver.
    /// </summary>
    /// <param name="findings">What is wrong, each about one subject.</param>
    /// <param name="summary">The reason, one line.</param>
    /// <param name="context">Found lines that are no finding but help to read them (what else was there).</param>
    public static void NoFindings(IReadOnlyList<Finding> findings, string summary, params string[] context)
    {
        if (findings.Count == 0)
        {
            return;
        }

        var item = ItemRecorder.Current;
        var status = item.JudgedFindings(
            CheckStatus.Fail,
            summary,
            [.. findings.Select(f => f.ToString()), .. context],
            [.. findings.Select(f => f.Fix).OfType<string>().Distinct(StringComparer.Ordinal)],
            findings,
            foundAreFindings: true,
            context
        );
        End(item, status);
    }

    /// <summary>Ends as <paramref name="ruling"/> rules (a rule's judgement, as data): holds, fails, or has findings.</summary>
    public static void Apply(Ruling ruling)
    {
        ArgumentNullException.ThrowIfNull(ruling);
        switch (ruling.Kind)
        {
            case RulingKind.Fails:
                Fail(ruling.Summary ?? "the rule failed it", ruling.Found, ruling.Fixes);
                break;
            case RulingKind.HasFindings:
                NoFindings(ruling.Findings, ruling.Summary ?? "findings", [.. ruling.Found]);
                break;
            case RulingKind.Holds when ruling.Summary is { } note:
                Pass(note);
                break;
        }
    }

    /// <summary>Fails with <paramref name="summary"/> unless <paramref name="problems"/> is empty.</summary>
    public static void NoProblems(IReadOnlyList<string> problems, string summary, params string[] fixes)
    {
        if (problems.Count > 0)
        {
            Fail(summary, problems, fixes);
        }
    }

    /// <summary>Fails unless <paramref name="value"/> is there.</summary>
    public static void NotNull<T>([NotNull] T? value, string summary, IEnumerable<string> found, IEnumerable<string> fixes)
    {
        if (value is null)
        {
            Fail(summary, found, fixes);
        }
    }

    /// <summary>Fails unless <paramref name="holds"/>.</summary>
    public static void That([DoesNotReturnIf(false)] bool holds, string summary, IEnumerable<string> found, IEnumerable<string> fixes)
    {
        if (!holds)
        {
            Fail(summary, found, fixes);
        }
    }

    /// <summary>The item did not hold: records why, and fails. No waiver covers it: it names no finding.</summary>
    [DoesNotReturn]
    public static void Fail(string summary, IEnumerable<string> found, IEnumerable<string> fixes)
    {
        var foundList = found.ToList();
        var fixList = fixes.Distinct(StringComparer.Ordinal).ToList();
        var item = ItemRecorder.Current;
        item.Judged(CheckStatus.Fail, summary, foundList, fixList, []);
        throw new VerdictFailure(item.Scrub(Message(summary, foundList, fixList)));
    }

    /// <summary>
    /// A warning: the item holds, but an operator should read the reason, what was found and how to act. The
    /// <paramref name="findings"/> it names may be waived by the config (all waived: the item is waived; a waiver
    /// expired: the item fails, naming it); a warning that names none cannot be.
    /// </summary>
    public static void Warn(string summary, IEnumerable<string> found, IEnumerable<string> fixes, IReadOnlyList<Finding>? findings = null)
    {
        var item = ItemRecorder.Current;
        var foundList = found.ToList();
        var fixList = fixes.Distinct(StringComparer.Ordinal).ToList();
        var status = item.JudgedFindings(CheckStatus.Warn, summary, foundList, fixList, findings ?? [], foundAreFindings: false);
        End(item, status);
    }

    // Ends a judged item as its status says: a failure throws, a warning is xunit's warning too, a waiver is a line.
    private static void End(ItemRecorder item, CheckStatus status)
    {
        var (line, found, fixes) = item.Recorded;
        var message = item.Scrub(Message(line ?? string.Empty, found, fixes));
        switch (status)
        {
            case CheckStatus.Fail:
                throw new VerdictFailure(message);
            case CheckStatus.Warn:
                TestContext.Current.AddWarning(message);
                break;
            default:
                TestContext.Current.TestOutputHelper?.WriteLine(message);
                break;
        }
    }

    /// <summary>
    /// Ends the item as not applicable when <paramref name="notApplicableBecause"/> says why (an
    /// <c>Applicability</c> rule's answer); goes on when it is null (the item applies).
    /// </summary>
    public static void AppliesUnless(string? notApplicableBecause)
    {
        if (notApplicableBecause is null)
        {
            return;
        }

        var item = ItemRecorder.Current;
        item.Judged(CheckStatus.NotApplicable, notApplicableBecause, [], [], []);
        TestContext.Current.TestOutputHelper?.WriteLine(item.Scrub($"not applicable: {notApplicableBecause}"));
        throw new NotApplicableException(notApplicableBecause);
    }

    /// <summary>The item holds, and says in one line how it knows (the record of a wait, the session it opened).</summary>
    public static void Pass(string line)
    {
        var item = ItemRecorder.Current;
        item.Judged(CheckStatus.Pass, line, [], [], []);
        TestContext.Current.TestOutputHelper?.WriteLine(item.Scrub(line));
    }

    /// <summary>The message people read: the reason, "Found:" lines, "Fix:" lines.</summary>
    private static string Message(string summary, IReadOnlyList<string> found, IReadOnlyList<string> fixes)
    {
        var text = new StringBuilder(summary);
        AppendSection(text, "Found:", found);
        AppendSection(text, "Fix:", fixes);
        return text.ToString();
    }

    private static void AppendSection(StringBuilder text, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        text.Append('\n').Append(title);
        foreach (var line in lines)
        {
            text.Append("\n  ").Append(line);
        }
    }
}
