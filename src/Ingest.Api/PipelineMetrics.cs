using System.Diagnostics.Metrics;
using NewsSearch.ServiceDefaults;

namespace NewsSearch.Ingest.Api;

/// <summary>
/// The delivery pipeline as OpenTelemetry instruments (meter <c>NewsSearch.Ingest</c>), for the dashboard's
/// Metrics page: what came in and what enrichment did with it as counters, and how many articles wait in each
/// state as gauges read from the raw store by <see cref="PipelineGauges"/>.
/// </summary>
public sealed class PipelineMetrics
{
    public const string MeterName = "NewsSearch.Ingest";

    private readonly Counter<long> _received;
    private readonly Counter<long> _indexed;
    private readonly Counter<long> _refused;
    private PipelineStatus? _lastStatus;

    public PipelineMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _received = meter.CreateCounter<long>("newssearch.ingest.articles.received", "{article}",
            "New articles accepted and durably stored (the same text again is not counted).");
        _indexed = meter.CreateCounter<long>("newssearch.ingest.articles.indexed", "{article}",
            "Articles enrichment confirmed as indexed (a re-enrichment counts them again).");
        _refused = meter.CreateCounter<long>("newssearch.ingest.delivery.refusals", "{article}",
            "Delivery attempts enrichment answered with a failure for the article; after Ingest:MaxAttempts it is marked failed.");
        meter.CreateObservableGauge("newssearch.ingest.articles.pending", () => _lastStatus?.Pending ?? 0, "{article}",
            "Articles stored but not yet indexed: waiting for delivery or for a retry.");
        meter.CreateObservableGauge("newssearch.ingest.articles.failed", () => _lastStatus?.Failed ?? 0, "{article}",
            "Articles that used up their attempts (dead letters); POST /api/pipeline/retry or the dashboard's 'Retry failed articles' sends them again.");
        meter.CreateObservableGauge("newssearch.ingest.articles.stored", () => _lastStatus?.Received ?? 0, "{article}",
            "Every article in the raw store, the source of truth the index can be rebuilt from.");
    }

    public void Received(int count) => _received.Add(count);

    public void Delivered(int indexedCount, int refusedCount)
    {
        _indexed.Add(indexedCount);
        _refused.Add(refusedCount);
    }

    public void Observe(PipelineStatus status) => _lastStatus = status;
}

/// <summary>Reads the raw store's counts every few seconds for the gauges.</summary>
public sealed class PipelineGauges(RawStore store, PipelineMetrics metrics, ILogger<PipelineGauges> logger)
    : PeriodicReading(TimeSpan.FromSeconds(5), logger)
{
    protected override async Task ReadAsync(CancellationToken cancellationToken) =>
        metrics.Observe(await store.GetStatusAsync(recentFailures: 0, cancellationToken));
}
