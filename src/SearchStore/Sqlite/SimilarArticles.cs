namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// Ranks other coverage of the same story: actors in common (rare ones count more), distinctive words in
/// common, publication dates close together, and another outlet rather than the same one.
/// </summary>
internal static class SimilarArticles
{
    private const double TermWeight = 3.0;
    private const double OtherSourceBoost = 1.3;

    public static IReadOnlyList<(int Doc, double Score)> Rank(FacetIndex index, int doc, IReadOnlyDictionary<int, double> termScores, int limit)
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
        var best = termScores.Count == 0 ? 0 : termScores.Values.Max();
        if (best > 0)
            foreach (var (other, score) in termScores)
                if (other != doc && index.IsLive(other)) scores[other] = scores.GetValueOrDefault(other) + TermWeight * score / best;

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
