using System.Globalization;
using System.Runtime.InteropServices;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>The articles a query matches, by rowid in ascending order.</summary>
internal sealed record MatchSet(IReadOnlyList<int> Docs)
{
    public static MatchSet All(FacetIndex index) => new(LiveDocs(index, exclude: null));

    public static MatchSet AllExcept(FacetIndex index, IReadOnlyList<int> excluded) => new(LiveDocs(index, [.. excluded]));

    private static List<int> LiveDocs(FacetIndex index, HashSet<int>? exclude)
    {
        var docs = new List<int>(index.Count);
        for (var doc = 0; doc < index.Capacity; doc++)
            if (index.Ids[doc] is not null && (exclude is null || !exclude.Contains(doc))) docs.Add(doc);
        return docs;
    }
}

/// <summary>
/// Filters a match set and counts its facets in one pass. Each article gets a bit per facet filter it fails;
/// it is a result when it fails none, and it counts for a facet when it fails none of the other facets' filters,
/// which is what makes the counts disjunctive.
/// </summary>
internal sealed class SearchEvaluation
{
    private const int SourceBit = 1, ActorBit = 2, TopicBit = 4, DateBit = 8, StoryBit = 16;
    /// <summary>Up to this many days between the first and last article, the histogram counts days; beyond, months.</summary>
    public const int MaxDaySpan = 62;

    private readonly List<(int Doc, double Score)> _results;

    private SearchEvaluation(List<(int Doc, double Score)> results, SearchFacets facets)
    {
        _results = results;
        Facets = facets;
    }

    public long Total => _results.Count;

    /// <summary>The results' rowids, ascending.</summary>
    public IReadOnlyList<int> ResultDocs => _results.Select(r => r.Doc).ToList();

    /// <summary>Sets each result's score; a result without one ranks after every scored result.</summary>
    public void ApplyScores(IReadOnlyDictionary<int, double> scores)
    {
        for (var i = 0; i < _results.Count; i++)
            _results[i] = (_results[i].Doc, scores.TryGetValue(_results[i].Doc, out var score) ? score : double.NegativeInfinity);
    }
    public SearchFacets Facets { get; }

    public static SearchEvaluation Run(FacetIndex index, MatchSet matches, SearchRequest request)
    {
        var names = index.Names;
        var sources = Selection(request.Sources, names.SourceByName, names.SourceNames.Count);
        var actors = Selection(request.Actors, names.ActorByName, names.ActorNames.Count);
        var topics = Selection(request.Topics, names.TopicByName, names.TopicNames.Count);
        var from = request.From?.DayNumber ?? int.MinValue;
        var to = request.To?.DayNumber ?? int.MaxValue;
        var hasDateFilter = request.From is not null || request.To is not null;
        var stories = StorySelection(request.Stories, index);
        var storyCounts = new long[index.StoryKeys.Length];

        var sourceCounts = new long[names.SourceNames.Count];
        var actorCounts = new long[names.ActorNames.Count];
        var topicCounts = new long[names.TopicNames.Count];
        var dayCounts = new Dictionary<int, long>();
        long undated = 0;
        var results = new List<(int, double)>();

        for (var i = 0; i < matches.Docs.Count; i++)
        {
            var doc = matches.Docs[i];
            if (!index.IsLive(doc)) continue; // the FTS rows and the facet copy are from one snapshot; this guards the impossible
            var day = index.Day[doc];
            var docActors = index.Actors[doc];
            var docTopics = index.Topics[doc];
            var failed = 0;
            if (sources is not null && !sources[index.Source[doc]]) failed |= SourceBit;
            if (actors is not null && !AnySelected(docActors, actors)) failed |= ActorBit;
            if (topics is not null && !AnySelected(docTopics, topics)) failed |= TopicBit;
            if (hasDateFilter && (day == FacetIndex.NoDay || day < from || day > to)) failed |= DateBit;
            var story = doc < index.Story.Length ? index.Story[doc] : 0;
            if (stories is not null && !stories.Contains(story)) failed |= StoryBit;

            if (failed == 0) results.Add((doc, 0));
            if ((failed & ~SourceBit) == 0 && index.Source[doc] < sourceCounts.Length) sourceCounts[index.Source[doc]]++;
            if ((failed & ~ActorBit) == 0) Count(docActors, actorCounts);
            if ((failed & ~TopicBit) == 0) Count(docTopics, topicCounts);
            if ((failed & ~StoryBit) == 0 && story > 0 && story < storyCounts.Length) storyCounts[story]++;
            // One hash lookup per match, not two (a broad search updates this 100,000 times).
            if ((failed & ~DateBit) == 0)
            {
                // An article whose year is unknown gets no bar: it is counted as undated instead.
                if (day == FacetIndex.NoDay) undated++;
                else CollectionsMarshal.GetValueRefOrAddDefault(dayCounts, day, out _)++;
            }
        }

        var (buckets, interval) = Histogram(dayCounts);
        var facets = new SearchFacets(
            Values(sourceCounts, names.SourceNames, null, sources, request.Sources, request.FacetSize),
            Values(actorCounts, names.ActorNames, names.ActorTypes, actors, request.Actors, request.FacetSize),
            Values(topicCounts, names.TopicNames, null, topics, request.Topics, request.FacetSize),
            buckets,
            interval,
            undated)
        {
            Story = StoryValues(storyCounts, index, stories, request.Stories, request.FacetSize),
        };
        return new SearchEvaluation(results, facets);
    }

