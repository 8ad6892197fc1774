namespace NewsSearch.SearchStore.Sqlite;

/// <summary>A story's size, date span and outlets, counted over the in-memory facet copy (one pass over the articles).</summary>
internal static class StoryDetails
{
    public static StoryDetail? Read(FacetIndex index, string key)
    {
        if (!index.StoryByKey.TryGetValue(key, out var story)) return null;
        long size = 0, undated = 0;
        int first = int.MaxValue, last = int.MinValue;
        var outlets = new Dictionary<int, long>();
        for (var doc = 0; doc < index.Story.Length; doc++)
        {
            if (index.Story[doc] != story || !index.IsLive(doc)) continue;
            size++;
            outlets[index.Source[doc]] = outlets.GetValueOrDefault(index.Source[doc]) + 1;
            var day = index.Day[doc];
            if (day == FacetIndex.NoDay)
            {
                undated++;
                continue;
            }
            first = Math.Min(first, day);
            last = Math.Max(last, day);
        }
        if (size == 0) return null; // every article of the story was deleted or moved to another (merged) story
        return new StoryDetail(
            key,
            index.StoryLabels[story] ?? "",
            size,
            first == int.MaxValue ? null : DateOnly.FromDayNumber(first),
            last == int.MinValue ? null : DateOnly.FromDayNumber(last),
            undated,
            outlets
                .Select(o => new FacetValue(index.Names.SourceNames[o.Key], o.Value, false))
                .OrderByDescending(o => o.Count).ThenBy(o => o.Value, StringComparer.OrdinalIgnoreCase)
                .ToList());
    }
}
