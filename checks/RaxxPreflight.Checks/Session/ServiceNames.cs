using RaxxPreflight.Configuration;
using RaxxPreflight.Declarations;

namespace RaxxPreflight.Checks.Session;

/// <summary>
/// The services the run's config describes, as xunit's discovery needs them (each item is a test case per service):
/// read from the file <c>PREFLIGHT_CONFIG</c> names (else the default beside the checks), once per file. Empty when
/// the file cannot be read: then each item is one case, and running it says what is wrong with the file.
/// </summary>
internal static class ServiceNames
{
    private static readonly Lock Gate = new();
    private static (string Path, DateTime Written, IReadOnlyList<string> Names)? last;

    /// <summary>The services of this run's config, in its order; empty when it cannot be read.</summary>
    public static IReadOnlyList<string> OfThisRun()
    {
        string path;
        try
        {
            path = PreflightSettings.FromProcess().ConfigFile(AppContext.BaseDirectory);
        }
        catch (PreflightConfigException)
        {
            return [];
        }

        var written = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        lock (Gate)
        {
            if (last is { } known && known.Path == path && known.Written == written)
            {
                return known.Names;
            }
        }

        IReadOnlyList<string> names;
        try
        {
            names = PreflightConfigLoader.LoadDescription(path, ChecklistCatalog.Current).Names;
        }
        catch (PreflightConfigException)
        {
            names = [];
        }

        lock (Gate)
        {
            last = (path, written, names);
        }

        return names;
    }
}
