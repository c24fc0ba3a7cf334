using System.Collections.Concurrent;

namespace RaxxPreflight.World;

/// <summary>
/// The run's reads by what they read (<c>heroku:apps/raxx-api-prod</c>, <c>github:environments/production</c>): every
/// service's world and the services' discovery take a resource from here, so that a resource two services share (the
/// repository's branch, the production environment, an app the pipeline names) is one request per run.
/// </summary>
public sealed class SharedReads
{
    private readonly ConcurrentDictionary<string, object> reads = new(StringComparer.Ordinal);

    /// <summary>The one read of <paramref name="key"/>, made by <paramref name="read"/> on first demand.</summary>
    public Once<T> Get<T>(string key, Func<Task<T>> read) => (Once<T>)reads.GetOrAdd(key, _ => new Once<T>(read));
}
