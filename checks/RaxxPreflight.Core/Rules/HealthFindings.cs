using RaxxPreflight.Health;

namespace RaxxPreflight.Rules;

/// <summary>What a service's health answer must hold to beyond being healthy: checks a service adds, and staging's build.</summary>
/// <param name="Service">The service name the body must give (<c>health.service</c>), or null: not checked.</param>
/// <param name="Status">The status word the body must give (<c>health.status</c>), or null: any healthy word.</param>
/// <param name="Version">What staging's answer says it runs, for prod's to equal; null: not compared.</param>
public sealed record HealthExpectations(string? Service = null, string? Status = null, HealthVersion? Version = null);

/// <summary>
/// Judges a health reading (<see cref="HealthFormats.Read"/>): down, no answer, or no health answer at all is a
/// problem; degraded, partial and warn states are warnings naming the parts that are not well.
/// </summary>
public static class HealthFindings
{
    /// <summary>Every way <paramref name="reading"/> falls short; empty when the service is healthy (or only degraded).</summary>
    public static IReadOnlyList<string> Problems(HealthReading reading, HealthExpectations expected)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(expected);
        switch (reading.State)
        {
            case HealthState.NoAnswer:
                return [$"{reading.Url} gave {reading.Problem ?? "no answer"}"];
            case HealthState.NotHealth:
                return [$"{reading.Url} answered {reading.Problem}"];
            case HealthState.Fail:
                var failing =
                    reading.Failing.Count == 0 || reading.Problem?.Contains("failing:", StringComparison.Ordinal) == true
                        ? string.Empty
                        : $"; failing: {string.Join(", ", reading.Failing)}";
                return [$"{reading.Url} {reading.Problem ?? "says the service is down"}{failing}"];
        }

        var problems = new List<string>();
        if (expected.Status is { } status && !string.Equals(reading.ReportedStatus, status, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"status is {Shown(reading.ReportedStatus)}, not \"{status}\" (health.status in the config)");
        }

        if (expected.Service is { } service && !string.Equals(reading.Service, service, StringComparison.Ordinal))
        {
            problems.Add($"service is {Shown(reading.Service)}, not \"{service}\" (health.service in the config)");
        }

        if (expected.Version is { } version && reading.Version is { } own && own.ComparableWith(version) && !own.Matches(version))
        {
            problems.Add($"{own.Field} is \"{own.Value}\", not staging's \"{version.Value}\"");
        }

        return problems;
    }

    /// <summary>What a healthy-enough answer warns of: its degraded, partial or warn state and the parts not well.</summary>
    public static IReadOnlyList<string> Warnings(HealthReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.State != HealthState.Warn)
        {
            return [];
        }

        var said = reading.ReportedStatus is null ? "is up" : $"says \"{reading.ReportedStatus}\"";
        return reading.Failing.Count == 0
            ? [$"{reading.Url} {said} ({reading.Format})"]
            : [$"{reading.Url} {said}: not passing: {string.Join(", ", reading.Failing)}"];
    }

    /// <summary>
    /// Whether prod's version can be held to staging's: both answers give one under the same field (a body that
    /// gives none, or gives another, is not compared); the reason when not, for a line of what was seen.
    /// </summary>
    public static string? NotCompared(HealthVersion? prod, HealthVersion? staging) =>
        staging is null ? "staging's health answer gives no version, release, build or commit: prod's is not compared"
        : prod is null ? "prod's health answer gives no version, release, build or commit: not compared with staging's"
        : !prod.ComparableWith(staging) ? $"prod's answer gives {prod.Field}, staging's {staging.Field}: not compared"
        : null;

    /// <summary>The command lines that fix what <paramref name="reading"/> shows of <paramref name="app"/>, first the one its kind names.</summary>
    public static IReadOnlyList<string> Fixes(HealthReading reading, string app)
    {
        ArgumentNullException.ThrowIfNull(reading);
        string[] dynos = [FixCommands.Ps(app), FixCommands.TailLogs(app)];
        if (reading.Fix is null)
        {
            return dynos;
        }

        var own = reading.Fix.Replace("<app>", app, StringComparison.Ordinal);
        return reading.State == HealthState.NotHealth ? [own] : [own, .. dynos];
    }

    private static string Shown(string? value) => value is null ? "missing" : $"\"{value}\"";
}
