using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsSearch.Coverage.Comparison;
using NewsSearch.SearchStore.Sqlite;
using NewsSearch.Stories;

namespace NewsSearch.SearchStore.Benchmarks;

/// <summary>
/// What stories cost and how well they match the synthetic corpus's own stories (each generated story is one event
/// covered by 1–8 outlets): the CPU time of assigning each article (choosing its terms and its story, as the store's
/// writer does, on this thread), pairwise precision and recall of "same story" against the generator's stories, the
/// store's indexing with stories, and the compare query of a story at that size.
/// <c>dotnet run -c Release --project tests/SearchStore.Benchmarks -- --stories --sizes 100000 --dir path</c>
/// </summary>
public static class StoryBenchmark
{
    public static async Task<string> RunAsync(int size, string directory)
    {
        var corpus = new SyntheticCorpus();
        var truth = new Dictionary<long, int>();
        var clusterer = new StoryClusterer();
        var costs = new List<double>(size);
        long doc = 0;
        foreach (var generated in corpus.Generate(size))
        {
            var article = generated.Article;
            doc++;
            truth[doc] = int.Parse(new Uri(article.Url!).Segments[1].TrimEnd('/'), CultureInfo.InvariantCulture);
            var words = StoryTerms.Count(article.Title, article.Body); // on other threads in the store
            var cpu = ThreadCpu.Milliseconds();
            var terms = StoryTerms.Choose(words, clusterer.TermFrequency, clusterer.Count);
            clusterer.Assign(new StoryArticle(doc, article.Source, article.Published, null, article.Actors.Select(a => a.Name).ToList(), terms));
            costs.Add(ThreadCpu.Milliseconds() - cpu);
        }
        var (precision, recall, stories) = PairScores(truth, d => clusterer.StoryOf(d)!.Value);

        var storePath = Path.Combine(directory, $"stories-{size}.db");
        foreach (var file in new[] { storePath, storePath + "-wal", storePath + "-shm" }) File.Delete(file);
        using var store = new SqliteSearchStore(storePath);
        await store.InitializeAsync(CancellationToken.None);
        var indexCpu = TimeSpan.Zero;
        var indexWall = TimeSpan.Zero;
        foreach (var batch in corpus.Generate(size).Select(a => a.Article).Chunk(500))
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            await store.UpsertAsync(batch, CancellationToken.None);
            indexWall += Stopwatch.GetElapsedTime(started);
            indexCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
        }

        // The compare query of 20 stories spread over the corpus, and of a story filter alone (search with facets).
        var compare = new List<double>();
        var search = new List<double>();
        for (var i = 1; i <= 20; i++)
        {
            var id = (i * (size / 21)).ToString("x16", CultureInfo.InvariantCulture);
            var story = (await store.GetAsync(id, CancellationToken.None))!.Story!;
            var request = new SearchRequest { Stories = [story] };
            var cpu = ThreadCpu.Milliseconds();
            await store.SearchAsync(request, CancellationToken.None);
            search.Add(ThreadCpu.Milliseconds() - cpu);
            cpu = ThreadCpu.Milliseconds();
            var articles = new List<Articles.EnrichedArticle>();
            await foreach (var article in store.MatchedArticlesAsync(request, withBody: true, CancellationToken.None))
                if (articles.Count <= CoverageComparison.MaxArticles) articles.Add(article);
            CoverageComparison.Build(articles.Take(CoverageComparison.MaxArticles).ToList(), articles.Count > CoverageComparison.MaxArticles);
            compare.Add(ThreadCpu.Milliseconds() - cpu);
        }

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"### Stories at {size:N0} articles ({truth.Values.Distinct().Count():N0} generated stories, {stories:N0} found)");
        md.AppendLine();
        md.AppendLine("| measure | value |");
        md.AppendLine("|---|---:|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| assignment CPU per article, mean (choose terms + assign) | {costs.Average() * 1000:F0} µs |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| assignment CPU per article, p50 / p99 / max | {P(costs, 50) * 1000:F0} / {P(costs, 99) * 1000:F0} / {costs.Max() * 1000:F0} µs |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| assignment CPU, last 10% of the articles (mean) | {costs.Skip(size * 9 / 10).Average() * 1000:F0} µs |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| same-story pairs: precision / recall against the generator | {precision:F3} / {recall:F3} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| store indexing with stories: wall / process CPU | {indexWall.TotalSeconds:F1} s / {indexCpu.TotalSeconds:F1} s ({size / indexCpu.TotalSeconds:N0} articles per CPU-s) |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| story-filtered search (facets, 10 hits), thread CPU p50 / max | {P(search, 50):F1} / {search.Max():F1} ms |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| compare of a story (match stream with bodies + comparison), thread CPU p50 / max | {P(compare, 50):F1} / {compare.Max():F1} ms |");
        md.AppendLine();
        return md.ToString();
    }

    /// <summary>Pairwise precision and recall of the found stories against the true ones, from the contingency counts.</summary>
    private static (double Precision, double Recall, int Stories) PairScores(Dictionary<long, int> truth, Func<long, long> found)
    {
        static double Pairs(long n) => n * (n - 1) / 2.0;
        var cells = truth.GroupBy(t => (found(t.Key), t.Value)).Sum(g => Pairs(g.Count()));
        var foundPairs = truth.GroupBy(t => found(t.Key)).Sum(g => Pairs(g.Count()));
        var truePairs = truth.GroupBy(t => t.Value).Sum(g => Pairs(g.Count()));
        return (foundPairs == 0 ? 1 : cells / foundPairs, truePairs == 0 ? 1 : cells / truePairs, truth.Select(t => found(t.Key)).Distinct().Count());
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
