namespace NewsSearch.SearchStore.Sqlite;

/// <summary>The first N items in an order without sorting everything: a bounded heap, O(n log N).</summary>
internal sealed class TopN<T>
{
    private readonly int _n;
    private readonly IComparer<T> _order;
    private readonly PriorityQueue<T, T> _heap;

    public TopN(int n, IComparer<T> order)
    {
        _n = n;
        _order = order;
        // The heap keeps the worst kept item on top, so a better newcomer replaces it.
        _heap = new PriorityQueue<T, T>(Comparer<T>.Create((a, b) => order.Compare(b, a)));
    }

    public void Offer(T item)
    {
        if (_n <= 0) return;
        if (_heap.Count < _n) _heap.Enqueue(item, item);
        else if (_order.Compare(item, _heap.Peek()) < 0) _heap.EnqueueDequeue(item, item);
    }

    /// <summary>The kept items, best first; the collector is empty afterwards.</summary>
    public List<T> Take()
    {
        var result = new List<T>(_heap.Count);
        while (_heap.Count > 0) result.Add(_heap.Dequeue());
        result.Reverse();
        return result;
    }
}

internal static class TopN
{
    public static List<T> Select<T>(IEnumerable<T> items, int n, IComparer<T> order)
    {
        var top = new TopN<T>(n, order);
        foreach (var item in items) top.Offer(item);
        return top.Take();
    }
}
