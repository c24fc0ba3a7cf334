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
        var service =
            Trait(test, Phases.ServiceTrait)
            ?? session.Fleet?.Description.Services switch
            {
                [var only] => only.Name,
                _ => null,
            };
        var recorder = new ItemRecorder(
            service,
            checkId,
            Trait(test, Phases.Trait) ?? "(no phase)",
            RaxxPreflight.Declarations.ChecklistCatalog.Current.Find(checkId)?.Title ?? test.TestDisplayName,
            session.Events,
            session.Scrub,
            session.Waivers,
            session.Today
        );
        ItemRecorder.Enter(recorder);
        recorder.Retries = Http.RetryLog.Listen();
        session.Events.Publish(new RunEvent(RunEvent.Started, checkId, Service: service));
        try
        {
            PreflightSession.Enter(await session.ServiceWorldAsync(service));
            await body();
        }
        catch (NotApplicableException)
        {
            // Recorded as not applicable, with why: nothing was wrong, nothing to fail.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Text from elsewhere (an API's error body, a driver's message) may echo a secret: know every config
            // var value before scrubbing, and let nothing unscrubbed reach xunit's output, XML or TRX.
            await KnowTheSecretsAsync(session);
            recorder.Publish(recorder.Finish(e, session.Scrub));
            throw e is VerdictFailure ? new VerdictFailure(session.Scrub(e.Message)) : new NotCheckedException(session.Scrub(e.Message));
        }

        recorder.Publish(recorder.Finish(null, session.Scrub));
    }

    private static async Task KnowTheSecretsAsync(PreflightSession session)
    {
        try
        {
            await session.World.ConfigVarsAsync();
        }
        catch (PreflightSetupException)
        {
            // The service has no world: nothing of it was read.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The vars could not be read: then no value of theirs can be in any text either.
        }
    }

    private static string? Trait(Xunit.Sdk.ITest test, string name) =>
        test.Traits.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;
}
