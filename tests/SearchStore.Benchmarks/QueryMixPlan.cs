namespace NewsSearch.SearchStore.Benchmarks;

/// <summary>One search of the benchmark mix, before it becomes a store request or a public API URL.</summary>
public sealed record MixQuery(string Kind, string? Text, bool Newest, MixFilters? Filters);

/// <summary>Two sources, a topic and a three-month range.</summary>
public sealed record MixFilters(IReadOnlyList<string> Sources, string Topic, DateOnly From, DateOnly To);

/// <summary>
/// The fixed query mix the store and gateway benchmarks share. Selective: tail words and person names (tens to
/// hundreds of matches). Phrases: actor names and common word pairs. Broad: the most common words (most of the
/// corpus), alone, ANDed and ORed. Each runs without and with filters; then filters alone; one in five sorted newest.
/// Shuffled once, deterministically, so no measurement meets one kind in a block.
/// </summary>
public static class QueryMixPlan
{
    public static IReadOnlyList<MixQuery> Create(int perKind, int seed = 11)
    {
        var random = new Random(seed);
        var words = SyntheticCorpus.Words;
        var persons = SyntheticCorpus.PersonNames;
        string Selective() => random.Next(2) == 0 ? words[2000 + random.Next(words.Count - 2000)] : persons[random.Next(persons.Count)].Split(' ')[1];
        string Phrase() => random.Next(2) == 0
            ? "\"" + persons[random.Next(persons.Count)] + "\""
            : "\"" + words[random.Next(40)] + " " + words[random.Next(40)] + "\"";
        string Broad() => random.Next(3) switch
        {
            0 => words[random.Next(5)],
            1 => words[random.Next(60)] + " " + words[random.Next(60)],
            _ => words[random.Next(30)] + " OR " + words[100 + random.Next(200)],
        };
        MixFilters Filters()
        {
            var start = SyntheticCorpus.FirstDay.AddDays(random.Next(SyntheticCorpus.DaySpan - 90));
            return new MixFilters(
                [SyntheticCorpus.SourceNames[random.Next(6)], SyntheticCorpus.SourceNames[random.Next(20)]],
                SyntheticCorpus.TopicLabels[random.Next(8)],
                start,
                start.AddDays(90));
        }

        var queries = new List<MixQuery>();
        foreach (var (kind, make) in new (string, Func<string>)[] { ("selective", Selective), ("phrase", Phrase), ("broad", Broad) })
        {
            for (var i = 0; i < perKind; i++)
            {
                var text = make();
                var newest = i % 5 == 4;
                queries.Add(new MixQuery(kind, text, newest, null));
                queries.Add(new MixQuery(kind + " + filters", text, newest, Filters()));
            }
        }
        for (var i = 0; i < perKind; i++)
            queries.Add(new MixQuery("no query, filters only", null, true, Filters()));
        return [.. queries.OrderBy(_ => random.Next())];
    }
}
