using System.Globalization;
using System.Text.RegularExpressions;

namespace RaxxPreflight.Rules.Logs;

/// <summary>
/// One Heroku log line: <c>2026-05-18T23:40:05.123456+00:00 app[web.1]: message</c>. The source is <c>app</c> (what
/// the process printed) or <c>heroku</c> (the platform: a dyno's state, the router, the API); the process is a
/// dyno (<c>web.1</c>, or <c>web-58d8c5b96b-jw9k4</c> on the newer generation), <c>router</c> or <c>api</c>.
/// </summary>
/// <param name="At">When it was logged.</param>
/// <param name="Source"><c>app</c> or <c>heroku</c>.</param>
/// <param name="Process">The dyno, <c>router</c>, <c>api</c>...</param>
/// <param name="Message">The message, ANSI colour codes stripped.</param>
public sealed partial record LogLine(DateTimeOffset At, string Source, string Process, string Message)
{
    /// <summary>The line as quoted in a finding: <c>app[web.1]: message</c>.</summary>
    public string Quoted => $"{Source}[{Process}]: {Message}";

    /// <summary>The process type of a dyno (<c>web</c> of <c>web.1</c> or <c>web-58d8c5b96b-jw9k4</c>); null for the router or the API.</summary>
    public string? ProcessType => ProcessTypeOf(Process);

    /// <summary>The process type a dyno name names (<c>web</c> of <c>web.1</c> or <c>web-58d8c5b96b-jw9k4</c>); null for anything else.</summary>
    public static string? ProcessTypeOf(string dyno) => DynoPattern().Match(dyno) is { Success: true } m ? m.Groups["type"].Value : null;

    /// <summary>True for a line of the router.</summary>
    public bool IsRouter => Source == "heroku" && Process == "router";

    /// <summary>Reads a line; null when it is not in Heroku's format.</summary>
    public static LogLine? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = LinePattern().Match(Ansi.Strip(line).TrimEnd('\r'));
        if (!match.Success)
        {
            return null;
        }

        return DateTimeOffset.TryParse(match.Groups["at"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? new LogLine(at, match.Groups["source"].Value, match.Groups["process"].Value, match.Groups["message"].Value)
            : null;
    }

    /// <summary>The router's <c>key=value</c> fields (<c>at</c>, <c>code</c>, <c>desc</c>, <c>dyno</c>, <c>status</c>...), quotes removed.</summary>
    public IReadOnlyDictionary<string, string> Fields =>
        FieldPattern()
            .Matches(Message)
            .GroupBy(m => m.Groups["key"].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Groups["value"].Value.Trim('"'), StringComparer.Ordinal);

    [GeneratedRegex(@"^(?<at>\d{4}-\d\d-\d\dT\S+) (?<source>[\w-]+)\[(?<process>[^\]]+)\]:? ?(?<message>.*)$")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"^(?<type>[A-Za-z0-9_]+)(\.\d+|-[0-9a-z]+-[0-9a-z]+)$")]
    private static partial Regex DynoPattern();

    [GeneratedRegex("""(?<=^|\s)(?<key>[a-z_]+)=(?<value>"[^"]*"|\S*)""")]
    private static partial Regex FieldPattern();
}

/// <summary>ANSI escape sequences (colours, cursor moves) that loggers write to a terminal and Heroku keeps.</summary>
public static partial class Ansi
{
    /// <summary><paramref name="text"/> without its escape sequences.</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('\u001b', StringComparison.Ordinal) ? Pattern().Replace(text, string.Empty) : text;
    }

    [GeneratedRegex(@"\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]")]
    private static partial Regex Pattern();
}
