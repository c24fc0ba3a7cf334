using System.Collections.Concurrent;
using RaxxPreflight.Heroku;

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

    /// <summary><c>GET /apps/{app}</c> (by name or id), once: what a service's discovery and its world both read.</summary>
    public Once<HerokuApp> App(HerokuClient heroku, string app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heroku);
        return Get($"heroku:apps/{app}", () => heroku.GetAppAsync(app, cancellationToken));
    }

    /// <summary>An app already read (from the account's list): the one read of it by <paramref name="app"/>'s name.</summary>
    public void Know(HerokuApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Get($"heroku:apps/{app.Name}", () => Task.FromResult(app));
    }

    /// <summary><c>GET /apps/{app}/config-vars</c>, once: staging's give a service its rules, and its world reads them.</summary>
    public Once<ConfigVars> ConfigVars(HerokuClient heroku, string app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heroku);
        return Get($"heroku:apps/{app}/config-vars", () => heroku.GetConfigVarsAsync(app, cancellationToken));
    }
}
