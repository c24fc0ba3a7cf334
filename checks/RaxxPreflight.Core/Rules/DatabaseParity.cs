using RaxxPreflight.Database;

namespace RaxxPreflight.Rules;

/// <summary>What prod's database must have of staging's: its major version, its extensions; and what its schema lacks.</summary>
public static class DatabaseParity
{
    /// <summary>The version problem, or null when the majors match.</summary>
    public static string? Version(DatabaseReading staging, DatabaseReading prod)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(prod);
        return staging.MajorVersion == prod.MajorVersion
            ? null
            : $"prod runs PostgreSQL {prod.MajorVersion} ({prod.ServerVersion}), staging {staging.MajorVersion} ({staging.ServerVersion})";
    }

    /// <summary>The extensions staging has and prod lacks, less those allowed to be missing, sorted.</summary>
    public static IReadOnlyList<string> MissingExtensions(DatabaseReading staging, DatabaseReading prod, IEnumerable<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(prod);
        return
        [
            .. staging
                .Extensions.Except(prod.Extensions, StringComparer.Ordinal)
                .Except(allowed, StringComparer.Ordinal)
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>The tables staging has and prod lacks, then the columns prod lacks of the tables both have.</summary>
    public static (IReadOnlyList<string> Tables, IReadOnlyList<string> Columns) MissingSchema(DatabaseReading staging, DatabaseReading prod)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(prod);
        var tables = staging.Tables.Except(prod.Tables, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var columns = staging
            .Columns.Except(prod.Columns, StringComparer.Ordinal)
            .Where(c => !tables.Contains(c[..c.LastIndexOf('.')], StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return (tables, columns);
    }

    /// <summary>What prod's schema lacks of staging's, a line each: <c>table public.x</c>, then <c>column public.y.z</c>.</summary>
    public static IReadOnlyList<string> MissingLines(IReadOnlyList<string> tables, IReadOnlyList<string> columns) =>
        [.. tables.Select(t => $"table {t}"), .. columns.Select(c => $"column {c}")];

    /// <summary>
    /// Post-deploy: prod's schema holds all of staging's, or the release did not migrate it, named in one line by its
    /// tables (or, where every table is there, its columns), with how to find out and run the migrations on
    /// <paramref name="prodApp"/>.
    /// </summary>
    public static Ruling Migrated(DatabaseReading staging, DatabaseReading prod, string prodApp)
    {
        var (tables, columns) = MissingSchema(staging, prod);
        if (tables.Count + columns.Count == 0)
        {
            return Ruling.Holds();
        }

        var lacks =
            tables.Count > 0
                ? $"{Names(tables)}{(columns.Count > 0 ? $" (and {columns.Count} column{(columns.Count == 1 ? string.Empty : "s")} of tables both have)" : string.Empty)}"
                : Names(columns);
        return Ruling.Fails(
            $"prod lacks {lacks} that staging has: the release phase did not run or migrated nothing",
            MissingLines(tables, columns),
            [FixCommands.MigrationsRan(prodApp), FixCommands.RunMigrations(prodApp)]
        );
    }

    // "public." is every Heroku app's schema: the names read as the migrations wrote them.
    private static string Names(IReadOnlyList<string> names) =>
        string.Join(", ", names.Select(n => n.StartsWith("public.", StringComparison.Ordinal) ? n["public.".Length..] : n));
}
