namespace RaxxPreflight.Settling;

/// <summary>
/// A polled read shared by every item that watches it: at most one read in flight, and a reading no
/// older than <c>maxAge</c> is handed out again instead of read anew. Several items polling the same
/// resource thus read it once per interval, not once each.
/// </summary>
/// <typeparam name="T">What is read.</typeparam>
/// <param name="read">The read.</param>
/// <param name="time">The clock.</param>
/// <param name="maxAge">How old a reading may be to be shared.</param>
public sealed class Refreshing<T>(Func<Task<T>> read, TimeProvider time, TimeSpan maxAge)
{
    private readonly Lock gate = new();
    private Task<(T Value, IReadOnlyList<string> Retries)>? current;
    private long readAt;

    /// <summary>The latest reading, or a new one when it is older than the max age.</summary>
    public Task<T> GetAsync()
    {
        lock (gate)
        {
            var fresh = current is not null && (!current.IsCompleted || time.GetElapsedTime(readAt) < maxAge);
            if (!fresh)
            {
                readAt = time.GetTimestamp();
                current = Http.RetryLog.Shared(read);
            }

            return Http.RetryLog.Retell(current!);
        }
    }
}
