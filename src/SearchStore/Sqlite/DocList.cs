using System.Numerics;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// Parses the comma-separated lists of integers that <c>group_concat</c> builds. A large match set crosses from
/// SQLite as one text rather than row by row: each row read costs several calls into SQLite, every one taking the
/// statement handle's reference count and the connection's mutex, which made reading 100,000 rowids cost more than
/// FTS5 took to find them.
/// </summary>
internal static class DocList
{
    /// <summary>The integers in the aggregate's order; an empty list for NULL (no rows).</summary>
    public static List<int> Parse(object? groupConcat) => groupConcat is string text ? NumberList<int>(text) : [];

    /// <summary>The integers in the aggregate's order.</summary>
    public static List<long> ParseLongs(object? groupConcat) => groupConcat is string text ? NumberList<long>(text) : [];

    /// <summary>
    /// Runs a statement whose one row is a <c>group_concat</c> of rowids and adds them, ascending, to the end of
    /// <paramref name="into"/>, parsed straight from SQLite's memory. A full-text scan yields rowids ascending, so the aggregate does too; SQLite does not
    /// promise an aggregate's order, so an unsorted list (checked in one pass) is sorted. A broad match set is
    /// 100,000 rowids, 600 KB of text, which ADO.NET would first copy into a 1.2 MB string (a large-object-heap
    /// allocation per search, paid for again by the GC).
    /// </summary>
    public static void QueryAscending(SqliteConnection connection, MatchSet into, string sql, params (string Name, object Value)[] parameters)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
        using (statement)
        {
            foreach (var (name, value) in parameters)
            {
                var position = raw.sqlite3_bind_parameter_index(statement, name);
                rc = value switch
                {
                    string text => raw.sqlite3_bind_text(statement, position, text),
                    int number => raw.sqlite3_bind_int64(statement, position, number),
                    long number => raw.sqlite3_bind_int64(statement, position, number),
                    _ => throw new ArgumentException($"Cannot bind a {value.GetType().Name}.", nameof(parameters)),
                };
                if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
            }
            rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc, db);
            var list = raw.sqlite3_column_blob(statement, 0);
            var docs = into.Extend(Count(list));
            Numbers(list, docs);
            Ascending(docs);
        }
    }

    private static void Ascending(Span<int> docs)
    {
        for (var i = 1; i < docs.Length; i++)
        {
            if (docs[i - 1] < docs[i]) continue;
            docs.Sort();
            break;
        }
    }

    private static List<TNumber> NumberList<TNumber>(string text) where TNumber : IBinaryInteger<TNumber>
    {
        var values = new List<TNumber>();
        CollectionsMarshal.SetCount(values, Count<char>(text));
        Numbers<TNumber, char>(text, CollectionsMarshal.AsSpan(values));
        return values;
    }

    /// <summary>How many integers the list holds.</summary>
    private static int Count<TUnit>(ReadOnlySpan<TUnit> text) where TUnit : unmanaged, IBinaryInteger<TUnit> =>
        text.IsEmpty ? 0 : text.Count(TUnit.CreateTruncating(',')) + 1;

    /// <summary>
    /// Digits with an optional leading minus, separated by commas, as UTF-16 or UTF-8 code units, into
    /// <paramref name="values"/>, which holds <see cref="Count{TUnit}"/> of them.
    /// </summary>
    private static void Numbers<TNumber, TUnit>(ReadOnlySpan<TUnit> text, Span<TNumber> values)
        where TNumber : IBinaryInteger<TNumber>
        where TUnit : unmanaged, IBinaryInteger<TUnit>
    {
        var comma = TUnit.CreateTruncating(',');
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            var negative = text[i] == TUnit.CreateTruncating('-');
            if (negative) i++;
            var value = TNumber.Zero;
            var digits = 0;
            for (; i < text.Length && text[i] != comma; i++, digits++)
            {
                var digit = int.CreateTruncating(text[i]) - '0';
                if ((uint)digit > 9) throw new FormatException("Not a list of integers.");
                value = checked(value * TNumber.CreateTruncating(10) + TNumber.CreateTruncating(digit));
            }
            if (digits == 0) throw new FormatException("An empty item in a list of integers.");
            values[count++] = negative ? -value : value;
            i++; // the comma
        }
        if (count != values.Length) throw new FormatException("An empty item in a list of integers.");
    }
}
