using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RaxxPreflight.Analyzers;

/// <summary>
/// RXP0003's view of Npgsql: which of its API's entry points run SQL or change a database whatever the SQL, and
/// whether a statement's text reads. A statement reads when each of its statements begins with SELECT, SHOW,
/// WITH, VALUES, TABLE or EXPLAIN (not ANALYZE) and no word of it (outside literals, quoted names and comments) is
/// one that writes: the DML and DDL verbs, SELECT ... INTO, COPY, locks, and the functions that change a server
/// (nextval, setval, pg_terminate_backend, set_config, lo_*...). The server's read-only session stays the guard at
/// run time; this refuses the write before it is ever built.
/// </summary>
internal static class SqlStatements
{
    // Npgsql's API methods that change a database whatever the text they are given: bulk imports, raw COPY, large
    // objects. (Exports, BeginBinaryExport and BeginTextExport, read.)
    public static readonly ImmutableArray<string> Writes = ImmutableArray.Create(
        "Npgsql.NpgsqlConnection.BeginBinaryImport",
        "Npgsql.NpgsqlConnection.BeginBinaryImportAsync",
        "Npgsql.NpgsqlConnection.BeginTextImport",
        "Npgsql.NpgsqlConnection.BeginTextImportAsync",
        "Npgsql.NpgsqlConnection.BeginRawBinaryCopy",
        "Npgsql.NpgsqlConnection.BeginRawBinaryCopyAsync",
        "Npgsql.NpgsqlLargeObjectManager.Create",
        "Npgsql.NpgsqlLargeObjectManager.CreateAsync",
        "Npgsql.NpgsqlLargeObjectManager.Unlink",
        "Npgsql.NpgsqlLargeObjectManager.UnlinkAsync",
        "Npgsql.NpgsqlLargeObjectManager.ImportRemote",
        "Npgsql.NpgsqlLargeObjectManager.ImportRemoteAsync",
        "Npgsql.NpgsqlLargeObjectManager.OpenReadWrite",
        "Npgsql.NpgsqlLargeObjectManager.OpenReadWriteAsync"
    );

    // Where SQL text enters Npgsql: a command's or a batch command's text (constructor or CommandText), and a data
    // source's CreateCommand/CreateBatch text.
    public static bool TakesSql(IMethodSymbol method, IParameterSymbol? parameter) =>
        parameter is { Type.SpecialType: SpecialType.System_String }
        && method.ContainingType?.ContainingNamespace?.ToDisplayString() == "Npgsql"
        && (
            (
                method.MethodKind == MethodKind.Constructor
                && method.ContainingType.Name is "NpgsqlCommand" or "NpgsqlBatchCommand"
                && parameter.Ordinal == 0
            ) || (method.Name == "CreateCommand" && method.ContainingType.Name is "NpgsqlDataSource" or "NpgsqlMultiHostDataSource")
        );

    public static bool IsCommandText(IPropertySymbol property) =>
        property.Name == "CommandText"
        && property.ContainingType is { Name: "NpgsqlCommand" or "NpgsqlBatchCommand" or "DbCommand" or "DbBatchCommand" or "IDbCommand" };

    private static readonly ImmutableHashSet<string> ReadingStarts = ImmutableHashSet.Create(
        System.StringComparer.OrdinalIgnoreCase,
        "SELECT",
        "SHOW",
        "WITH",
        "VALUES",
        "TABLE",
        "EXPLAIN"
    );

    private static readonly ImmutableHashSet<string> WritingWords = ImmutableHashSet.Create(
        System.StringComparer.OrdinalIgnoreCase,
        "INSERT",
        "UPDATE",
        "DELETE",
        "MERGE",
        "UPSERT",
        "CREATE",
        "ALTER",
        "DROP",
        "TRUNCATE",
        "GRANT",
        "REVOKE",
        "COPY",
        "VACUUM",
        "CLUSTER",
        "REINDEX",
        "COMMENT",
        "LOCK",
        "CALL",
        "DO",
        "REFRESH",
        "IMPORT",
        "SECURITY",
        "INTO",
        "ANALYZE",
        "NOTIFY",
        "PREPARE",
        "EXECUTE",
        "NEXTVAL",
        "SETVAL",
        "SET_CONFIG",
        "PG_TERMINATE_BACKEND",
        "PG_CANCEL_BACKEND",
        "PG_RELOAD_CONF",
        "PG_ROTATE_LOGFILE",
        "PG_SWITCH_WAL",
        "PG_ADVISORY_LOCK",
        "PG_ADVISORY_XACT_LOCK",
        "PG_CREATE_RESTORE_POINT",
        "PG_CREATE_LOGICAL_REPLICATION_SLOT",
        "PG_CREATE_PHYSICAL_REPLICATION_SLOT",
        "PG_DROP_REPLICATION_SLOT",
        "PG_WAL_REPLAY_PAUSE",
        "PG_PROMOTE",
        "LO_IMPORT",
        "LO_UNLINK",
        "LO_CREATE",
        "LO_CREAT",
        "LO_PUT",
        "LO_FROM_BYTEA",
        "DBLINK",
        "DBLINK_EXEC"
    );

