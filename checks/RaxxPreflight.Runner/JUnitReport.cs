using System.Globalization;
using System.Xml.Linq;

namespace RaxxPreflight.Reporting;

/// <summary>
/// The run as JUnit XML, which every CI reads: one testcase per item, a failure for an item that failed or could
/// not be checked, and a warning kept visible in the testcase's system-out and as a property.
/// </summary>
internal static class JUnitReport
{
    /// <summary>The JUnit XML document.</summary>
    public static XDocument Build(ChecklistOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var suites = new XElement(
            "testsuites",
            new XAttribute("name", "raxx-preflight"),
            new XAttribute("tests", outcome.Results.Count),
            new XAttribute("failures", outcome.Results.Count(r => r.Failed)),
            new XAttribute("time", Seconds((outcome.FinishedAt - outcome.StartedAt).TotalSeconds))
        );
        // A suite per phase; in a run of several services, a suite per service and phase (raxx-api pre-deploy).
        foreach (var phase in outcome.Results.GroupBy(r => (Service: outcome.SeveralServices ? r.Service : null, r.Phase)))
        {
            var suite = new XElement(
                "testsuite",
                new XAttribute(
                    "name",
                    phase.Key.Service is null ? Phases.Word(phase.Key.Phase) : $"{phase.Key.Service} {Phases.Word(phase.Key.Phase)}"
                ),
                new XAttribute("tests", phase.Count()),
                new XAttribute("failures", phase.Count(r => r.Failed)),
                new XAttribute("errors", 0),
                new XAttribute("skipped", 0),
                new XAttribute("timestamp", outcome.StartedAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
                new XAttribute("time", Seconds(phase.Sum(r => r.Seconds)))
            );
            foreach (var result in phase)
            {
                var testcase = new XElement(
                    "testcase",
                    new XAttribute(
                        "classname",
                        phase.Key.Service is null
                            ? $"raxx-preflight.{Phases.Word(result.Phase)}"
                            : $"raxx-preflight.{phase.Key.Service}.{Phases.Word(result.Phase)}"
                    ),
                    new XAttribute("name", $"{result.CheckId}: {result.Title}"),
                    new XAttribute("time", Seconds(result.Seconds)),
                    new XElement(
                        "properties",
                        new XElement("property", new XAttribute("name", "status"), new XAttribute("value", Status(result.Status)))
                    )
                );
                var body = string.Join("\n", result.Details);
                if (result.Failed)
                {
                    testcase.Add(
                        new XElement(
                            "failure",
                            new XAttribute("message", Message(result)),
                            new XAttribute("type", Status(result.Status)),
                            body
                        )
                    );
                }
                else if (result.Status == CheckStatus.NotApplicable)
                {
                    // Not a pass and not a failure: JUnit's skipped, with why.
                    testcase.Add(new XElement("skipped", new XAttribute("message", $"not applicable: {result.Reason}")));
                }
                else if (result.Reason is not null)
                {
                    testcase.Add(
                        new XElement(
                            "system-out",
                            $"{(result.Status == CheckStatus.Warn ? "WARNING: " : string.Empty)}{result.Reason}\n{body}".TrimEnd()
                        )
                    );
                }

                suite.Add(testcase);
            }

            suites.Add(suite);
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites);
    }

    private static string Message(CheckResult result) =>
        result.Status == CheckStatus.NotChecked ? $"not checked: {result.Reason}" : result.Reason ?? result.Title;

    private static string Status(CheckStatus status) => status.Word();

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