    /// <summary>The requested page, ordered by the sort with the article id breaking ties so pages never overlap.</summary>
    public IReadOnlyList<(int Doc, double Score)> Page(SearchRequest request, FacetIndex index)
    {
        var skip = (request.Page - 1) * request.Size;
        var needed = skip + request.Size;
        if (skip >= _results.Count) return [];
        var comparer = Comparer(request.Sort, index);
        var top = TopN.Select(_results, needed, comparer);
        return top.Skip(skip).Take(request.Size).ToList();
    }

    private static IComparer<(int Doc, double Score)> Comparer(SortOrder sort, FacetIndex index)
    {
        int ById((int Doc, double Score) a, (int Doc, double Score) b) => string.CompareOrdinal(index.Ids[a.Doc], index.Ids[b.Doc]);
        // Undated articles go last in both date orders.
        int ByDay((int Doc, double Score) a, (int Doc, double Score) b, int direction)
        {
            int da = index.Day[a.Doc], db = index.Day[b.Doc];
            if (da == db) return 0;
            if (da == FacetIndex.NoDay) return 1;
            if (db == FacetIndex.NoDay) return -1;
            return direction * da.CompareTo(db);
        }
        return sort switch
        {
            SortOrder.Newest => Comparer<(int Doc, double Score)>.Create((a, b) => ByDay(a, b, -1) is var c and not 0 ? c : ById(a, b)),
            SortOrder.Oldest => Comparer<(int Doc, double Score)>.Create((a, b) => ByDay(a, b, 1) is var c and not 0 ? c : ById(a, b)),
            // Without a text query every score is 0, so relevance falls back to newest first.
            _ => Comparer<(int Doc, double Score)>.Create((a, b) =>
                b.Score.CompareTo(a.Score) is var c and not 0 ? c : ByDay(a, b, -1) is var d and not 0 ? d : ById(a, b)),
        };
    }

    private static bool[]? Selection(IReadOnlyList<string> values, IReadOnlyDictionary<string, int> byName, int size)
    {
        if (values.Count == 0) return null;
        var selected = new bool[size];
        foreach (var value in values)
            if (byName.TryGetValue(value.Trim(), out var id)) selected[id] = true;
        return selected;
    }

    /// <summary>The story ids a search names; a key no story has selects nothing (null: no story filter).</summary>
    private static HashSet<int>? StorySelection(IReadOnlyList<string> keys, FacetIndex index)
    {
        if (keys.Count == 0) return null;
        var ids = new HashSet<int>();
        foreach (var key in keys)
            if (index.StoryByKey.TryGetValue(key.Trim(), out var id)) ids.Add(id);
        return ids;
    }

    /// <summary>The stories with the most matches, each with its label; selected stories stay visible, as selected values do.</summary>
    private static IReadOnlyList<FacetValue> StoryValues(long[] counts, FacetIndex index, HashSet<int>? selected, IReadOnlyList<string> requested, int size)
    {
        var nonZero = new List<(int Id, long Count)>();
        for (var id = 1; id < counts.Length; id++)
            if (counts[id] > 0) nonZero.Add((id, counts[id]));
        var order = Comparer<(int Id, long Count)>.Create((a, b) =>
            b.Count.CompareTo(a.Count) is var c and not 0 ? c : string.CompareOrdinal(index.StoryKeys[a.Id], index.StoryKeys[b.Id]));
        var values = TopN.Select(nonZero, size, order)
            .Select(v => new FacetValue(index.StoryKeys[v.Id] ?? "", v.Count, selected?.Contains(v.Id) ?? false, Label: index.StoryLabels[v.Id]))
            .ToList();
        foreach (var key in requested.Select(k => k.Trim()).Distinct(StringComparer.Ordinal))
        {
            if (values.Any(v => v.Value == key)) continue;
            values.Add(index.StoryByKey.TryGetValue(key, out var id)
                ? new FacetValue(key, counts[id], true, Label: index.StoryLabels[id])
                : new FacetValue(key, 0, true));
        }
        return values;
    }

