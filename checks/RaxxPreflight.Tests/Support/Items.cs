using System.Reflection;
using System.Runtime.CompilerServices;
using RaxxPreflight.Declarations;

namespace RaxxPreflight.Tests.Support;

/// <summary>
/// The checklist's items as the built checklist assembly's facts declare them: the tests hold every derived table and
/// file to this, the one declaration. Read from the assembly's metadata, before any test runs.
/// </summary>
internal static class Items
{
    /// <summary>The catalog (this process's checklist, as in the checklist app's).</summary>
    public static ChecklistCatalog Catalog => ChecklistCatalog.Current;

    /// <summary>Every item's id, in the checklist's order.</summary>
    public static IReadOnlyList<string> Ids => [.. Catalog.Items.Select(i => i.Id)];

    /// <summary>The ids of <paramref name="phase"/>'s items, in order.</summary>
    public static IReadOnlyList<string> Of(string phase) => [.. Catalog.Items.Where(i => i.PhaseName == phase).Select(i => i.Id)];

    /// <summary>The ids of the items that read a database.</summary>
    public static IReadOnlyList<string> ReadingDatabases => [.. Catalog.Items.Where(i => i.ReadsDatabase).Select(i => i.Id)];

    [ModuleInitializer]
    internal static void Load() => ChecklistCatalog.Use(Assembly.LoadFrom(Repo.ChecksAssembly));
}
