namespace RaxxPreflight.Http;

/// <summary>
/// The retries that ended well, told to whoever is listening in the current flow (a checklist item), so that an
/// item that passed after a retry says so. A read shared by several items (<see cref="Shared{T}"/>) hears its own
/// retries and tells each item that awaits it, whichever flow started it (another item, or the read-ahead).
/// </summary>
public static class RetryLog
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    private static readonly AsyncLocal<GivingUp?> Watched = new();

    /// <summary>
    /// Watches the request about to be sent in the current flow (a client's call, around one request): when the retry
    /// handler gives up on it, what each attempt was answered lands in the returned watch, as data.
    /// </summary>
    public static GivingUp WatchGivingUp()
    {
        var watch = new GivingUp();
        Watched.Value = watch;
        return watch;
    }

    /// <summary>Tells the current flow's watch, if any, of a request given up on.</summary>
    public static void GaveUp(GivenUp givenUp)
    {
        if (Watched.Value is { } watch)
        {
            watch.Last = givenUp;
        }
    }

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

/// <summary>What <see cref="RetryLog.WatchGivingUp"/> saw of one request: the attempts it gave up after, if it did.</summary>
public sealed class GivingUp
{
    private GivenUp? last;

    /// <summary>The attempts of the request given up on; null when it was not.</summary>
    public GivenUp? Last
    {
        get => Volatile.Read(ref last);
        internal set => Volatile.Write(ref last, value);
    }
}
