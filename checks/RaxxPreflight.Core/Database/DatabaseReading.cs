namespace RaxxPreflight.Database;

/// <summary>What one read-only session saw of a database.</summary>
/// <param name="Where">host:port/database.</param>
/// <param name="ServerVersion">The server's version (<c>15.8</c>).</param>
/// <param name="MajorVersion">Its major version (<c>15</c>).</param>
/// <param name="Extensions">The installed extensions.</param>
/// <param name="Columns">Every column of every user table, as <c>schema.table.column</c>.</param>
/// <param name="ReadOnly">True when the session reported <c>transaction_read_only = on</c>.</param>
public sealed record DatabaseReading(
    string Where,
    string ServerVersion,
    int MajorVersion,
    IReadOnlySet<string> Extensions,
    IReadOnlySet<string> Columns,
    bool ReadOnly
)
{
    /// <summary>The user tables, as <c>schema.table</c>.</summary>
    public IReadOnlySet<string> Tables => Columns.Select(c => c[..c.LastIndexOf('.')]).ToHashSet(StringComparer.Ordinal);
}
