using System.Globalization;
using System.Text.RegularExpressions;

namespace RaxxPreflight.Rules;

/// <summary>Heroku log lines (<c>2026-05-18T23:10:04.123+00:00 app[web.1]: text</c>) read for startup errors.</summary>
public static partial class StartupLog
{
    /// <summary>The lines of <paramref name="processType"/> dynos logged at or after <paramref name="since"/>.</summary>
    public static IReadOnlyList<string> Since(IEnumerable<string> lines, DateTimeOffset since, string processType) =>
        [
            .. lines.Where(line =>
            {
                var match = LinePattern().Match(line);
                return match.Success
                    && match.Groups["dyno"].Value.StartsWith(processType + ".", StringComparison.Ordinal)
                    && DateTimeOffset.TryParse(
                        match.Groups["at"].Value,
                        CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal,
                        out var at
                    )
                    && at >= since;
            }),
        ];

    /// <summary>The ERROR-level lines among <paramref name="lines"/> (ERROR, FATAL, CRITICAL, or <c>level=error</c>).</summary>
    public static IReadOnlyList<string> Errors(IEnumerable<string> lines) =>
        [
            .. lines.Where(line =>
                LinePattern().Match(line) is { Success: true } match && ErrorPattern().IsMatch(match.Groups["text"].Value)
            ),
        ];

    [GeneratedRegex(@"^(?<at>\S+) (?<source>[\w-]+)\[(?<dyno>[^\]]+)\]: (?<text>.*)$")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"\b(ERROR|FATAL|CRITICAL)\b|\blevel=(error|fatal|critical)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorPattern();
}
