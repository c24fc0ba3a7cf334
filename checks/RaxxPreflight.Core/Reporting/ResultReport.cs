using System.Text;
using System.Xml.Linq;

namespace RaxxPreflight.Reporting;

/// <summary>Reads the xUnit.net v3 XML report (<c>-result-xml</c>) of a checklist run into one result per item.</summary>
public static class ResultReport
{
    private const string AdditionalInfo = "Additional Info:";

    /// <summary>Reads the report at <paramref name="path"/>.</summary>
    public static IReadOnlyList<CheckResult> Read(string path) => Parse(XDocument.Load(path));

    /// <summary>Reads a report already loaded.</summary>
    public static IReadOnlyList<CheckResult> Parse(XDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report
            .Descendants("test")
            .Select(ReadTest)
            .OrderBy(r => PhaseOrder(r.Phase))
            .ThenBy(r => r.CheckId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Splits a failure message into its one-line reason and the lines after it. A Shouldly message
    /// puts the check's own words after "Additional Info:"; an exception's message is its own first line.
    /// </summary>
    public static (string Reason, IReadOnlyList<string> Details) Split(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var lines = message.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var info = Array.FindIndex(lines, l => l.Trim() == AdditionalInfo);
        var own = info >= 0 ? lines[(info + 1)..] : lines;
        var kept = own.Select(l => l.TrimEnd()).SkipWhile(string.IsNullOrWhiteSpace).ToList();
        if (kept.Count == 0)
        {
            return (message.Trim(), []);
        }

        var reason = StripExceptionType(kept[0].Trim());
        return (reason, kept.Skip(1).Where(l => l.Trim().Length > 0).ToList());
    }

    // The checklist's own order: what holds before the deploy, then what holds after it.
    private static int PhaseOrder(string phase) =>
        phase switch
        {
            "PreDeploy" => 0,
            "PostDeploy" => 1,
            _ => 2,
        };

    private static CheckResult ReadTest(XElement test)
    {
        var traits = test.Element("traits")
            ?.Elements("trait")
            .ToLookup(t => (string?)t.Attribute("name") ?? string.Empty, t => (string?)t.Attribute("value") ?? string.Empty);
        var warnings = test.Element("warnings")?.Elements("warning").Select(w => Unescape(w.Value).Trim()).ToList() ?? [];
        var result = (string?)test.Attribute("result");
        var message = Unescape(test.Element("failure")?.Element("message")?.Value ?? (string?)test.Element("reason") ?? string.Empty);
        var outcome = result switch
        {
            "Pass" => warnings.Count > 0 ? CheckOutcome.Warn : CheckOutcome.Pass,
            "Skip" or "NotRun" => CheckOutcome.Skip,
            _ => CheckOutcome.Fail,
        };

        var output = Unescape(test.Element("output")?.Value ?? string.Empty).Trim();
        string? reason = null;
        IReadOnlyList<string> details = [];
        if (outcome is CheckOutcome.Fail or CheckOutcome.Skip)
        {
            (reason, details) = Split(message);
        }
        else if (outcome == CheckOutcome.Warn)
        {
            (reason, details) = Split(warnings[0]);
        }
        else if (output.Length > 0)
        {
            // A pass that had to wait says so: its record of attempts is its one line.
            reason = output.Split('\n')[0].Trim();
        }

        return new CheckResult(
            traits?["Check"].FirstOrDefault() ?? "(no check id)",
            traits?["Phase"].FirstOrDefault() ?? "(no phase)",
            Unescape((string?)test.Attribute("name") ?? string.Empty),
            outcome,
            reason,
            details,
            warnings,
            output
        );
    }

    /// <summary>Undoes the backslash escapes xUnit.net writes into its XML report (\", \\, \t, \xHH...).</summary>
    public static string Unescape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                result.Append(text[i]);
                continue;
            }

            var next = text[++i];
            switch (next)
            {
                case 't':
                    result.Append('\t');
                    break;
                case 'r':
                    result.Append('\r');
                    break;
                case 'n':
                    result.Append('\n');
                    break;
                case '0':
                    result.Append('\0');
                    break;
                case 'x' when i + 2 < text.Length && IsHex(text.AsSpan(i + 1, 2)):
                    result.Append((char)Convert.ToInt32(text.Substring(i + 1, 2), 16));
                    i += 2;
                    break;
                case 'u' when i + 4 < text.Length && IsHex(text.AsSpan(i + 1, 4)):
                    result.Append((char)Convert.ToInt32(text.Substring(i + 1, 4), 16));
                    i += 4;
                    break;
                default:
                    result.Append(next);
                    break;
            }
        }

        return result.ToString();
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // xUnit prefixes an exception's message with its type: "RaxxPreflight.Http.RemoteServiceException : ...".
    private static string StripExceptionType(string line)
    {
        var separator = line.IndexOf(" : ", StringComparison.Ordinal);
        return
            separator > 0
            && !line[..separator].Contains(' ', StringComparison.Ordinal)
            && line[..separator].Contains('.', StringComparison.Ordinal)
            ? line[(separator + 3)..]
            : line;
    }
}
