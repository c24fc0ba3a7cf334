using RaxxPreflight.Declarations;

namespace RaxxPreflight.World;

/// <summary>
/// The reads each item makes first, started by the session as soon as the run is set up, before the test framework
/// has found and started the items: the network's waits then overlap the process's start instead of following it.
/// Each is one of the world's shared reads, so an item that asks for it later gets the same task: nothing is read
/// twice, and nothing is read that a selected item would not read (<c>ReadAheadTests</c> holds every item to the
/// same requests with and without it). Reads that depend on what another read says (the gate's environments, named
/// in the workflow) and reads that a wait repeats (prod's releases, dynos and health after a deploy) are left to the
/// items: a look taken ahead would be a look the wait did not take.
/// </summary>
public static class ReadAhead
{
    /// <summary>
    /// Starts the first reads (their declared <see cref="ChecklistItem.FirstReads"/>) of <paramref name="items"/> on <paramref name="world"/> and returns at once. A read that
    /// fails fails the items that await it, with their own words; here its failure is only observed.
    /// </summary>
    public static void Start(DeployWorld world, IEnumerable<ChecklistItem> items, FirstRead? except = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(items);
        foreach (var read in items.SelectMany(i => i.FirstReads).Distinct().Where(r => r != except))
        {
            _ = read.Start(world).ContinueWith(t => t.Exception, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Starts the first reads of <paramref name="items"/> for <paramref name="service"/>, each as soon as what it needs is
    /// found (<see cref="Fleet.ReadAheadAsync"/>); returns at once. What fails is left for the items to tell.
    /// </summary>
    public static void Start(Fleet fleet, string service, IEnumerable<ChecklistItem> items)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        _ = fleet.ReadAheadAsync(service, [.. items]);
    }

    /// <summary>
    /// The items the test framework's arguments select, when they select by phase or item only: the runner's
    /// <c>-trait Phase=...</c> / <c>-trait Check=...</c> (xunit ORs them), Microsoft.Testing.Platform's
    /// <c>--filter-trait</c>, or a <c>--filter</c> of such terms joined by <c>|</c>. Empty for any other selection
    /// (another filter, an exclusion, a listing): then nothing is read ahead and every item reads as it runs.
    /// </summary>
    public static IReadOnlyList<ChecklistItem> SelectedBy(IReadOnlyList<string> arguments, ChecklistCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(arguments);
        var terms = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument is "-trait" or "--filter-trait" or "--filter")
            {
                if (i + 1 >= arguments.Count)
                {
                    return [];
                }

                var value = arguments[++i];
                terms.AddRange(argument == "--filter" ? value.Split('|', StringSplitOptions.TrimEntries) : [value]);
            }
            else if (IsOtherSelection(argument))
            {
                return [];
            }
        }

        var selected = new List<ChecklistItem>();
        foreach (var term in terms)
        {
            var equals = term.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals > 0 ? (term[..equals], term[(equals + 1)..]) : (term, string.Empty);
            var matched = name switch
            {
                Phases.Trait => catalog.Items.Where(i => i.PhaseName == value).ToList(),
                Phases.CheckTrait => catalog.Items.Where(i => i.Id == value).ToList(),
                _ => null,
            };
            if (matched is null)
            {
                return [];
            }

            selected.AddRange(matched);
        }

        return [.. selected.Distinct()];
    }

    // xunit's other filters and listings (-class, -method, -namespace, -trait-, -filter, -list, --filter-class,
    // --filter-not-trait, --treenode-filter, --list-tests, ...): a selection this reader does not model.
    private static bool IsOtherSelection(string argument) =>
        argument.StartsWith("-class", StringComparison.Ordinal)
        || argument.StartsWith("-method", StringComparison.Ordinal)
        || argument.StartsWith("-namespace", StringComparison.Ordinal)
        || argument.StartsWith("-trait-", StringComparison.Ordinal)
        || argument is "-filter" or "-list" or "-explicit"
        || argument.StartsWith("--filter-", StringComparison.Ordinal)
        || argument is "--treenode-filter" or "--list-tests" or "--filter-query";
}
