using System.Diagnostics;
using System.Globalization;
using NewsSearch.Ingest.Benchmarks;
using NewsSearch.SearchStore.Benchmarks;

// End-to-end ingest throughput (articles/s from the first request until every article is searchable), the
// time from acknowledgement to searchable, per article, and the CPU each process spent per article. Usage:
//   dotnet run -c Release --project tests/Ingest.Benchmarks -- [--articles 10000] [--batch 500] [--senders 2]
//       [--target system|direct] [--dispatch-batch 64] [--rate 0]
// --target system (default) starts the AppHost and writes through the gateway; direct starts only ingest and enrichment.
// --rate N paces the senders at N articles/s (0: as fast as acknowledged), to measure latency below saturation.
var options = Arguments.Parse(args);
var texts = new SyntheticCorpus().Generate(options.Articles).Select(article => article.RawText).ToList();
Console.WriteLine($"{DateTimeOffset.UtcNow:u}  {texts.Count} synthetic articles ({texts.Sum(text => text.Length) / 1024 / 1024} MB), " +
                  $"batches of {options.Batch}, {options.Senders} senders, rate {(options.Rate > 0 ? $"{options.Rate}/s" : "unpaced")}, target {options.Target}, {Environment.ProcessorCount} cores");

await using var system = options.Target == "direct"
    ? await SystemUnderTest.StartIngestAndEnrichmentAsync(options.DispatchBatch)
    : await SystemUnderTest.StartWholeSystemAsync();

var clock = Stopwatch.StartNew();
await using var searchability = new Searchability(system.DataDir, clock);
searchability.Start();
// Warm-up, not measured: the first requests pay for JIT compilation and the store's creation in every service.
var warmUp = new Loader(system.WriteUrl, system.ApiKey, clock);
await warmUp.LoadAsync([.. new SyntheticCorpus(seed: 1).Generate(50).Select(article => article.RawText)], 10, 1, 0);
while (warmUp.AcknowledgedAt.Keys.Any(id => !searchability.VisibleAt.ContainsKey(id)))
{
    await Task.Delay(20);
}

var start = clock.Elapsed;
var cpu = ProcessCpu.Start();
var loadAtStart = ProcessCpu.LoadAverage();
var loader = new Loader(system.WriteUrl, system.ApiKey, clock);
using var progress = new Timer(_ => Console.WriteLine(
    $"  {(clock.Elapsed - start).TotalSeconds,6:F1} s  acknowledged {loader.AcknowledgedAt.Count,6}  searchable {searchability.VisibleAt.Count - warmUp.AcknowledgedAt.Count,6}"),
    null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
await loader.LoadAsync(texts, options.Batch, options.Senders, options.Rate);
var acknowledged = clock.Elapsed - start;
var ids = loader.AcknowledgedAt.Keys.ToList();
Console.WriteLine($"acknowledged {ids.Count} distinct ids in {acknowledged.TotalSeconds:F1} s ({ids.Count / acknowledged.TotalSeconds:F0}/s); {loader.Rejections.Count} rejected");

var deadline = TimeSpan.FromMinutes(15);
while (ids.Any(id => !searchability.VisibleAt.ContainsKey(id)))
{
    if (clock.Elapsed - start > deadline)
    {
        Console.WriteLine($"gave up: {ids.Count(searchability.VisibleAt.ContainsKey)} of {ids.Count} searchable after {deadline}");
        return 1;
    }

    await Task.Delay(20);
}

var allSearchable = ids.Max(id => searchability.VisibleAt[id]) - start;
// A result line can arrive a little after enrichment already indexed the article; that counts as zero.
var latencies = ids.Select(id => Math.Max(0, (searchability.VisibleAt[id] - loader.AcknowledgedAt[id]).TotalMilliseconds)).Order().ToList();
double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p / 100 * latencies.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"end to end: {ids.Count} articles searchable in {allSearchable.TotalSeconds:F1} s = {ids.Count / allSearchable.TotalSeconds:F0} articles/s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ack -> searchable: p50 {Percentile(50):F0} ms, p95 {Percentile(95):F0} ms, p99 {Percentile(99):F0} ms, max {latencies[^1]:F0} ms"));
var spent = cpu.Since().Where(process => process.Cpu >= TimeSpan.FromMilliseconds(50)).ToList();
if (spent.Count > 0)
{
    var total = spent.Sum(process => process.Cpu.TotalMilliseconds);
    var perProcess = string.Join(", ", spent.Select(process => string.Create(CultureInfo.InvariantCulture, $"{process.Name} {process.Cpu.TotalMilliseconds / ids.Count:F2}")));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"CPU from the first request until all searchable: {total / 1000:F1} s = {total / ids.Count:F2} ms per article; by process (ms per article): {perProcess}"));
}

Console.WriteLine($"load average: {loadAtStart} at the start, {ProcessCpu.LoadAverage()} at the end");
return 0;

internal sealed record Arguments(int Articles, int Batch, int Senders, string Target, int DispatchBatch, double Rate)
{
    public static Arguments Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        var target = Value("--target", "system");
        if (target is not ("system" or "direct"))
        {
            throw new ArgumentException("--target is system or direct");
        }

        return new Arguments(
            int.Parse(Value("--articles", "10000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--batch", "500"), CultureInfo.InvariantCulture),
            int.Parse(Value("--senders", "2"), CultureInfo.InvariantCulture),
            target,
            int.Parse(Value("--dispatch-batch", "64"), CultureInfo.InvariantCulture),
            double.Parse(Value("--rate", "0"), CultureInfo.InvariantCulture));
    }
}
