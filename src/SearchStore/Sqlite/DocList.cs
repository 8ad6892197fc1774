using System.Globalization;
using System.Numerics;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// Parses the comma-separated lists that <c>group_concat</c> builds. A large match set crosses from SQLite as one
/// text rather than row by row: each row read costs several calls into SQLite, every one taking the statement
/// handle's reference count and the connection's mutex, which made reading 100,000 rowids cost more than FTS5
/// took to find them.
/// </summary>
internal static class DocList
{
    /// <summary>The rowids in the aggregate's order; an empty list for NULL (no rows).</summary>
    public static List<int> Parse(object? groupConcat) => Numbers<int>(groupConcat);

    /// <summary>
    /// The rowids in ascending order. A full-text scan yields them ascending, so the aggregate does too; SQLite
    /// does not promise an aggregate's order, so an unsorted list (checked in one pass) is sorted.
    /// </summary>
    public static List<int> ParseAscending(object? groupConcat)
    {
        var docs = Parse(groupConcat);
        for (var i = 1; i < docs.Count; i++)
        {
            if (docs[i - 1] < docs[i]) continue;
            docs.Sort();
            break;
        }
        return docs;
    }

    /// <summary>The integers in the aggregate's order.</summary>
    public static List<long> ParseLongs(object? groupConcat) => Numbers<long>(groupConcat);

    private static List<T> Numbers<T>(object? groupConcat) where T : IBinaryInteger<T>
    {
        var values = new List<T>();
        if (groupConcat is not string text) return values;
        var span = text.AsSpan();
        foreach (var range in span.Split(','))
            values.Add(T.Parse(span[range], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        return values;
    }
}
