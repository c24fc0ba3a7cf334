namespace RaxxPreflight.Http;

/// <summary>
/// The retries that ended well, told to whoever is listening in the current flow (a checklist item), so that an
/// item that passed after a retry says so. A read shared by several items (<see cref="Shared{T}"/>) hears its own
/// retries and tells each item that awaits it, whichever flow started it (another item, or the read-ahead).
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

    /// <summary>Runs <paramref name="read"/> in a flow of its own that keeps what it hears, for <see cref="Retell{T}"/>.</summary>
    public static Task<(T Value, IReadOnlyList<string> Retries)> Shared<T>(Func<Task<T>> read) =>
        Task.Run(async () =>
        {
            var heard = Listen();
            var value = await read().ConfigureAwait(false);
            lock (heard)
            {
                return (value, (IReadOnlyList<string>)[.. heard]);
            }
        });

    /// <summary>The shared read's value, once it has one; its retries are told to the current flow's listener.</summary>
    public static async Task<T> Retell<T>(Task<(T Value, IReadOnlyList<string> Retries)> shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        var (value, retries) = await shared.ConfigureAwait(false);
        foreach (var retry in retries)
        {
            Record(retry);
        }

        return value;
    }
}
