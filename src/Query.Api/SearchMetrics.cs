using System.Diagnostics.Metrics;
using NewsSearch.SearchStore;
using NewsSearch.ServiceDefaults;

namespace NewsSearch.Query.Api;

/// <summary>
/// Searches as OpenTelemetry instruments (meter <c>NewsSearch.Query</c>), for the dashboard's Metrics page: how
/// long the store took, how many articles matched, and how big the store is.
/// </summary>
public sealed class SearchMetrics
{
    public const string MeterName = "NewsSearch.Query";

    private readonly Histogram<double> _latency;
    private readonly Histogram<long> _results;
    private long _storeArticles;

    public SearchMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _latency = meter.CreateHistogram<double>("newssearch.search.duration", "ms",
            "Time the search store took to answer one search, facets and highlights included (GET /api/search).");
        _results = meter.CreateHistogram<long>("newssearch.search.results", "{article}",
            "Articles matching one search (its total, not the page size).");
        meter.CreateObservableGauge("newssearch.store.articles", () => Volatile.Read(ref _storeArticles), "{article}",
            "Articles in the search store, as the query service last counted them.");
    }

    public void Searched(SearchResult result)
    {
        _latency.Record(result.TookMs);
        _results.Record(result.Total);
    }

    public void StoreHolds(long articles) => Volatile.Write(ref _storeArticles, articles);
}

/// <summary>Counts the store's articles every few seconds for the gauge.</summary>
public sealed class StoreSizeGauge(ISearchStore store, SearchMetrics metrics, ILogger<StoreSizeGauge> logger)
    : PeriodicReading(TimeSpan.FromSeconds(10), logger)
{
    protected override async Task ReadAsync(CancellationToken cancellationToken) =>
        metrics.StoreHolds(await store.CountAsync(cancellationToken));
}
