using System.Text;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks;

/// <summary>
/// How an item fails: Shouldly's assertion, with a message whose first line is the one-line reason,
/// then what was found, then the commands that fix it. Nothing here ever holds a secret value.
/// </summary>
internal static class Verdict
{
    /// <summary>Fails with <paramref name="summary"/> unless <paramref name="findings"/> is empty.</summary>
    public static void NoFindings(IReadOnlyList<Finding> findings, string summary)
    {
        var problems = findings.Select(f => f.ToString()).ToList();
        problems.ShouldBeEmpty(Message(summary, problems, findings.Select(f => f.Fix)));
    }

    /// <summary>Fails with <paramref name="summary"/> unless <paramref name="problems"/> is empty.</summary>
    public static void NoProblems(IReadOnlyList<string> problems, string summary, params string[] fixes) =>
        problems.ShouldBeEmpty(Message(summary, problems, fixes));

    /// <summary>The message: the reason, "Found:" lines, "Fix:" lines.</summary>
    public static string Message(string summary, IEnumerable<string> found, IEnumerable<string> fixes)
    {
        var text = new StringBuilder(summary);
        AppendSection(text, "Found:", found);
        AppendSection(text, "Fix:", fixes.Distinct(StringComparer.Ordinal));
        return text.ToString();
    }

    /// <summary>A warning in the same form: the reason, then what was found and how to act.</summary>
    public static void Warn(string summary, IEnumerable<string> found, IEnumerable<string> fixes) =>
        TestContext.Current.AddWarning(Message(summary, found, fixes));

    private static void AppendSection(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append('\n').Append(title);
        foreach (var line in list)
        {
            text.Append("\n  ").Append(line);
        }
    }
}