    private static bool AnySelected(int[] values, bool[] selected)
    {
        foreach (var v in values)
            if (v < selected.Length && selected[v]) return true;
        return false;
    }

    private static void Count(int[] values, long[] counts)
    {
        foreach (var v in values)
            if (v < counts.Length) counts[v]++;
    }

    private static IReadOnlyList<FacetValue> Values(long[] counts, IReadOnlyList<string> names, IReadOnlyList<string?>? types,
        bool[]? selected, IReadOnlyList<string> requested, int size)
    {
        var nonZero = new List<(int Id, long Count)>();
        for (var id = 1; id < counts.Length; id++)
            if (counts[id] > 0) nonZero.Add((id, counts[id]));
        var order = Comparer<(int Id, long Count)>.Create((a, b) =>
            b.Count.CompareTo(a.Count) is var c and not 0 ? c : string.Compare(names[a.Id], names[b.Id], StringComparison.OrdinalIgnoreCase));
        var values = TopN.Select(nonZero, size, order)
            .Select(v => new FacetValue(names[v.Id], v.Count, selected?[v.Id] ?? false, types?[v.Id]))
            .ToList();
        // Selected values stay visible (so they can be unselected) even outside the top N or with no matches.
        foreach (var value in requested.Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (values.Any(v => string.Equals(v.Value, value, StringComparison.OrdinalIgnoreCase))) continue;
            var id = -1;
            for (var i = 1; i < names.Count; i++)
                if (string.Equals(names[i], value, StringComparison.OrdinalIgnoreCase)) { id = i; break; }
            values.Add(id < 0
                ? new FacetValue(value, 0, true)
                : new FacetValue(names[id], counts[id], true, types?[id]));
        }
        return values;
    }

    private static (IReadOnlyList<DateBucket>, DateInterval) Histogram(Dictionary<int, long> dayCounts)
    {
        if (dayCounts.Count == 0) return ([], DateInterval.Day);
        var first = dayCounts.Keys.Min();
        var last = dayCounts.Keys.Max();
        var buckets = new List<DateBucket>();
        if (last - first <= MaxDaySpan)
        {
            for (var day = first; day <= last; day++)
                buckets.Add(new DateBucket(DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dayCounts.GetValueOrDefault(day)));
            return (buckets, DateInterval.Day);
        }
        var months = new SortedDictionary<(int, int), long>();
        foreach (var (day, count) in dayCounts)
        {
            var date = DateOnly.FromDayNumber(day);
            months[(date.Year, date.Month)] = months.GetValueOrDefault((date.Year, date.Month)) + count;
        }
        var start = DateOnly.FromDayNumber(first);
        var end = DateOnly.FromDayNumber(last);
        for (var month = new DateOnly(start.Year, start.Month, 1); month <= end; month = month.AddMonths(1))
            buckets.Add(new DateBucket(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), months.GetValueOrDefault((month.Year, month.Month))));
        return (buckets, DateInterval.Month);
    }
}

/// <summary>The first N items in an order without sorting everything: a bounded heap, O(n log N).</summary>
internal static class TopN
{
    public static List<T> Select<T>(IReadOnlyList<T> items, int n, IComparer<T> order)
    {
        if (n <= 0) return [];
        // The heap keeps the worst kept item on top, so a better newcomer replaces it.
        var heap = new PriorityQueue<T, T>(Comparer<T>.Create((a, b) => order.Compare(b, a)));
        foreach (var item in items)
        {
            if (heap.Count < n) heap.Enqueue(item, item);
            else if (order.Compare(item, heap.Peek()) < 0) heap.EnqueueDequeue(item, item);
        }
        var result = new List<T>(heap.Count);
        while (heap.Count > 0) result.Add(heap.Dequeue());
        result.Reverse();
        return result;
    }
}
