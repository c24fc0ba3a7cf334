using System.Diagnostics;
using System.Xml.Linq;

namespace RaxxPreflight.Reporting;

/// <summary>
/// Runs the checklist's facts for some phases or items, through a <see cref="ChecklistHost"/>, and gathers each
/// item's result as data from the events the items publish, as they happen. xunit's own XML report is read only for
/// which tests ran, so that an item that left no result still shows, as not checked. <c>run-preflight.sh</c> runs the
/// facts in the checklist app's own process (<c>RaxxPreflight.Checks run pre-deploy ...</c>, one .NET start); the
/// self-tests run them in a child process each (<see cref="ChildProcess"/>), so that no run's settings reach another.
/// </summary>
internal static class ChecklistRun
{
    /// <summary>Runs the facts of <paramref name="selection"/> through <paramref name="host"/>.</summary>
    /// <param name="host">Where the facts run: this process or a child.</param>
    /// <param name="selection">The phases, or the items, to run.</param>
    /// <param name="environment">Extra settings (a null value removes one).</param>
    /// <param name="onEvent">Told of each event (an item started, looked, finished) the moment it arrives.</param>
    /// <param name="trxPath">Where to write a TRX report too, if anywhere.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<ChecklistOutcome> RunAsync(
        ChecklistHost host,
        Selection selection,
        IReadOnlyDictionary<string, string?> environment,
        Action<RunEvent>? onEvent,
        string? trxPath,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(environment);

        var startedAt = DateTimeOffset.UtcNow;
        var report = Path.Combine(Path.GetTempPath(), $"raxx-preflight-{Guid.NewGuid():N}.xml");
        var arguments = new List<string>();

        // xunit ORs repeated -trait filters: either the phases or the items, never both.
        foreach (var (name, value) in selection.Traits)
        {
            arguments.Add("-trait");
            arguments.Add($"{name}={value}");
        }

        arguments.AddRange(["-result-xml", report, "-noLogo", "-noColor", "-noAutoReporters"]);
        if (trxPath is not null)
        {
            arguments.Add("-result-trx");
            arguments.Add(Path.GetFullPath(trxPath));
        }

        var output = new List<string>();
        var results = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        var gate = new Lock();
        var listener = new ChecklistListener(
            runEvent =>
            {
                lock (gate)
                {
                    if (runEvent is { Kind: RunEvent.Finished, Result: { } result })
                    {
                        results[result.CheckId] = result;
                    }

                    onEvent?.Invoke(runEvent);
                }
            },
            line =>
            {
                lock (gate)
                {
                    output.Add(line);
                }
            }
        );

        try
        {
            int exitCode;
            string? broke = null;
            try
            {
                exitCode = await host(arguments, environment, listener, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The facts' run broke (in this process, xunit's runner threw): what it left stands, the rest is not
                // checked below, and the run goes on to its verdict and reports.
                // The runner holds none of the run's secrets to mask by value: anything secret-shaped is masked.
                broke = RaxxPreflight.Secrets.SecretPatterns.Mask($"{e.GetType().FullName}: {e.Message}");
                exitCode = -1;
            }

            var xml = File.Exists(report) ? await File.ReadAllTextAsync(report, cancellationToken).ConfigureAwait(false) : string.Empty;
            lock (gate)
            {
                var all = Merge(results, xml, selection.ExpectedIds, exitCode);

                // An item that left no result of its own was never told of: tell of it now, as not checked.
                foreach (var missing in all.Where(r => !results.ContainsKey(r.CheckId)))
                {
                    onEvent?.Invoke(new RunEvent(RunEvent.Finished, missing.CheckId, missing));
                }

                return new ChecklistOutcome(exitCode, all, string.Join('\n', output), xml, startedAt, DateTimeOffset.UtcNow, broke);
            }
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>
    /// A host that runs the facts in a child process (<c>dotnet <paramref name="checksAssembly"/></c> with xunit's
    /// arguments and the events on its standard error): a clean process per run, as the self-tests need.
    /// </summary>
    public static ChecklistHost ChildProcess(string checksAssembly) =>
        async (arguments, environment, listener, cancellationToken) =>
        {
            if (!File.Exists(checksAssembly))
            {
                throw new FileNotFoundException(
                    $"the checklist assembly {checksAssembly} does not exist: build the solution first (dotnet build)",
                    checksAssembly
                );
            }

            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(checksAssembly);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
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

            start.Environment[Settings.Events] = "stderr";

            void Receive(string? line)
            {
                if (line is not null)
                {
                    listener.Line(line);
                }
            }

            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Receive(e.Data);
            process.ErrorDataReceived += (_, e) => Receive(e.Data);
#pragma warning disable RXP0003 // Starts the checklist's own test app (the facts), which the same rules hold; it runs nothing else.
            process.Start();
#pragma warning restore RXP0003
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

            return process.ExitCode;
        };

    /// <summary>
    /// Every item that ran: its own result, or, for a test xunit ran that left none (a fact that does not go
    /// through Item.RunAsync, a crash), a not-checked result naming what xunit saw; and every item of
    /// <paramref name="expected"/> (the selection's) that left neither, as not checked: a run that ended early (a
    /// crash, a process killed) never passes on the items it did not reach. In the checklist's order.
    /// </summary>
    internal static IReadOnlyList<CheckResult> Merge(
        IReadOnlyDictionary<string, CheckResult> results,
        string xml,
        IEnumerable<string>? expected = null,
        int exitCode = 0
    )
    {
        var all = new Dictionary<string, CheckResult>(results, StringComparer.Ordinal);
        if (xml.Length > 0)
        {
            foreach (var test in XDocument.Parse(xml).Descendants("test"))
            {
                var traits = test.Element("traits")
                    ?.Elements("trait")
                    .ToLookup(t => (string?)t.Attribute("name") ?? string.Empty, t => (string?)t.Attribute("value") ?? string.Empty);
                var id = traits?[Phases.CheckTrait].FirstOrDefault() ?? (string?)test.Attribute("name") ?? "(unnamed test)";
                if (!all.ContainsKey(id))
                {
                    all[id] = CheckResult.Missing(
                        id,
                        traits?[Phases.Trait].FirstOrDefault() ?? "(no phase)",
                        (string?)test.Attribute("name") ?? id,
                        $"the item ended without a result of its own (xunit: {(string?)test.Attribute("result") ?? "no result"}): nothing was checked"
                    );
                }
            }
        }

        foreach (var id in (expected ?? []).Where(id => !all.ContainsKey(id)))
        {
            all[id] = CheckResult.Missing(
                id,
                CheckIds.All.FirstOrDefault(c => c.Id == id).Phase ?? "(no phase)",
                id,
                FormattableString.Invariant(
                    $"the run ended before this item left a result (xunit's exit code: {exitCode}): nothing was checked"
                )
            );
        }

        return [.. all.Values.OrderBy(r => Order(r)).ThenBy(r => r.CheckId, StringComparer.Ordinal)];
    }

    private static int Order(CheckResult result)
    {
        var index = Array.FindIndex(CheckIds.All, c => c.Id == result.CheckId);
        return index >= 0 ? index : CheckIds.All.Length;
    }
}
