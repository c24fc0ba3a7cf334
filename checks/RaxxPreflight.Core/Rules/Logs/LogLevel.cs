using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RaxxPreflight.Rules.Logs;

/// <summary>How severe a line says it is, by its own level.</summary>
public enum Severity
{
    /// <summary>Trace, debug, info, notice.</summary>
    Info,

    /// <summary>Warning.</summary>
    Warning,

    /// <summary>Error.</summary>
    Error,

    /// <summary>Fatal, critical, alert, emergency.</summary>
    Fatal,
}

/// <summary>
/// The level a line gives itself, in the formats services write: JSON fields (<c>level</c>, <c>severity</c>,
/// <c>lvl</c>, <c>@l</c>; pino/bunyan numbers), syslog priorities, .NET's <c>fail:</c>/<c>crit:</c>, glog/klog
/// letters, Ruby's logger, <c>level=error</c>, and level words (<c>ERROR</c>, <c>[error]</c>). The first the line
/// gives is its level: a line at INFO that quotes an error is an INFO line.
/// </summary>
public static partial class LogLevel
{
    /// <summary>The line's own level, or null when it gives none.</summary>
    public static Severity? Of(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.TrimStart();
        if (text.StartsWith('{') && Json(text) is { } fromJson)
        {
            return fromJson;
        }

        if (SyslogPattern().Match(text) is { Success: true } syslog)
        {
            var severity = int.Parse(syslog.Groups["pri"].Value, CultureInfo.InvariantCulture) % 8;
            return severity <= 2 ? Severity.Fatal
                : severity == 3 ? Severity.Error
                : severity == 4 ? Severity.Warning
                : Severity.Info;
        }

        if (DotNetPattern().Match(text) is { Success: true } dotnet)
        {
            return Word(dotnet.Groups["level"].Value);
        }

        if (GlogPattern().Match(text) is { Success: true } glog)
        {
            return Letter(glog.Groups["level"].Value[0]);
        }

        // Monolog (Laravel, Symfony): "[2026-05-18 23:40:07] production.ERROR: ...", the level after the channel's dot.
        if (MonologPattern().Match(text) is { Success: true } monolog)
        {
            return Word(monolog.Groups["level"].Value);
        }

        if (RubyPattern().Match(text) is { Success: true } ruby)
        {
            return Word(ruby.Groups["level"].Value);
        }

        if (KeyValuePattern().Match(text) is { Success: true } pair && Word(pair.Groups["level"].Value) is { } fromPair)
        {
            return fromPair;
        }

        // The first level word the line gives: upper case (ERROR, [WARN]), bracketed in any case ([error]), or leading (error:).
        return WordPattern().Match(text) is { Success: true } word ? Word(word.Groups["level"].Value) : null;
    }

    private static Severity? Json(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var name in new[] { "level", "severity", "lvl", "@l", "log.level", "loglevel", "levelname" })
            {
                if (!document.RootElement.TryGetProperty(name, out var value))
                {
                    continue;
                }

                // pino and bunyan: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal.
                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
                {
                    return number >= 60 ? Severity.Fatal
                        : number >= 50 ? Severity.Error
                        : number >= 40 ? Severity.Warning
                        : Severity.Info;
                }

                if (value.ValueKind == JsonValueKind.String && Word(value.GetString()!) is { } level)
                {
                    return level;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: read it as text.
        }

        return null;
    }

    private static Severity? Letter(char letter) =>
        letter switch
        {
            'I' or 'D' => Severity.Info,
            'W' => Severity.Warning,
            'E' => Severity.Error,
            'F' => Severity.Fatal,
            _ => null,
        };

    private static Severity? Word(string word) =>
        word.ToUpperInvariant() switch
        {
            "TRACE" or "TRCE" or "DEBUG" or "DBUG" or "DBG" or "INFO" or "INF" or "INFORMATION" or "NOTICE" or "VERBOSE" => Severity.Info,
            "WARN" or "WARNING" or "WRN" => Severity.Warning,
            "ERROR" or "ERR" or "EROR" or "FAIL" or "SEVERE" => Severity.Error,
            "FATAL" or "CRITICAL" or "CRIT" or "ALERT" or "EMERG" or "EMERGENCY" or "PANIC" => Severity.Fatal,
            _ => null,
        };

    [GeneratedRegex(@"^<(?<pri>\d{1,3})>")]
    private static partial Regex SyslogPattern();

    [GeneratedRegex(@"^(?<level>fail|crit|warn|info|dbug|trce): ")]
    private static partial Regex DotNetPattern();

    [GeneratedRegex(@"^(?<level>[IWEF])\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ \S+:\d+\] ")]
    private static partial Regex GlogPattern();

    [GeneratedRegex(@"^\[[^\]]+\]\s+[\w-]+\.(?<level>DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL|ALERT|EMERGENCY): ")]
    private static partial Regex MonologPattern();

    [GeneratedRegex(@"^[DIWEFA], \[[^\]]*\]\s+(?<level>DEBUG|INFO|WARN|ERROR|FATAL|ANY) -- ")]
    private static partial Regex RubyPattern();

    [GeneratedRegex(@"(?<=^|\s)(level|lvl|severity)=""?(?<level>[A-Za-z]+)""?(?=\s|$)")]
    private static partial Regex KeyValuePattern();

    [GeneratedRegex(
        @"(?<![\w.-])\[?(?<level>TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|SEVERE|FATAL|CRITICAL|CRIT|ALERT|EMERG)\]?(?![\w-])|\[(?<level>(?i:trace|debug|info|notice|warn|warning|error|fatal|crit|critical|alert|emerg))\]|^(?<level>error|fatal|warning|warn|info|debug):"
    )]
    private static partial Regex WordPattern();
}
