using System.Buffers;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// The articles a query matches, by rowid in ascending order, in an array borrowed from the shared pool until
/// disposed: a broad search matches every article, and a fresh list of them (400 KB at 100,000 articles) was a
/// large-object-heap allocation per search.
/// </summary>
internal sealed class MatchSet : IDisposable
{
    private int[]? _docs;

    public MatchSet(int capacity = 0) => _docs = capacity == 0 ? [] : ArrayPool<int>.Shared.Rent(capacity);

    public int Count { get; private set; }

    public ReadOnlySpan<int> Docs => Array().AsSpan(0, Count);

    /// <summary>Every live article.</summary>
    public static MatchSet All(FacetIndex index) => AllExcept(index, []);

    /// <summary>Every live article but the <paramref name="excluded"/> ones (ascending).</summary>
    public static MatchSet AllExcept(FacetIndex index, ReadOnlySpan<int> excluded)
    {
        var set = new MatchSet(index.Count);
        var docs = set._docs!;
        var next = 0;
        for (var doc = 0; doc < index.Capacity; doc++)
        {
            while (next < excluded.Length && excluded[next] < doc) next++;
            if (index.Ids[doc] is not null && (next == excluded.Length || excluded[next] != doc)) docs[set.Count++] = doc;
        }
        return set;
    }

    /// <summary>Room for <paramref name="count"/> more rowids at the end, which count as added.</summary>
    public Span<int> Extend(int count)
    {
        var docs = Array();
        if (Count + count > docs.Length)
        {
            var larger = ArrayPool<int>.Shared.Rent(Count + count);
            docs.AsSpan(0, Count).CopyTo(larger);
            Give(docs);
            _docs = docs = larger;
        }
        Count += count;
        return docs.AsSpan(Count - count, count);
    }

    /// <summary>Adds rowids at the end; the caller keeps the order ascending.</summary>
    public void Append(ReadOnlySpan<int> docs) => docs.CopyTo(Extend(docs.Length));

    public void Dispose()
    {
        if (_docs is not null) Give(_docs);
        _docs = null;
    }

    private int[] Array() => _docs ?? throw new ObjectDisposedException(nameof(MatchSet));

    private static void Give(int[] docs)
    {
        if (docs.Length > 0) ArrayPool<int>.Shared.Return(docs);
    }
}
