using System.Buffers;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// Counts by a small integer (a story id, a day within the index's span) for one search, in arrays borrowed from a
/// pool, remembering which ids it touched. Story ids run up to the rowid capacity, so a fresh array per search was
/// 800 KB at 100,000 articles: a large-object-heap allocation each time, which drove gen2 collections, and a scan of
/// every slot to find the counted ones. Here a search pays only for the ids it counts. Dispose zeroes what it
/// touched and gives the arrays back.
/// </summary>
internal sealed class SparseCounts : IDisposable
{
    // A pool of its own for the counts, so every array it lends is zeroed: a new one is, and Dispose zeroes a
    // returned one. The list of touched ids needs no zeroing and comes from the shared pool.
    private static readonly ArrayPool<int> Pool = ArrayPool<int>.Create(maxArrayLength: 1 << 24, maxArraysPerBucket: 32);

    private int[]? _counts;
    private int[]? _touched;
    private int _touchedCount;

    /// <summary>Counts for the ids 0 to <paramref name="size"/> − 1.</summary>
    public SparseCounts(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        Size = size;
        _counts = Pool.Rent(size);
        _touched = ArrayPool<int>.Shared.Rent(size);
    }

    public int Size { get; }

    /// <summary>Adds one to an id's count; the id must be below <see cref="Size"/>.</summary>
    public void Increment(int id)
    {
        var counts = _counts ?? throw new ObjectDisposedException(nameof(SparseCounts));
        if ((uint)id >= (uint)Size) throw new ArgumentOutOfRangeException(nameof(id));
        if (counts[id]++ == 0) _touched![_touchedCount++] = id;
    }

    /// <summary>An id's count; 0 for an id outside the range.</summary>
    public int this[int id] => (uint)id < (uint)Size ? (_counts ?? throw new ObjectDisposedException(nameof(SparseCounts)))[id] : 0;

    /// <summary>The ids with a count, in the order they were first counted.</summary>
    public ReadOnlySpan<int> Touched => (_touched ?? throw new ObjectDisposedException(nameof(SparseCounts))).AsSpan(0, _touchedCount);

    public void Dispose()
    {
        if (_counts is null) return;
        foreach (var id in Touched) _counts[id] = 0;
        Pool.Return(_counts);
        ArrayPool<int>.Shared.Return(_touched!);
        _counts = null;
        _touched = null;
    }
}
