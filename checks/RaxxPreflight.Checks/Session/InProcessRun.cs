using RaxxPreflight.Declarations;
using Xunit.Runner.Common;
using Xunit.Sdk;
using Xunit.v3;

namespace RaxxPreflight.Checks.Session;

/// <summary>
/// The operator's run (<c>RaxxPreflight.Checks run ...</c>): the facts a <see cref="ChecklistRequest"/> selects, run in
/// this process by xunit's in-process front controller. The request reaches xunit as objects (a filter over each test
/// case's traits; the session's <see cref="SessionStart"/>), and what ran comes back as xunit's messages: no argument
/// is written to be parsed back, no setting is put in the process's variables, no console is taken over, no file is
/// read back.
/// </summary>
internal static class InProcessRun
{
    /// <summary>Runs what <paramref name="request"/> selects; xunit's exit code: 0 when every test it ran passed.</summary>
    public static async Task<int> RunAsync(ChecklistRequest request, ChecklistListener listener, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listener);
        var start = SessionStart.Begin(
            request.Target,
            listener.Event,
            [.. request.Selection.ExpectedIds.Select(id => ChecklistCatalog.Current.Find(id)!)],
            cancellationToken
        );
        try
        {
            var assembly = typeof(InProcessRun).Assembly;
            var configuration = new TestAssemblyConfiguration();
            var warnings = new List<string>();
            ConfigReader_Json.Load(configuration, assembly.Location, null, warnings);
            foreach (var warning in warnings)
            {
                listener.Output(warning);
            }

            var trx = request.TrxPath is { } path ? new TrxResultWriterMessageHandler(Path.GetFullPath(path)) : null;
            var sink = new Sink(listener, trx);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // xunit's diagnostics go nowhere (as under -noAutoReporters); errors come as messages to the sink below.
            TestContext.SetForInitialization(null, diagnosticMessages: false, internalDiagnosticMessages: false);
            var controller = new InProcessFrontController(RegisteredEngineConfig.GetTestFramework(assembly, null), assembly, null);
            await controller
                .FindAndRun(
                    sink,
                    TestFrameworkOptions.ForDiscovery(configuration),
                    TestFrameworkOptions.ForExecution(configuration),
                    testCase => request.Selection.Selects(testCase.Traits),
                    stop
                )
                .ConfigureAwait(false);
            // Stopped, the items' reads and waits stop too (the session's token): xunit ends the tests it ran and
            // disposes the session (its fakes' containers removed) before the assembly finishes.
            await sink.Finished.ConfigureAwait(false);
            if (trx is not null)
            {
                await trx.DisposeAsync().ConfigureAwait(false);
            }

            return sink.Failed > 0 ? 1 : 0;
        }
        finally
        {
            await start.StopUnadoptedAsync().ConfigureAwait(false);
        }
    }

    /// <summary>xunit's messages, told to the listener as what ran; a TRX writer sees them all too.</summary>
    private sealed class Sink(ChecklistListener listener, IMessageSink? trx) : IMessageSink
    {
        private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> results = new(StringComparer.Ordinal);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ITestStarting> starting = new(StringComparer.Ordinal);
        private int failed;

        public Task Finished => finished.Task;

        public int Failed => Volatile.Read(ref failed);

        public bool OnMessage(IMessageSinkMessage message)
        {
            trx?.OnMessage(message);
            switch (message)
            {
                case ITestPassed passed:
                    results[passed.TestUniqueID] = "Pass";
                    break;
                case ITestFailed failure:
                    results[failure.TestUniqueID] = "Fail";
                    Interlocked.Increment(ref failed);
                    break;
                case ITestSkipped skipped:
                    // The checklist fails skips (xunit.runner.json's failSkips): an item never passes by being skipped.
                    results[skipped.TestUniqueID] = "Skip";
                    Interlocked.Increment(ref failed);
                    break;
                case ITestNotRun notRun:
                    results[notRun.TestUniqueID] = "NotRun";
                    break;
                case ITestFinished test when Starting(test.TestUniqueID) is { } started:
                    listener.Ran(
                        new TestRan(
                            Trait(started, Phases.CheckTrait) ?? started.TestDisplayName,
                            Trait(started, Phases.Trait),
                            started.TestDisplayName,
                            results.GetValueOrDefault(test.TestUniqueID, "no result")
                        )
                        {
                            Service = Trait(started, Phases.ServiceTrait),
                        }
                    );
                    break;
                case ITestStarting test:
                    starting[test.TestUniqueID] = test;
                    break;
                case IErrorMessage or ITestAssemblyCleanupFailure or ITestCollectionCleanupFailure or ITestClassCleanupFailure:
                    var error = (IErrorMetadata)message;
                    Interlocked.Increment(ref failed);
                    listener.Output(
                        RaxxPreflight.Secrets.SecretPatterns.Mask(
                            $"{string.Join(" ", error.ExceptionTypes)}: {string.Join(" ", error.Messages)}"
                        )
                    );
                    break;
                case ITestAssemblyFinished:
                    finished.TrySetResult();
                    break;

                // Nothing selected to run: no assembly will start, so none will finish (the runner then says that every
                // item it expected left no result, which fails the run).
                case IDiscoveryComplete { TestCasesToRun: 0 }:
                    finished.TrySetResult();
                    break;
            }

            return true;
        }

        private ITestStarting? Starting(string id) => starting.TryRemove(id, out var test) ? test : null;

        private static string? Trait(ITestStarting test, string name) =>
            test.Traits.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;
    }
}
