namespace RaxxPreflight.Http;

/// <summary>
/// The retries that ended well, told to whoever is listening in the current flow (a checklist item), so that an
/// item that passed after a retry says so.
/// </summary>
public static class RetryLog
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    /// <summary>Listens, for the rest of the current flow; returns what it hears.</summary>
    public static IReadOnlyList<string> Listen()
    {
        var heard = new List<string>();
        Current.Value = heard;
        return heard;
    }

    /// <summary>Tells the listener, if any, of a retry that ended well.</summary>
    public static void Record(string retry)
    {
        if (Current.Value is { } heard)
        {
            lock (heard)
            {
                heard.Add(retry);
            }
        }
    }
}
