using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using NewsSearch.Articles;
using NewsSearch.SearchStore.Querying;
using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore.Benchmarks;

/// <summary>
/// Indexes the synthetic corpus into the embedded store and into a bare FTS5 table (the floor: same tokenizer,
/// no facets, no alias table), then times a fixed query mix against both. Usage:
/// <c>dotnet run -c Release --project tests/SearchStore.Benchmarks -- [--sizes 10000,100000] [--queries 100] [--dir path] [--markdown file]</c>
/// </summary>
public static class StoreBenchmark
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--sizes", "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var perKind = int.Parse(Option(args, "--queries", "100"), CultureInfo.InvariantCulture);
        var directory = Option(args, "--dir", Path.Combine(Path.GetTempPath(), "searchstore-benchmark"));
        var markdownPath = Option(args, "--markdown", "");
        var reuse = args.Contains("--reuse");
        Directory.CreateDirectory(directory);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} logical cores · {Environment.OSVersion} · .NET {Environment.Version}");
        report.AppendLine();
        foreach (var size in sizes)
        {
            Console.Error.WriteLine($"== {size} articles");
            report.Append(args.Contains("--stories") ? await StoryBenchmark.RunAsync(size, directory) : await RunSizeAsync(size, perKind, directory, reuse));
        }
        Console.WriteLine(report);
        if (markdownPath.Length > 0) await File.WriteAllTextAsync(markdownPath, report.ToString());
        return 0;
    }

    /// <param name="reuse">Keep databases a previous run built (to iterate on queries); indexing is then not measured.</param>
    private static async Task<string> RunSizeAsync(int size, int perKind, string directory, bool reuse)
    {
        var storePath = Path.Combine(directory, $"store-{size}.db");
        var floorPath = Path.Combine(directory, $"floor-{size}.db");
        var reused = reuse && File.Exists(storePath) && File.Exists(floorPath);
        if (!reused)
            foreach (var path in new[] { storePath, floorPath })
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                    File.Delete(file);

        var corpus = new SyntheticCorpus();
        var bodyBytes = 0L;
        var ct = CancellationToken.None;

        using var store = new SqliteSearchStore(storePath);
        await store.InitializeAsync(ct);
        var storeTime = TimeSpan.Zero;
        var storeCpu = TimeSpan.Zero;
        foreach (var batch in reused ? [] : corpus.Generate(size).Select(a => a.Article).Chunk(BatchSize))
        {
            bodyBytes += batch.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Body));
            var started = Stopwatch.GetTimestamp();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var result = await store.UpsertAsync(batch, ct);
            storeTime += Stopwatch.GetElapsedTime(started);
            storeCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (!result.AllIndexed) throw new InvalidOperationException("Indexing failed: " + string.Join("; ", result.Failed.Values.Take(3)));
        }
        Console.Error.WriteLine($"   store indexed in {storeTime.TotalSeconds:F1}s");

        var (floorTime, floorCpu) = reused ? default : BuildFloor(floorPath, corpus.Generate(size).Select(a => a.Article));
        Console.Error.WriteLine($"   floor indexed in {floorTime.TotalSeconds:F1}s");

        var queries = QueryMix(perKind);
        using var floor = OpenFloor(floorPath);

        // Warm both: the first queries pay for the page cache and the store's facet copy.
        foreach (var q in queries.Take(20))
        {
            await store.SearchAsync(q.Request, ct);
            RunFloor(floor, q);
        }

        var storeTimes = new Dictionary<string, List<Timing>>();
        var floorTimes = new Dictionary<string, List<Timing>>();
        var totals = new Dictionary<string, List<long>>();
        // What the store's searches cost the whole process: the collector's threads included, which the querying
        // thread's CPU time leaves out (a search that allocates large objects pays for gen2 collections there).
        var processCpu = TimeSpan.Zero;
        var allocated = 0L;
        var gen2Before = GC.CollectionCount(2);
        foreach (var q in queries)
        {
            SearchResult? result = null;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            Add(storeTimes, q.Kind, await MeasureAsync(async () => result = await store.SearchAsync(q.Request, ct)));
            allocated += GC.GetTotalAllocatedBytes() - allocatedBefore;
            processCpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            if (!totals.TryGetValue(q.Kind, out var list)) totals[q.Kind] = list = [];
            list.Add(result!.Total);
            if (q.FloorMatch is not null)
                Add(floorTimes, q.Kind, await MeasureAsync(() => { RunFloor(floor, q); return Task.CompletedTask; }));
        }
        var gen2 = GC.CollectionCount(2) - gen2Before;
        var suggestTimes = new List<Timing>();
        foreach (var prefix in new[] { "ka", "pak", "tur", "un", "ah", "dip", "reu", "imr", "nat", "se" })
            suggestTimes.Add(await MeasureAsync(() => store.SuggestAsync(prefix, 10, ct)));
        var similarTimes = new List<Timing>();
        for (var i = 1; i <= 20; i++)
        {
            var id = (i * (size / 21)).ToString("x16", CultureInfo.InvariantCulture);
            similarTimes.Add(await MeasureAsync(() => store.SimilarAsync(id, 10, ct)));
        }

        var md = new StringBuilder();
        if (reused)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {size:N0} articles");
            md.AppendLine();
            md.AppendLine("(databases reused from an earlier run: indexing not measured)");
        }
        else
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {size:N0} articles ({bodyBytes / size / 1024.0:F1} KB average body)");
            md.AppendLine();
            md.AppendLine("| indexing | wall time | articles/s (wall) | MB of body/s | CPU time | articles/CPU-s | file size |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            md.AppendLine(IndexRow("store (FTS5 + facet tables + JSON)", size, bodyBytes, storeTime, storeCpu, storePath));
            md.AppendLine(IndexRow("floor (bare FTS5 table)", size, bodyBytes, floorTime, floorCpu, floorPath));
        }
        md.AppendLine();
        foreach (var (title, pick) in new (string, Func<Timing, double>)[]
        {
            ("CPU time of the querying thread, ms (what the query costs; contention does not inflate it)", t => t.CpuMs),
            ("wall time, ms (inflated by whatever else the shared machine runs)", t => t.WallMs),
        })
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"{title}:");
            md.AppendLine();
            md.AppendLine("| query kind | n | matches (median) | store p50 | p95 | p99 | max | floor p50 | p95 | p99 | max |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var kind in storeTimes.Keys.Order())
            {
                var st = storeTimes[kind].Select(pick).ToList();
                var ft = floorTimes.GetValueOrDefault(kind)?.Select(pick).ToList() ?? [];
                var median = totals[kind].Order().ElementAt(totals[kind].Count / 2);
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {kind} | {st.Count} | {median:N0} | {P(st, 50)} | {P(st, 95)} | {P(st, 99)} | {P(st, 100)} | {P(ft, 50)} | {P(ft, 95)} | {P(ft, 99)} | {P(ft, 100)} |");
            }
            var all = storeTimes.Values.SelectMany(v => v).Select(pick).ToList();
            var allFloor = floorTimes.Values.SelectMany(v => v).Select(pick).ToList();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| **all** | {all.Count} | | **{P(all, 50)}** | {P(all, 95)} | **{P(all, 99)}** | **{P(all, 100)}** | {P(allFloor, 50)} | {P(allFloor, 95)} | {P(allFloor, 99)} | {P(allFloor, 100)} |");
            md.AppendLine();
        }
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Store searches, whole process: {processCpu.TotalMilliseconds / queries.Count:F1} ms CPU per search (all threads, the collector's included), " +
            $"{allocated / 1024.0 / queries.Count:N0} KB allocated per search, {gen2} gen2 collections over the mix (the floor's queries included).");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Suggest (10 prefixes): CPU p50 {P(suggestTimes.Select(t => t.CpuMs).ToList(), 50)} ms, max {P(suggestTimes.Select(t => t.CpuMs).ToList(), 100)} ms (wall max {P(suggestTimes.Select(t => t.WallMs).ToList(), 100)} ms). " +
            $"Similar (20 articles): CPU p50 {P(similarTimes.Select(t => t.CpuMs).ToList(), 50)} ms, max {P(similarTimes.Select(t => t.CpuMs).ToList(), 100)} ms (wall max {P(similarTimes.Select(t => t.WallMs).ToList(), 100)} ms).");
        md.AppendLine();
        return md.ToString();
    }

    private sealed record BenchQuery(string Kind, SearchRequest Request, string? FloorMatch);

    /// <summary>The shared mix (<see cref="QueryMixPlan"/>) as store requests; every search computes all four facets.</summary>
    private static List<BenchQuery> QueryMix(int perKind) =>
        QueryMixPlan.Create(perKind).Select(q =>
        {
            var parsed = q.Text is null ? null : QueryParser.Parse(q.Text).Query ?? throw new InvalidOperationException($"'{q.Text}' did not parse.");
            var request = new SearchRequest { Query = parsed, Sort = q.Newest ? SortOrder.Newest : SortOrder.Relevance };
            if (q.Filters is { } f) request = request with { Sources = [.. f.Sources], Topics = [f.Topic], From = f.From, To = f.To };
            return new BenchQuery(q.Kind, request, parsed is null ? null : FloorMatch(parsed));
        }).ToList();

    private static string FloorMatch(Query query) => query switch
    {
        TermQuery t => "\"" + t.Term + "\"",
        PhraseQuery p => "\"" + string.Join(' ', p.Terms) + "\"",
        AndQuery a => "(" + string.Join(" AND ", a.Clauses.Select(FloorMatch)) + ")",
        OrQuery o => "(" + string.Join(" OR ", o.Clauses.Select(FloorMatch)) + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(query)),
    };

    private static (TimeSpan Wall, TimeSpan Cpu) BuildFloor(string path, IEnumerable<EnrichedArticle> articles)
    {
        using var connection = OpenFloor(path);
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
                CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');
                """;
            create.ExecuteNonQuery();
        }
        var elapsed = TimeSpan.Zero;
        var cpuTime = TimeSpan.Zero;
        foreach (var batch in articles.Chunk(BatchSize))
        {
            var started = Stopwatch.GetTimestamp();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO docs(title, body) VALUES ($title, $body)";
            var title = insert.Parameters.Add("$title", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            foreach (var article in batch)
            {
                title.Value = article.Title;
                body.Value = article.Body;
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
            elapsed += Stopwatch.GetElapsedTime(started);
            cpuTime += Process.GetCurrentProcess().TotalProcessorTime - cpu;
        }
        return (elapsed, cpuTime);
    }

    private static SqliteConnection OpenFloor(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The least a ranked search can do: the top ten by bm25, and the number of matches.</summary>
    private static void RunFloor(SqliteConnection floor, BenchQuery query)
    {
        if (query.FloorMatch is null) return;
        using var top = floor.CreateCommand();
        top.CommandText = "SELECT rowid, bm25(docs) FROM docs WHERE docs MATCH $q ORDER BY rank LIMIT 10";
        top.Parameters.AddWithValue("$q", query.FloorMatch);
        using (var reader = top.ExecuteReader())
            while (reader.Read()) { }
        using var count = floor.CreateCommand();
        count.CommandText = "SELECT count(*) FROM docs WHERE docs MATCH $q";
        count.Parameters.AddWithValue("$q", query.FloorMatch);
        count.ExecuteScalar();
    }

    private static string IndexRow(string name, int size, long bytes, TimeSpan time, TimeSpan cpu, string path)
    {
        var fileBytes = new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {time.TotalSeconds:F1} s | {size / time.TotalSeconds:N0} | {bytes / 1048576.0 / time.TotalSeconds:F1} | {cpu.TotalSeconds:F1} s | {size / cpu.TotalSeconds:N0} | {fileBytes / 1048576.0:N0} MB |");
    }

    private readonly record struct Timing(double WallMs, double CpuMs);

    /// <summary>
    /// Wall time and this thread's CPU time. The stores answer synchronously on the calling thread, so the thread's
    /// CPU time is the query's own cost, which the other tenants of a shared machine do not inflate.
    /// </summary>
    private static async Task<Timing> MeasureAsync(Func<Task> action)
    {
        var cpu = ThreadCpu.Milliseconds();
        var started = Stopwatch.GetTimestamp();
        await action();
        return new Timing(Stopwatch.GetElapsedTime(started).TotalMilliseconds, ThreadCpu.Milliseconds() - cpu);
    }

    private static void Add(Dictionary<string, List<Timing>> times, string kind, Timing ms)
    {
        if (!times.TryGetValue(kind, out var list)) times[kind] = list = [];
        list.Add(ms);
    }

    private static string P(List<double> values, int percentile)
    {
        if (values.Count == 0) return "–";
        var sorted = values.Order().ToList();
        var index = Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1);
        return sorted[index].ToString(sorted[index] < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
