using System.Diagnostics.Metrics;

namespace NewsSearch.Enrichment.Api;

/// <summary>Enrichment as OpenTelemetry instruments (meter <c>NewsSearch.Enrichment</c>), for the dashboard's Metrics page.</summary>
public sealed class EnrichmentMetrics
{
    public const string MeterName = "NewsSearch.Enrichment";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _articles;

    public EnrichmentMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>("newssearch.enrichment.duration", "ms",
            "CPU time to enrich one article: cleaning, title, publisher, date, actors, topics and quotes (storing not included).");
        _articles = meter.CreateCounter<long>("newssearch.enrichment.articles", "{article}",
            "Articles enriched, by outcome: 'indexed' (stored in the search store) or 'rejected' (empty, not English, malformed, or refused by the store).");
    }

    public void Enriched(TimeSpan took) => _duration.Record(took.TotalMilliseconds);

    public void Outcomes(int indexed, int rejected)
    {
        _articles.Add(indexed, new KeyValuePair<string, object?>("outcome", "indexed"));
        _articles.Add(rejected, new KeyValuePair<string, object?>("outcome", "rejected"));
    }
}
