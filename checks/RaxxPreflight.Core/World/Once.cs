namespace RaxxPreflight.World;

/// <summary>
/// A read made at most once per run: every caller shares its one outcome, success or failure, and hears the retries
/// it took (<see cref="Http.RetryLog"/>), whoever started it.
/// </summary>
/// <typeparam name="T">What the read yields.</typeparam>
public sealed class Once<T>
{
    private readonly Lazy<Task<(T Value, IReadOnlyList<string> Retries)>> read;

    /// <summary>Wraps <paramref name="read"/>, which runs on first demand.</summary>
    public Once(Func<Task<T>> read) => this.read = new(() => Http.RetryLog.Shared(read), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The read's outcome (its one read, started on the first demand).</summary>
    public Task<T> Value => Http.RetryLog.Retell(read.Value);

    /// <summary>Awaits the read.</summary>
    public System.Runtime.CompilerServices.TaskAwaiter<T> GetAwaiter() => Value.GetAwaiter();
}
