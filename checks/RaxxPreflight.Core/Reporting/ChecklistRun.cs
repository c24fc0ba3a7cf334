using System.Diagnostics;
using System.Text;

namespace RaxxPreflight.Reporting;

/// <summary>
/// Runs the checklist assembly (the real facts) in its own process for some phases, and reads its report.
/// The run-preflight script and the self-tests both go through here.
/// </summary>
public static class ChecklistRun
{
    /// <summary>Runs the facts of <paramref name="phases"/> in <paramref name="checksAssembly"/> with extra environment variables (a null value removes one), writing a TRX report too when <paramref name="trxPath"/> is given.</summary>
    public static async Task<ChecklistOutcome> RunAsync(
        string checksAssembly,
        IReadOnlyList<string> phases,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken,
        string? trxPath = null
    )
    {
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentNullException.ThrowIfNull(environment);
        if (!File.Exists(checksAssembly))
        {
            throw new FileNotFoundException(
                $"the checklist assembly {checksAssembly} does not exist: build the solution first (dotnet build)",
                checksAssembly
            );
        }

        var report = Path.Combine(Path.GetTempPath(), $"raxx-preflight-{Guid.NewGuid():N}.xml");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(checksAssembly);
        foreach (var phase in phases)
        {
            start.ArgumentList.Add("-trait");
            start.ArgumentList.Add($"Phase={phase}");
        }

        foreach (var argument in new[] { "-result-xml", report, "-noLogo", "-noColor", "-noAutoReporters" })
        {
            start.ArgumentList.Add(argument);
        }

        if (trxPath is not null)
        {
            start.ArgumentList.Add("-result-trx");
            start.ArgumentList.Add(Path.GetFullPath(trxPath));
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        try
        {
            var results = File.Exists(report) ? ResultReport.Read(report) : [];
            var xml = File.Exists(report) ? await File.ReadAllTextAsync(report, cancellationToken).ConfigureAwait(false) : string.Empty;
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            return new ChecklistOutcome(process.ExitCode, results, text, xml);
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
