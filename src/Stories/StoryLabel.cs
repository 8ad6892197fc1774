namespace NewsSearch.Stories;

/// <summary>
/// A story's label: the actors and then the terms most of its articles share, the rarer first among equally shared
/// ones ("Khawaja Asif, Pakistan, Afghanistan: istanbul, talks, ceasefire"). Read from at most
/// <see cref="MaxArticles"/> articles, so a large story costs no more to label than a small one.
/// </summary>
public static class StoryLabel
{
    public const int MaxArticles = 50;
    private const int Actors = 3;
    private const int Terms = 3;

    /// <param name="members">The story's articles.</param>
    /// <param name="weight">The weight of a feature key (see <see cref="StoryClusterer.Weight"/>), to put rarer features first.</param>
    public static string For(IReadOnlyList<StoryArticle> members, Func<string, double> weight)
    {
        var sample = members.OrderBy(m => m.Doc).Take(MaxArticles).ToList();
        var actors = Top(sample.SelectMany(m => m.Actors.Distinct(StringComparer.OrdinalIgnoreCase)), StoryClusterer.ActorKey, weight, Actors);
        var terms = Top(sample.SelectMany(m => m.Terms.Distinct()), StoryClusterer.TermKey, weight, Terms + actors.Count)
            .Where(t => !actors.Any(a => a.Contains(t, StringComparison.OrdinalIgnoreCase)))
            .Take(Terms)
            .ToList();
        return (actors.Count, terms.Count) switch
        {
            (0, 0) => "(no shared names)",
            (_, 0) => string.Join(", ", actors),
            (0, _) => string.Join(", ", terms),
            _ => $"{string.Join(", ", actors)}: {string.Join(", ", terms)}",
        };
    }

    private static List<string> Top(IEnumerable<string> values, Func<string, string> key, Func<string, double> weight, int count) =>
        values.GroupBy(v => key(v))
            .Select(g => (Value: g.First(), Count: g.Count(), Weight: weight(g.Key)))
            .OrderByDescending(v => v.Count).ThenByDescending(v => v.Weight).ThenBy(v => v.Value, StringComparer.Ordinal)
            .Take(count)
            .Select(v => v.Value)
            .ToList();
}
