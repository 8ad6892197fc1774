using System.Globalization;
using NewsSearch.SearchStore.Benchmarks;

namespace NewsSearch.Gateway.Benchmarks;

/// <summary>
/// The search mix, as public API URLs, shaped like the store benchmark's mix: selective words and names, phrases,
/// broad common words (and OR), each alone and with filters (two sources, a topic, a three-month range), filters
/// alone, and one in five sorted newest. Every search asks for all facets, as the web UI does.
/// </summary>
public static class QueryMix
{
    public static IReadOnlyList<string> Create(int perKind, int seed = 11)
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
        string Filters()
        {
            var start = SyntheticCorpus.FirstDay.AddDays(random.Next(SyntheticCorpus.DaySpan - 90));
            return $"&source={E(SyntheticCorpus.SourceNames[random.Next(6)])}&source={E(SyntheticCorpus.SourceNames[random.Next(20)])}" +
                   $"&topic={E(SyntheticCorpus.TopicLabels[random.Next(8)])}&from={Date(start)}&to={Date(start.AddDays(90))}";
        }

        var paths = new List<string>();
        foreach (var make in new Func<string>[] { Selective, Phrase, Broad })
        {
            for (var i = 0; i < perKind; i++)
            {
                var search = "/api/search?q=" + E(make()) + (i % 5 == 4 ? "&sort=newest" : "");
                paths.Add(search);
                paths.Add(search + Filters());
            }
        }
        for (var i = 0; i < perKind; i++)
            paths.Add("/api/search?sort=newest" + Filters());

        // Shuffled once (deterministically) so no concurrency level meets one kind in a block.
        return [.. paths.OrderBy(_ => random.Next())];
    }

    private static string E(string value) => Uri.EscapeDataString(value);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
