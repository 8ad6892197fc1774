namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// Ranks other coverage of the same story: actors in common (rare ones count more), distinctive words in
/// common, publication dates close together, and another outlet rather than the same one. Candidates come from
/// the in-memory facet copy (shared actors, or the same few days), so only a bounded number is scored by text.
/// </summary>
internal static class SimilarArticles
{
    public const int Candidates = 150;
    private const int SameStoryDays = 3;
    private const double TermWeight = 3.0;
    private const double OtherSourceBoost = 1.3;

    /// <summary>The articles most likely to cover the same story, by shared actors (or, without actors, by date).</summary>
    public static IReadOnlyList<int> CandidatesFor(FacetIndex index, int doc)
    {
        var scores = new Dictionary<int, double>();
        var frequencies = index.DocumentFrequencies;
        foreach (var actor in index.Actors[doc])
        {
            if (actor >= index.ActorDocs.Length) continue;
            var idf = Math.Log(1 + (double)index.Count / Math.Max(1, frequencies.Actors[actor]));
            foreach (var other in index.ActorDocs[actor])
                if (other != doc) scores[other] = scores.GetValueOrDefault(other) + idf;
        }
        var day = index.Day[doc];
        if (scores.Count == 0 && day != FacetIndex.NoDay)
            for (var other = 0; other < index.Capacity; other++)
                if (other != doc && index.IsLive(other) && index.Day[other] != FacetIndex.NoDay && Math.Abs(index.Day[other] - day) <= SameStoryDays)
                    scores[other] = 1;
        return Top(index, doc, scores, Candidates).Select(c => c.Doc).ToList();
    }

    /// <summary>Final ranking of the candidates, with the text scores (bm25 against this article's distinctive words).</summary>
    public static IReadOnlyList<(int Doc, double Score)> Rank(FacetIndex index, int doc, IReadOnlyList<int> candidates,
        IReadOnlyDictionary<int, double> termScores, int limit)
    {
        var frequencies = index.DocumentFrequencies;
        var mine = index.Actors[doc].ToHashSet();
        var best = termScores.Count == 0 ? 0 : termScores.Values.Max();
        var scores = new Dictionary<int, double>();
        foreach (var other in candidates)
        {
            var score = 0.0;
            foreach (var actor in index.Actors[other])
                if (mine.Contains(actor) && actor < frequencies.Actors.Length)
                    score += Math.Log(1 + (double)index.Count / Math.Max(1, frequencies.Actors[actor]));
            if (best > 0 && termScores.TryGetValue(other, out var text)) score += TermWeight * Math.Max(0, text) / best;
            if (score > 0) scores[other] = score;
        }
        return Top(index, doc, scores, limit);
    }

    private static List<(int Doc, double Score)> Top(FacetIndex index, int doc, Dictionary<int, double> scores, int limit)
    {
        var day = index.Day[doc];
        var ranked = new List<(int Doc, double Score)>(scores.Count);
        foreach (var (other, score) in scores)
        {
            var value = score;
            if (day != FacetIndex.NoDay && index.Day[other] != FacetIndex.NoDay)
                value *= 1 + 1 / (1 + Math.Abs(index.Day[other] - day) / 2.0);
            if (index.Source[other] != index.Source[doc]) value *= OtherSourceBoost;
            ranked.Add((other, value));
        }
        var order = Comparer<(int Doc, double Score)>.Create((a, b) =>
            b.Score.CompareTo(a.Score) is var c and not 0 ? c : string.CompareOrdinal(index.Ids[a.Doc], index.Ids[b.Doc]));
        return TopN.Select(ranked, limit, order);
    }
}
