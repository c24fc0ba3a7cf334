using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using RaxxPreflight.Declarations;

namespace RaxxPreflight.Reporting;

/// <summary>
/// Runs the checklist's facts for a <see cref="ChecklistRequest"/>, through a <see cref="ChecklistHost"/>, and gathers
/// each item's result as data from the events the items publish, as they happen. What xunit ran comes from the host
/// too, so that an item that left no result still shows, as not checked. A run always ends: past its bound, or when
/// stopped, every item that has not finished is reported not checked, with what it was waiting for.
/// <c>run-preflight.sh</c> runs the facts in the checklist app's own process; the self-tests run them in a child
/// process each (<see cref="ChildProcess"/>), so that no run's settings reach another.
/// </summary>
internal static class ChecklistRun
{
    private static ChecklistCatalog Checklist => ChecklistCatalog.Current;

    /// <summary>How long a run cut short (past its bound, or stopped) waits for its host to stop its fakes and end.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    /// <summary>Runs the facts <paramref name="request"/> selects through <paramref name="host"/>.</summary>
    /// <param name="host">Where the facts run: this process or a child.</param>
    /// <param name="request">What to run.</param>
    /// <param name="onEvent">Told of each event (an item started, looked, finished) the moment it arrives.</param>
    /// <param name="bound">The longest the run may take (null: no bound), by <paramref name="time"/>.</param>
    /// <param name="time">The clock the bound goes by.</param>
    /// <param name="cancellationToken">Stops the run: what has not finished is reported not checked, and the run ends.</param>
    public static async Task<ChecklistOutcome> RunAsync(
        ChecklistHost host,
        ChecklistRequest request,
        Action<RunEvent>? onEvent,
        TimeSpan? bound,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);

        var startedAt = time.GetUtcNow();
        var state = new RunState();

        // The listener's lock guards the run's own tables only: nothing is called while it is held, so that a
        // receiver that writes to a console (and the console's own locks) can never wait on it in a circle.
        var listener = new ChecklistListener(
            runEvent =>
            {
                if (state.Take(runEvent))
                {
                    onEvent?.Invoke(runEvent);
                }
            },
            state.Print,
            state.Ran,
            state.Report
        );

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = RunHostAsync(host, request, listener, stop.Token);
        using var timer = new CancellationTokenSource();
        var deadline = bound is { } b ? Task.Delay(b, time, timer.Token) : Task.Delay(Timeout.Infinite, timer.Token);

        // Ends with the run too (the timer's cancelled below): no wait is left registered on the caller's token.
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var stopped = Task.Delay(Timeout.Infinite, watching.Token);
        var first = await Task.WhenAny(running, deadline, stopped).ConfigureAwait(false);
        string? cutShort = null;
        if (first != running)
        {
            cutShort =
                first == deadline
                    ? string.Create(
                        CultureInfo.InvariantCulture,
                        $"did not finish within the run's bound of {bound!.Value.TotalSeconds:0}s"
                    )
                    : "did not finish: the run was stopped";
            // What the items tell from here on is how they were stopped, not what they found: the verdict is taken now.
            state.Freeze();
            await stop.CancelAsync().ConfigureAwait(false);

            // The host is asked to stop (its fakes' containers removed); a host that does not is left behind.
            await Task.WhenAny(running, Task.Delay(StopGrace, time, CancellationToken.None)).ConfigureAwait(false);
        }

        await timer.CancelAsync().ConfigureAwait(false);
        var (exitCode, broke) = running.IsCompletedSuccessfully ? await running.ConfigureAwait(false) : (-1, null);
        var all = state.Merge(request.Selection.Expected(request.Services), request.Services, exitCode, cutShort);

        // An item that left no result of its own was never told of: tell of it now, as not checked.
        foreach (var missing in all.Where(r => !state.HasResult(r.Key)))
        {
            onEvent?.Invoke(new RunEvent(RunEvent.Finished, missing.CheckId, missing, Service: missing.Service));
        }

