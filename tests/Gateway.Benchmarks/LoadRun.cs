using System.Diagnostics;

namespace NewsSearch.Gateway.Benchmarks;

public sealed record LoadResult(string Target, int Concurrency, int Requests, int Errors, double Seconds, double P50, double P95, double P99)
{
    public double Throughput => Requests / Seconds;

    public string Kind { get; init; } = "search";

    /// <summary>CPU milliseconds per request spent in the query service and in the gateway during the run.</summary>
    public double QueryCpuMs { get; init; }
    public double GatewayCpuMs { get; init; }
}

/// <summary>A closed-loop load: N workers each send the next search as soon as the previous answer is read.</summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(HttpClient client, string target, string baseUrl, IReadOnlyList<string> paths, int concurrency, TimeSpan duration)
    {
        var perWorker = new List<double>[concurrency];
        var errors = new int[concurrency];
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var latencies = perWorker[worker] = new List<double>(8192);
            // Workers start at different points of the same sequence, so every target sees the same queries.
            var next = worker * paths.Count / concurrency;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var path = paths[next++ % paths.Count];
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(baseUrl + path);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode)
                        errors[worker]++;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    errors[worker]++;
                }
                latencies.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var all = perWorker.SelectMany(latencies => latencies).Order().ToArray();
        return new LoadResult(target, concurrency, all.Length, errors.Sum(), seconds, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