    /// <summary>Why <paramref name="sql"/> does not read, or null when every statement of it reads.</summary>
    public static string? Problem(string sql)
    {
        var statements = Words(sql);
        if (statements.Count == 0)
        {
            return "runs an empty statement";
        }

        foreach (var words in statements)
        {
            if (!ReadingStarts.Contains(words[0]))
            {
                return $"runs SQL that begins with {words[0].ToUpperInvariant()}, not a read (SELECT, SHOW, WITH, VALUES, TABLE, EXPLAIN)";
            }

            if (words.FirstOrDefault(w => WritingWords.Contains(w)) is { } writing)
            {
                return $"runs SQL that holds {writing.ToUpperInvariant()}, which writes";
            }
        }

        return null;
    }

    // The words of each statement, outside literals, quoted names, dollar quotes and comments.
    private static List<List<string>> Words(string sql)
    {
        var statements = new List<List<string>>();
        var words = new List<string>();
        var word = new StringBuilder();
        void EndWord()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                word.Append(c);
                continue;
            }

            EndWord();
            if (c == ';')
            {
                if (words.Count > 0)
                {
                    statements.Add(words);
                    words = [];
                }
            }
            else if (c is '\'' or '"')
            {
                var end = sql.IndexOf(c, i + 1);
                i = end < 0 ? sql.Length : end;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end;
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 1;
            }
            else if (c == '$')
            {
                // $tag$ ... $tag$: a dollar-quoted literal (a DO block's body among them).
                var close = sql.IndexOf('$', i + 1);
                if (close > i)
                {
                    var tag = sql.Substring(i, close - i + 1);
                    var end = sql.IndexOf(tag, close + 1, System.StringComparison.Ordinal);
                    i = end < 0 ? sql.Length : end + tag.Length - 1;
                }
            }
        }

        EndWord();
        if (words.Count > 0)
        {
            statements.Add(words);
        }

        return statements;
    }

    /// <summary>The constant texts a value can hold (traced by <paramref name="flow"/>), or null when one of them cannot be told.</summary>
    public static IReadOnlyList<string>? Texts(IOperation value, ValueFlow flow) =>
        Texts(value, flow, 0, new HashSet<ISymbol>(SymbolEqualityComparer.Default));

    private static List<string>? Texts(IOperation? value, ValueFlow flow, int depth, HashSet<ISymbol> seen)
    {
        if (value is null || depth > 16)
        {
            return null;
        }

        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return [text];
        }

        switch (value)
        {
            case IConversionOperation conversion:
                return Texts(conversion.Operand, flow, depth + 1, seen);
            case IParenthesizedOperation parenthesized:
                return Texts(parenthesized.Operand, flow, depth + 1, seen);
            case IConditionalOperation conditional:
                return Both(Texts(conditional.WhenTrue, flow, depth + 1, seen), Texts(conditional.WhenFalse, flow, depth + 1, seen));
            case ICoalesceOperation coalesce:
                return Both(Texts(coalesce.Value, flow, depth + 1, seen), Texts(coalesce.WhenNull, flow, depth + 1, seen));
            case ILocalReferenceOperation local:
                return Symbol(local.Local, flow, depth, seen);
            case IParameterReferenceOperation parameter:
                return Symbol(parameter.Parameter, flow, depth, seen);
            case IFieldReferenceOperation field when field.Field.IsReadOnly || field.Field.IsConst:
                return Symbol(field.Field, flow, depth, seen);
            default:
                return null;
        }
    }

    // Every value put into a symbol; none at all (a public method's parameter called from elsewhere) cannot be told.
    private static List<string>? Symbol(ISymbol symbol, ValueFlow flow, int depth, HashSet<ISymbol> seen)
    {
        if (!seen.Add(symbol.OriginalDefinition))
        {
            return [];
        }

        var values = flow.Into(symbol).ToList();
        if (
            values.Count == 0
            || (
                symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol method }
                && method.DeclaredAccessibility != Accessibility.Private
            )
        )
        {
            return null;
        }

        var all = new List<string>();
        foreach (var v in values)
        {
            if (Texts(v, flow, depth + 1, seen) is not { } texts)
            {
                return null;
            }

            all.AddRange(texts);
        }

        return all;
    }

    private static List<string>? Both(List<string>? a, List<string>? b) => a is null || b is null ? null : [.. a, .. b];
}
