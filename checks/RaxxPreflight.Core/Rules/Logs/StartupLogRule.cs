using System.Text.RegularExpressions;

namespace RaxxPreflight.Rules.Logs;

/// <summary>One failure in a startup log: its class, the dyno, and the line quoted (secrets not yet masked).</summary>
/// <param name="Kind">The class: <c>router H10: app crashed</c>, <c>uncaught exception</c>, <c>exit status 139</c>, <c>ERROR-level line</c>.</param>
/// <param name="Dyno">The dyno it is about (<c>web.1</c>, or <c>router</c>).</param>
/// <param name="Quote">The line as logged (ANSI stripped), a traceback's first line joined with its exception line.</param>
public sealed record LogFinding(string Kind, string Dyno, string Quote)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Quote}";
}

/// <summary>What the startup log since a release says.</summary>
/// <param name="WebLines">How many lines the web process (its dynos, the router for it) logged since the release.</param>
/// <param name="Failures">Failures of the web process: each fails the item.</param>
/// <param name="OtherProcesses">Failures of other process types (worker, release...): out of the item's scope, a warning.</param>
/// <param name="SetAside">What was not judged and why (the previous release's dynos shutting down).</param>
public sealed record StartupLogJudgement(
    int WebLines,
    IReadOnlyList<LogFinding> Failures,
    IReadOnlyList<LogFinding> OtherProcesses,
    IReadOnlyList<string> SetAside
);

/// <summary>A service's own log formats: patterns that fail a line, and patterns that set a line aside (<c>postDeploy.logs</c>).</summary>
/// <param name="FailOn">A line whose message matches one of these is a failure.</param>
/// <param name="Ignore">A line whose message matches one of these is never judged.</param>
public sealed record LogPatterns(IReadOnlyList<Regex> FailOn, IReadOnlyList<Regex> Ignore)
{
    /// <summary>No patterns of the service's own.</summary>
    public static LogPatterns None { get; } = new([], []);
}

/// <summary>
/// Judges a startup log as an operator reads it: the web process's lines since the release, by their own
/// level first, then by the platform's signals and the way runtimes die; the previous release's dynos shutting
/// down are set aside; other process types are reported apart.
/// </summary>
public static class StartupLogRule
{
    /// <summary>Judges <paramref name="lines"/> (raw Heroku log lines) logged at or after <paramref name="since"/>.</summary>
    public static StartupLogJudgement Judge(IEnumerable<string> lines, DateTimeOffset since, string processType, LogPatterns patterns)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(patterns);
        var failures = new List<LogFinding>();
        var others = new List<LogFinding>();
        var stopping = new HashSet<string>(StringComparer.Ordinal);
        var setAside = new Dictionary<string, int>(StringComparer.Ordinal);
        var tracebacks = new Dictionary<string, LogLine>(StringComparer.Ordinal);
        var emptyLevels = new Dictionary<string, LogLine>(StringComparer.Ordinal);
        var webLines = 0;

        void Found(bool web, string kind, string dyno, string quote) => (web ? failures : others).Add(new LogFinding(kind, dyno, quote));

        foreach (var line in lines.Select(LogLine.Parse).OfType<LogLine>().Where(l => l.At >= since))
        {
            if (line.IsRouter)
            {
                // The router serves only the web process: its lines count for the dyno they name, or for web.
                var dyno = line.Fields.GetValueOrDefault("dyno") ?? string.Empty;
                var routerWeb = dyno.Length == 0 || LogLine.ProcessTypeOf(dyno) == processType;
                webLines += routerWeb ? 1 : 0;
                if (!Ignored(line, patterns) && LogSignals.Router(line) is { } routerKind)
                {
                    Found(routerWeb, routerKind, dyno.Length == 0 ? "router" : dyno, line.Quoted);
                }

                continue;
            }

            if (line.ProcessType is not { } type)
            {
                continue;
            }

            var web = type == processType;
            webLines += web ? 1 : 0;
            if (line.Source == "heroku" && LogSignals.Starting(line.Message))
            {
                stopping.Remove(line.Process);
            }

            if (stopping.Contains(line.Process))
            {
                setAside[line.Process] = setAside.GetValueOrDefault(line.Process) + 1;
                continue;
            }

            if (line.Source == "heroku" && LogSignals.Stopping(line.Message))
            {
                stopping.Add(line.Process);
                setAside[line.Process] = setAside.GetValueOrDefault(line.Process) + 1;
                continue;
            }

            if (Ignored(line, patterns))
            {
                continue;
            }

            // A Python traceback is one failure: its first line, then the exception line that ends it.
            if (tracebacks.TryGetValue(line.Process, out var opened))
            {
                if (LogSignals.ContinuesStack(line.Message))
                {
                    continue;
                }

                tracebacks.Remove(line.Process);
                Found(web, "uncaught exception", line.Process, $"{opened.Quoted} … {line.Message.Trim()}");
                continue;
            }

            // Ruby's Logger writes "FATAL -- : [request-id]" and the exception on the next line: the pair is one
            // line, judged by what the exception is (a routing error for a missing asset is noise).
            if (emptyLevels.Remove(line.Process, out var level))
            {
                if (!LogSignals.Noise(line.Message))
                {
                    Found(web, Kind(level, patterns) ?? "FATAL-level line", line.Process, $"{level.Quoted} … {line.Message.Trim()}");
                }

                continue;
            }

            if (line.Source == "app" && LogSignals.EmptyLevelLine(line.Message) && !patterns.FailOn.Any(p => p.IsMatch(line.Message)))
            {
                emptyLevels[line.Process] = line;
                continue;
            }

            if (Kind(line, patterns) is { } kind)
            {
                Found(web, kind, line.Process, line.Quoted);
            }
            else if (line.Source == "app" && LogSignals.OpensTraceback(line.Message))
            {
                tracebacks[line.Process] = line;
            }
        }

