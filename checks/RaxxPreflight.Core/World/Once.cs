namespace RaxxPreflight.World;

/// <summary>A read made at most once per run: every caller shares its one task, success or failure.</summary>
/// <typeparam name="T">What the read yields.</typeparam>
public sealed class Once<T>
{
    private readonly Lazy<Task<T>> value;

    /// <summary>Wraps <paramref name="read"/>, which runs on first demand.</summary>
    public Once(Func<Task<T>> read) => value = new Lazy<Task<T>>(() => Task.Run(read), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The read's one task.</summary>
    public Task<T> Value => value.Value;

    /// <summary>Awaits the read.</summary>
    public System.Runtime.CompilerServices.TaskAwaiter<T> GetAwaiter() => Value.GetAwaiter();
}
