using RaxxPreflight.Checks.Session;
using RaxxPreflight.Reporting;

namespace RaxxPreflight.Checks.Results;

/// <summary>
/// Runs one checklist fact's body and hands its result on as data. Every fact's body goes through here: it
/// records the verdict the body reaches (<see cref="Verdict"/>), or, when the body throws anything else (an API
/// error, a setup error), that the item could not be checked, and why.
/// </summary>
internal static class Item
{
    /// <summary>Runs <paramref name="body"/> as the item the current fact is.</summary>
    public static async Task RunAsync(PreflightSession session, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(body);
        var test = TestContext.Current.Test ?? throw new InvalidOperationException("Item.RunAsync runs inside a checklist fact");
        var checkId = Trait(test, Phases.CheckTrait) ?? "(no check id)";
        var recorder = new ItemRecorder(checkId, Trait(test, Phases.Trait) ?? "(no phase)", test.TestDisplayName, session.Events);
        ItemRecorder.Enter(recorder);
        session.Events.Publish(new RunEvent(RunEvent.Started, checkId));
        try
        {
            await body();
        }
        catch (Exception e)
        {
            recorder.Publish(recorder.Finish(e, session.Scrub));
            throw;
        }

        recorder.Publish(recorder.Finish(null, session.Scrub));
    }

    private static string? Trait(Xunit.Sdk.ITest test, string name) =>
        test.Traits.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;
}
