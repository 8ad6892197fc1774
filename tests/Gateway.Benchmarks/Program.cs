using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using NewsSearch.Gateway.Benchmarks;
using NewsSearch.SearchStore;
using NewsSearch.SearchStore.Benchmarks;

// Load through the gateway and straight to the query service, over the same synthetic store and query mix.
// Usage: dotnet run -c Release --project tests/Gateway.Benchmarks -- [--articles 100000] [--seconds 15] [--data DIR]
var articles = IntOption("--articles", 100_000);
var seconds = IntOption("--seconds", 15);
var concurrencies = (Option("--concurrency") ?? "1,8,32").Split(',').Select(int.Parse).ToArray();
var repository = RepositoryRoot();
var dataDir = Path.GetFullPath(Option("--data") ?? Path.Combine(repository, ".data", "bench", $"gateway-{articles}"));
// The services are started from the same build configuration as this benchmark (Release for real numbers).
var configuration = typeof(QueryMix).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

Console.WriteLine($"Gateway benchmark: {articles:N0} articles, {seconds} s per run, concurrency {string.Join(", ", concurrencies)}, {configuration} build");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {LoadAverage()}; data in {dataDir}");
await EnsureStoreAsync(dataDir, articles);

var logs = Path.Combine(dataDir, "logs");
Directory.CreateDirectory(logs);
await using var query = await ServiceProcess.StartAsync(
    Path.Combine(repository, "src", "Query.Api", "bin", configuration, "net10.0", "Query.Api.dll"),
    Path.Combine(logs, "query.log"),
    new Dictionary<string, string> { ["Data:Dir"] = dataDir });
await using var gateway = await ServiceProcess.StartAsync(
    Path.Combine(repository, "src", "Gateway", "bin", configuration, "net10.0", "Gateway.dll"),
    Path.Combine(logs, "gateway.log"),
    new Dictionary<string, string>
    {
        ["Data:Dir"] = dataDir,
        ["services:query:http:0"] = query.Url,
        // All load comes from one client IP: its read budget is lifted so the run measures proxying, not the limiter.
        // The cap on concurrent searches keeps its defaults.
        ["Gateway:RateLimits:Reads:TokenLimit"] = "1000000",
        ["Gateway:RateLimits:Reads:TokensPerPeriod"] = "1000000",
    });

var paths = QueryMix.Create(perKind: 40);
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(30) };

Console.WriteLine($"Query mix: {paths.Count} searches. Warming up both targets...");
await LoadRun.RunAsync(client, "warm-up", query.Url, paths, 4, TimeSpan.FromSeconds(Math.Max(3, seconds / 3)));
await LoadRun.RunAsync(client, "warm-up", gateway.Url, paths, 4, TimeSpan.FromSeconds(Math.Max(3, seconds / 3)));

var results = await MeasureAsync("search", paths, concurrencies);

// Article lookups cost the store almost nothing, so they show the gateway's own overhead where searches drown it.
var lookups = new SyntheticCorpus().Generate(500).Select(a => $"/api/articles/{a.Article.Id}").ToList();
var lookupResults = await MeasureAsync("article", lookups, [1, 8]);

Console.WriteLine();
Console.WriteLine($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average at the end {LoadAverage()}");
Console.WriteLine("| requests | target | concurrency | count | per s | p50 ms | p95 ms | p99 ms | errors | query CPU ms/req | gateway CPU ms/req |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var result in results.Concat(lookupResults))
    Console.WriteLine(Row(result));
Console.WriteLine();
Console.WriteLine("| requests | concurrency | gateway adds at p50 | at p95 | at p99 |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var group in results.Concat(lookupResults).GroupBy(r => (r.Kind, r.Concurrency)))
{
    var direct = group.Single(r => r.Target != "gateway");
    var proxied = group.Single(r => r.Target == "gateway");
    Console.WriteLine($"| {group.Key.Kind} | {group.Key.Concurrency} | {F(proxied.P50 - direct.P50)} ms | {F(proxied.P95 - direct.P95)} ms | {F(proxied.P99 - direct.P99)} ms |");
}
return 0;

async Task<List<LoadResult>> MeasureAsync(string kind, IReadOnlyList<string> requests, IEnumerable<int> levels)
{
    var measured = new List<LoadResult>();
    await LoadRun.RunAsync(client, "warm-up", query.Url, requests, 2, TimeSpan.FromSeconds(2));
    await LoadRun.RunAsync(client, "warm-up", gateway.Url, requests, 2, TimeSpan.FromSeconds(2));
    foreach (var concurrency in levels)
    {
        // Direct and through the gateway back to back, so both see the same machine load as far as possible.
        foreach (var (target, url) in new[] { ("query (direct)", query.Url), ("gateway", gateway.Url) })
        {
            var (queryCpu, gatewayCpu) = (query.CpuTime, gateway.CpuTime);
            var result = await LoadRun.RunAsync(client, target, url, requests, concurrency, TimeSpan.FromSeconds(seconds));
            result = result with
            {
                Kind = kind,
                QueryCpuMs = (query.CpuTime - queryCpu).TotalMilliseconds / Math.Max(1, result.Requests),
                GatewayCpuMs = (gateway.CpuTime - gatewayCpu).TotalMilliseconds / Math.Max(1, result.Requests),
            };
            measured.Add(result);
            Console.WriteLine(Row(result));
        }
    }
    return measured;
}

static string Row(LoadResult r) =>
    $"| {r.Kind} | {r.Target} | {r.Concurrency} | {r.Requests} | {r.Throughput:F0} | {F(r.P50)} | {F(r.P95)} | {F(r.P99)} | {r.Errors} | {F(r.QueryCpuMs)} | {F(r.GatewayCpuMs)} |";

static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

static async Task EnsureStoreAsync(string dataDir, int count)
{
    var store = SearchStoreFactory.Create(new SearchStoreOptions { DataDir = dataDir });
    try
    {
        await store.InitializeAsync(CancellationToken.None);
        var existing = await store.CountAsync(CancellationToken.None);
        if (existing == count)
        {
            Console.WriteLine($"Reusing the store with {existing:N0} articles.");
            return;
        }
        if (existing != 0)
            throw new InvalidOperationException($"{dataDir} holds {existing:N0} articles, not {count:N0}; pass another --data.");

        var watch = Stopwatch.StartNew();
        foreach (var batch in new SyntheticCorpus().Generate(count).Select(a => a.Article).Chunk(1000))
        {
            var result = await store.UpsertAsync(batch, CancellationToken.None);
            if (!result.AllIndexed)
                throw new InvalidOperationException("Indexing failed: " + string.Join("; ", result.Failed.Values.Take(3)));
        }
        Console.WriteLine($"Indexed {count:N0} synthetic articles in {watch.Elapsed.TotalSeconds:F0} s.");
    }
    finally
    {
        (store as IDisposable)?.Dispose();
    }
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Search.sln")))
            return dir.FullName;
    throw new InvalidOperationException("Run the benchmark from inside the repository.");
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

int IntOption(string name, int fallback) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
