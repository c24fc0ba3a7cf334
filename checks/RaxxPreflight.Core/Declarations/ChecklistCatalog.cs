using System.Collections.ObjectModel;
using System.Reflection;

namespace RaxxPreflight.Declarations;

/// <summary>
/// Every checklist item, as the facts declare them (<c>[Item(...)]</c> on each fact of the checklist assembly), in the
/// checklist's order: the pre-deploy items, then the post-deploy ones, each in the order <see cref="CheckIds"/> names
/// them (an id it does not name comes after, by id). Read from the assembly's metadata: the same for the runner in the
/// checklist's process and for the tests that hold a file to it.
/// </summary>
public sealed class ChecklistCatalog
{
    /// <summary>The full name of the attribute that declares an item.</summary>
    public const string ItemAttributeName = "RaxxPreflight.Checks.Traits.ItemAttribute";

    private static readonly string[] Named =
    [
        .. typeof(CheckIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!),
    ];

    private static ChecklistCatalog? current;
    private readonly Dictionary<string, ChecklistItem> byId;

    /// <summary>A catalog of <paramref name="items"/>.</summary>
    /// <exception cref="ArgumentException">Two items share an id.</exception>
    public ChecklistCatalog(IEnumerable<ChecklistItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var all = items.ToList();
        var twice = all.GroupBy(i => i.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            throw new ArgumentException($"more than one item declares the id {string.Join(", ", twice)}", nameof(items));
        }

        Items = new ReadOnlyCollection<ChecklistItem>([
            .. all.OrderBy(i => i.Phase).ThenBy(Position).ThenBy(i => i.Id, StringComparer.Ordinal),
        ]);
        byId = all.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// The checklist of this process: the checklist assembly's, once it was named (<see cref="Use"/>: the checklist
    /// app's entry point, the tests' start).
    /// </summary>
    /// <exception cref="InvalidOperationException">No checklist assembly was named.</exception>
    public static ChecklistCatalog Current =>
        Volatile.Read(ref current)
        ?? throw new InvalidOperationException("no checklist assembly was named: call ChecklistCatalog.Use(assembly) first");

    /// <summary>Makes the items of <paramref name="checks"/> (the checklist assembly) this process's checklist.</summary>
    public static ChecklistCatalog Use(Assembly checks)
    {
        var catalog = Of(checks);
        Volatile.Write(ref current, catalog);
        return catalog;
    }

    /// <summary>The ids of the items a waiver may name, sorted.</summary>
    public IReadOnlyList<string> WaivableIds => [.. Items.Where(i => i.Waivable).Select(i => i.Id).Order(StringComparer.Ordinal)];

    /// <summary>Every item, in the checklist's order.</summary>
    public IReadOnlyList<ChecklistItem> Items { get; }

    /// <summary>The item with <paramref name="id"/>, if there is one.</summary>
    public ChecklistItem? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The items of <paramref name="phase"/>, in order.</summary>
    public IEnumerable<ChecklistItem> Of(Phase phase) => Items.Where(i => i.Phase == phase);

    /// <summary>Where <paramref name="id"/> stands in the checklist's order (past the end for an id it does not hold).</summary>
    public int IndexOf(string id)
    {
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].Id == id)
            {
                return i;
            }
        }

        return Items.Count;
    }

    /// <summary>The items the facts of <paramref name="checks"/> (the checklist assembly) declare.</summary>
    public static ChecklistCatalog Of(Assembly checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var items = new List<ChecklistItem>();
        foreach (var type in checks.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                foreach (var attribute in method.GetCustomAttributesData().Where(a => a.AttributeType.FullName == ItemAttributeName))
                {
                    items.Add(Read(attribute));
                }
            }
        }

        return new ChecklistCatalog(items);
    }

    private static int Position(ChecklistItem item) => Array.IndexOf(Named, item.Id) is var i and >= 0 ? i : Named.Length;

    // [Item(id, phase, title, Sources = ..., FirstReads = [...], Waivable = ...)], read as data.
    private static ChecklistItem Read(CustomAttributeData attribute)
    {
        var arguments = attribute.ConstructorArguments;
        var named = attribute.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value, StringComparer.Ordinal);
        T Named<T>(string name, T fallback) => named.TryGetValue(name, out var value) && value is T typed ? typed : fallback;
        var firstReads = Named<IReadOnlyCollection<CustomAttributeTypedArgument>>("FirstReads", [])
            .Select(r => (FirstRead)(int)r.Value!)
            .ToList();
        return new ChecklistItem(
            (string)arguments[0].Value!,
            (Phase)(int)arguments[1].Value!,
            (string)arguments[2].Value!,
            (Source)Named("Sources", 0),
            firstReads,
            Named("Waivable", true)
        );
    }
}