        return new ChecklistOutcome(exitCode, all, state.Output, state.ReportXml, startedAt, time.GetUtcNow(), broke, cutShort);
    }

    private static async Task<(int ExitCode, string? Broke)> RunHostAsync(
        ChecklistHost host,
        ChecklistRequest request,
        ChecklistListener listener,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return (await host(request, listener, cancellationToken).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (-1, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The facts' run broke (in this process, xunit's runner threw): what it left stands, the rest is not
            // checked, and the run goes on to its verdict and reports. The runner holds none of the run's secrets to
            // mask by value: anything secret-shaped is masked.
            return (-1, RaxxPreflight.Secrets.SecretPatterns.Mask($"{e.GetType().FullName}: {e.Message}"));
        }
    }

    /// <summary>
    /// A host that runs the facts in a child process (<c>dotnet <paramref name="checksAssembly"/></c> with xunit's
    /// arguments, the events on its standard error, and <paramref name="environment"/>'s settings; a null value
    /// removes one): a clean process per run, as the self-tests need. The child's command line is where the request
    /// becomes strings, and xunit's XML report is how the child tells what it ran.
    /// </summary>
    public static ChecklistHost ChildProcess(string checksAssembly, IReadOnlyDictionary<string, string?> environment) =>
        async (request, listener, cancellationToken) =>
        {
            if (!File.Exists(checksAssembly))
            {
                throw new FileNotFoundException(
                    $"the checklist assembly {checksAssembly} does not exist: build the solution first (dotnet build)",
                    checksAssembly
                );
            }

            var report = Path.Combine(Path.GetTempPath(), $"raxx-preflight-{Guid.NewGuid():N}.xml");
            var start = ChildStart(checksAssembly, environment, request, report);

            void Receive(string? line)
            {
                if (line is not null)
                {
                    listener.Line(line);
                }
            }

            try
            {
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

                if (File.Exists(report))
                {
                    var xml = await File.ReadAllTextAsync(report, cancellationToken).ConfigureAwait(false);
                    listener.Report(xml);
                    foreach (var ran in TestsIn(xml))
                    {
                        listener.Ran(ran);
                    }
                }

                return process.ExitCode;
            }
            finally
            {
                File.Delete(report);
            }
        };

    /// <summary>
    /// How <see cref="ChildProcess"/> starts a child run of <paramref name="request"/>: xunit's arguments (its XML
    /// report to <paramref name="report"/>), <paramref name="environment"/>'s settings (a null value removes one), the
    /// events on standard error, and a pipe on standard input that ends the child when this process ends.
    /// </summary>
    public static ProcessStartInfo ChildStart(
        string checksAssembly,
        IReadOnlyDictionary<string, string?> environment,
        ChecklistRequest request,
        string report
    )
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(request);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,

            // The pipe the child watches (PREFLIGHT_PARENT_PIPE): its end closes when this process ends, however.
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(checksAssembly);

        // xunit ORs repeated -trait filters: either the phases or the items, never both.
        foreach (var (name, value) in request.Selection.Traits)
        {
            start.ArgumentList.Add("-trait");
            start.ArgumentList.Add($"{name}={value}");
        }

        foreach (var argument in new[] { "-result-xml", report, "-noLogo", "-noColor", "-noAutoReporters" })
        {
            start.ArgumentList.Add(argument);
        }

        if (request.TrxPath is { } trx)
        {
            start.ArgumentList.Add("-result-trx");
            start.ArgumentList.Add(Path.GetFullPath(trx));
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

        if (request.Target is { } target)
        {
            start.Environment[Settings.Target] = target;
        }

        start.Environment[Settings.Events] = "stderr";
        start.Environment[Settings.ParentPipe] = "stdin";
        return start;
    }

    /// <summary>The tests an xunit XML report says ran.</summary>
    internal static IEnumerable<TestRan> TestsIn(string xml)
    {
        foreach (var test in XDocument.Parse(xml).Descendants("test"))
        {
            var traits = test.Element("traits")
                ?.Elements("trait")
                .ToLookup(t => (string?)t.Attribute("name") ?? string.Empty, t => (string?)t.Attribute("value") ?? string.Empty);
            var name = (string?)test.Attribute("name") ?? "(unnamed test)";
            yield return new TestRan(
                traits?[Phases.CheckTrait].FirstOrDefault() ?? name,
                traits?[Phases.Trait].FirstOrDefault(),
                name,
                (string?)test.Attribute("result") ?? "no result"
            )
            {
                Service = traits?[Phases.ServiceTrait].FirstOrDefault(),
            };
        }
    }

    /// <summary>
    /// Every item that ran: its own result, or, for a test xunit ran that left none (a fact that does not go
    /// through Item.RunAsync, a crash), a not-checked result naming what xunit saw; and every item of
    /// <paramref name="expected"/> (the selection's) that left neither, as not checked: a run that ended early (a
    /// crash, a process killed, a bound passed) never passes on the items it did not reach. In the checklist's order.
    /// </summary>
    internal static IReadOnlyList<CheckResult> Merge(
        IReadOnlyDictionary<string, CheckResult> results,
        IEnumerable<TestRan> ran,
        IEnumerable<(string? Service, string CheckId)>? expected = null,
        IReadOnlyList<string>? services = null,
        int exitCode = 0,
        Func<string, string>? unfinished = null
    )
    {
        var all = new Dictionary<string, CheckResult>(results, StringComparer.Ordinal);
        foreach (var test in ran.Where(t => !all.ContainsKey(t.Key)))
        {
            all[test.Key] = CheckResult.Missing(
                test.CheckId,
                test.Phase ?? "(no phase)",
                test.Name,
                $"the item ended without a result of its own (xunit: {test.Result}): nothing was checked"
            ) with
            {
                Service = test.Service,
            };
        }

        foreach (var (service, id) in expected ?? [])
        {
            // An item expected with no service (the config's services not known) is met by its result for any service;
            // one expected for a service, by a result that names none (the config could not say which there were).
            var key = CheckResult.KeyOf(service, id);
            if (
                all.ContainsKey(key)
                || (service is null && all.Values.Any(r => r.CheckId == id))
                || all.ContainsKey(CheckResult.KeyOf(null, id))
            )
            {
                continue;
            }

            all[key] = CheckResult.Missing(
                id,
                Checklist.Find(id)?.PhaseName ?? "(no phase)",
                Checklist.Find(id)?.Title ?? id,
                unfinished?.Invoke(key)
                    ?? FormattableString.Invariant(
                        $"the run ended before this item left a result (xunit's exit code: {exitCode}): nothing was checked"
                    )
            ) with
            {
                Service = service,
            };
        }

        return Ordered(all.Values, services ?? []);
    }

    /// <summary>Results grouped by service (the config's order, then by name), each service's items in the checklist's order.</summary>
    internal static IReadOnlyList<CheckResult> Ordered(IEnumerable<CheckResult> results, IReadOnlyList<string> services)
    {
        int ServiceOrder(CheckResult r)
        {
            var index = r.Service is null ? -1 : services.ToList().IndexOf(r.Service);
            return index < 0 ? int.MaxValue : index;
        }

        return
        [
            .. results
                .OrderBy(ServiceOrder)
                .ThenBy(r => r.Service ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(r => Checklist.IndexOf(r.CheckId))
                .ThenBy(r => r.CheckId, StringComparer.Ordinal),
        ];
    }

    /// <summary>What a run has told so far, under one lock that is never held while anything else is called.</summary>
    private sealed class RunState
    {
        private readonly Lock gate = new();
        private readonly Dictionary<string, CheckResult> results = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> lastSeen = new(StringComparer.Ordinal);
        private readonly List<TestRan> ran = [];
        private readonly List<string> output = [];
        private string reportXml = string.Empty;

        public string Output
        {
            get
            {
                lock (gate)
                {
                    return string.Join('\n', output);
                }
            }
        }

        public string ReportXml
        {
            get
            {
                lock (gate)
                {
                    return reportXml;
                }
            }
        }

        private bool frozen;

        /// <summary>Takes an event; false once the run was cut short (then it is not told on).</summary>
        public bool Take(RunEvent runEvent)
        {
            lock (gate)
            {
                if (frozen)
                {
                    return false;
                }

                switch (runEvent)
                {
                    case { Kind: RunEvent.Finished, Result: { } result }:
                        results[result.Key] = result;
                        break;
                    case { Kind: RunEvent.Started }:
                        lastSeen[runEvent.Key] = "it had started and left no result yet";
                        break;
                    case { Kind: RunEvent.Waiting, Problem: { } problem }:
                        lastSeen[runEvent.Key] = $"waiting for {problem}";
                        break;
                }

                return true;
            }
        }

        public void Freeze()
        {
            lock (gate)
            {
                frozen = true;
            }
        }

        public void Print(string line)
        {
            lock (gate)
            {
                output.Add(line);
            }
        }

        public void Report(string xml)
        {
            lock (gate)
            {
                reportXml = xml;
            }
        }

        public void Ran(TestRan test)
        {
            lock (gate)
            {
                if (frozen)
                {
                    return;
                }

                ran.Add(test);
            }
        }

        public bool HasResult(string key)
        {
            lock (gate)
            {
                return results.ContainsKey(key);
            }
        }

        public IReadOnlyList<CheckResult> Merge(
            IEnumerable<(string? Service, string CheckId)> expected,
            IReadOnlyList<string> services,
            int exitCode,
            string? cutShort
        )
        {
            lock (gate)
            {
                return ChecklistRun.Merge(
                    results,
                    ran,
                    expected,
                    services,
                    exitCode,
                    cutShort is null
                        ? null
                        : id => $"{cutShort}: {lastSeen.GetValueOrDefault(id, "it had not started")}; nothing was checked"
                );
            }
        }
    }
}