        foreach (var (dyno, alone) in emptyLevels)
        {
            if (Kind(alone, patterns) is { } kind)
            {
                Found(alone.ProcessType == processType, kind, dyno, alone.Quoted);
            }
        }

        foreach (var (dyno, opened) in tracebacks)
        {
            Found(opened.ProcessType == processType, "uncaught exception", dyno, $"{opened.Quoted} … (its exception line not logged yet)");
        }

        return new StartupLogJudgement(
            webLines,
            failures,
            others,
            [
                .. setAside.Select(s =>
                    $"{s.Value} line{(s.Value == 1 ? string.Empty : "s")} of {s.Key} shutting down (the previous release's process, stopped for the new one)"
                ),
            ]
        );
    }

    /// <summary>
    /// What one look at the log says while the deploy settles: a failure of the web process is final; no web line
    /// since the release yet is not; <paramref name="release"/> is null while the current release runs no build (no image, no slug).
    /// </summary>
    public static Settling.Judgement Settle(int? release, StartupLogJudgement? log, string processType, Func<string, string> scrub)
    {
        ArgumentNullException.ThrowIfNull(scrub);
        if (release is null || log is null)
        {
            return Settling.Judgement.NotYet("prod's current release runs no build (no image, no slug), so there is no startup to read");
        }

        if (log.Failures.Count > 0)
        {
            return Settling.Judgement.Terminal(
                $"{log.Failures.Count} failure{(log.Failures.Count == 1 ? string.Empty : "s")} in the {processType} log since v{release}: {string.Join(" | ", log.Failures.Select(f => scrub(f.ToString())))}"
            );
        }

        return log.WebLines == 0 ? Settling.Judgement.NotYet($"no {processType} log line since v{release} yet") : Settling.Judgement.Holds;
    }

    /// <summary>The look in a few words: <c>5 web lines since v6, 0 failures</c>.</summary>
    public static string Describe(int? release, StartupLogJudgement? log, string processType)
    {
        if (release is null || log is null)
        {
            return "no release of a build";
        }

        var aside =
            log.SetAside.Count > 0
                ? $", {log.SetAside.Count} shutdown{(log.SetAside.Count == 1 ? string.Empty : "s")} set aside"
                : string.Empty;
        return $"{log.WebLines} {processType} line{(log.WebLines == 1 ? string.Empty : "s")} since v{release}, {log.Failures.Count} failure{(log.Failures.Count == 1 ? string.Empty : "s")}{aside}";
    }

    private static bool Ignored(LogLine line, LogPatterns patterns) => patterns.Ignore.Any(p => p.IsMatch(line.Message));

    private static string? Kind(LogLine line, LogPatterns patterns)
    {
        if (patterns.FailOn.FirstOrDefault(p => p.IsMatch(line.Message)) is { } pattern)
        {
            return $"matches postDeploy.logs.failOn /{pattern}/";
        }

        if (line.Source == "heroku")
        {
            return LogSignals.Platform(line);
        }

        if (LogSignals.Always(line.Message) is { } always)
        {
            return always;
        }

        if (LogSignals.Noise(line.Message))
        {
            return null;
        }

        return LogLevel.Of(line.Message) switch
        {
            Severity.Fatal => "FATAL-level line",
            Severity.Error => "ERROR-level line",
            null => LogSignals.Runtime(line.Message),
            _ => null,
        };
    }
}
