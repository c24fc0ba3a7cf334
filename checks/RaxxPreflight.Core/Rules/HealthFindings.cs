using RaxxPreflight.Health;

namespace RaxxPreflight.Rules;

/// <summary>What a health reading must show: 200, JSON <c>status: "ok"</c>, the configured service name.</summary>
public static class HealthFindings
{
    /// <summary>Every way <paramref name="reading"/> falls short; empty when the service is healthy.</summary>
    public static IReadOnlyList<string> Problems(HealthReading reading, string? service, string? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Status is null)
        {
            return [$"{reading.Url} gave {reading.Summary}"];
        }

        if (reading.Status != 200)
        {
            // A router error page says nothing of the service's own fields; the status is the news.
            return
            [
                $"{reading.Url} answered HTTP {reading.Status}, not 200{(reading.ReportedStatus is null ? string.Empty : $" (status \"{reading.ReportedStatus}\")")}",
            ];
        }

        var problems = new List<string>();
        if (reading.Problem is not null)
        {
            problems.Add($"{reading.Url}: {reading.Problem}");
        }
        else
        {
            if (!string.Equals(reading.ReportedStatus, "ok", StringComparison.Ordinal))
            {
                problems.Add($"status is {Shown(reading.ReportedStatus)}, not \"ok\"");
            }

            if (service is not null && !string.Equals(reading.Service, service, StringComparison.Ordinal))
            {
                problems.Add($"service is {Shown(reading.Service)}, not \"{service}\" (health.service in the config)");
            }

            if (expectedVersion is not null && !string.Equals(reading.Version, expectedVersion, StringComparison.Ordinal))
            {
                problems.Add($"version is {Shown(reading.Version)}, not \"{expectedVersion}\"");
            }
        }

        return problems;
    }

    private static string Shown(string? value) => value is null ? "missing" : $"\"{value}\"";
}
