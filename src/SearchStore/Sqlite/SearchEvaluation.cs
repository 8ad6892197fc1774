using System.Buffers;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// Filters a match set and counts its facets in one pass. Each article gets a bit per facet filter it fails;
/// it is a result when it fails none, and it counts for a facet when it fails none of the other facets' filters,
/// which is what makes the counts disjunctive. The results (up to every article) live in pooled arrays until the
/// evaluation is disposed: a broad search's list of them was megabytes on the large-object heap per search.
/// </summary>
internal sealed class SearchEvaluation : IDisposable
{
    private const int SourceBit = 1, ActorBit = 2, TopicBit = 4, DateBit = 8, StoryBit = 16;
    /// <summary>Up to this many days between the first and last article, the histogram counts days; beyond, months.</summary>
    public const int MaxDaySpan = 62;

    private int[]? _docs;
    private double[]? _scores;

    private SearchEvaluation(int[] docs, int count, SearchFacets facets)
    {
        _docs = docs;
        Total = count;
        Facets = facets;
    }

    public int Total { get; }

    /// <summary>The results' rowids, ascending.</summary>
    public ReadOnlySpan<int> ResultDocs => (_docs ?? throw new ObjectDisposedException(nameof(SearchEvaluation))).AsSpan(0, Total);

    /// <summary>Sets each result's score; a result without one ranks after every scored result.</summary>
    public void ApplyScores(IReadOnlyDictionary<int, double> scores)
    {
        var docs = ResultDocs;
        _scores ??= ArrayPool<double>.Shared.Rent(Total);
        _scores.AsSpan(0, Total).Fill(double.NegativeInfinity);
        // Scores are for a window of at most a few thousand matches; the results are ascending, so each finds its place.
        foreach (var (doc, score) in scores)
            if (docs.BinarySearch(doc) is var at and >= 0) _scores[at] = score;
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

        var sourceCounts = new long[names.SourceNames.Count];
        var actorCounts = new long[names.ActorNames.Count];
        var topicCounts = new long[names.TopicNames.Count];
        var (firstDay, lastDay) = index.DaySpan;
        using var dayCounts = new SparseCounts(firstDay == FacetIndex.NoDay ? 0 : lastDay - firstDay + 1);
        using var storyCounts = new SparseCounts(index.StoryKeys.Length);
        long undated = 0;
        var results = ArrayPool<int>.Shared.Rent(matches.Count);
        var resultCount = 0;

        foreach (var doc in matches.Docs)
        {
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

            if (failed == 0) results[resultCount++] = doc;
            if ((failed & ~SourceBit) == 0 && index.Source[doc] < sourceCounts.Length) sourceCounts[index.Source[doc]]++;
            if ((failed & ~ActorBit) == 0) Count(docActors, actorCounts);
            if ((failed & ~TopicBit) == 0) Count(docTopics, topicCounts);
            if ((failed & ~StoryBit) == 0 && story > 0 && story < storyCounts.Size) storyCounts.Increment(story);
            if ((failed & ~DateBit) == 0)
            {
                // An article whose year is unknown gets no bar: it is counted as undated instead.
                if (day == FacetIndex.NoDay) undated++;
                else dayCounts.Increment(day - firstDay);
            }
        }

        var (buckets, interval) = DateHistogram.Buckets(dayCounts, firstDay);
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
        return new SearchEvaluation(results, resultCount, facets);
    }

    public void Dispose()
    {
        if (_docs is not null) ArrayPool<int>.Shared.Return(_docs);
        if (_scores is not null) ArrayPool<double>.Shared.Return(_scores);
        _docs = null;
        _scores = null;
    }

    /// <summary>The requested page, ordered by the sort with the article id breaking ties so pages never overlap.</summary>
    public IReadOnlyList<(int Doc, double Score)> Page(SearchRequest request, FacetIndex index)
    {
        var skip = (request.Page - 1) * request.Size;
        var needed = skip + request.Size;
        if (skip >= Total) return [];
        var top = new TopN<(int Doc, double Score)>(needed, Comparer(request.Sort, index));
        var docs = ResultDocs;
        for (var i = 0; i < docs.Length; i++) top.Offer((docs[i], _scores?[i] ?? 0));
        return top.Take().Skip(skip).Take(request.Size).ToList();
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
    private static IReadOnlyList<FacetValue> StoryValues(SparseCounts counts, FacetIndex index, HashSet<int>? selected, IReadOnlyList<string> requested, int size)
    {
        // The story id breaks a tie of keys (a key named twice), so the top does not depend on the order of counting.
        var order = Comparer<(int Id, long Count)>.Create((a, b) =>
            b.Count.CompareTo(a.Count) is var c and not 0 ? c
            : string.CompareOrdinal(index.StoryKeys[a.Id], index.StoryKeys[b.Id]) is var k and not 0 ? k
            : a.Id.CompareTo(b.Id));
        var top = new TopN<(int Id, long Count)>(size, order);
        foreach (var id in counts.Touched) top.Offer((id, counts[id]));
        var values = top.Take()
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
        var order = Comparer<(int Id, long Count)>.Create((a, b) =>
            b.Count.CompareTo(a.Count) is var c and not 0 ? c : string.Compare(names[a.Id], names[b.Id], StringComparison.OrdinalIgnoreCase));
        // Offered straight to the heap, as the story facet's counts are: no list of every counted value per search.
        var top = new TopN<(int Id, long Count)>(size, order);
        for (var id = 1; id < counts.Length; id++)
            if (counts[id] > 0) top.Offer((id, counts[id]));
        var values = top.Take()
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
}
