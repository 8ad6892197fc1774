using System.ComponentModel.DataAnnotations;

namespace NewsSearch.Enrichment.Api;

/// <summary>Limits of the enrichment service (configuration section <c>Enrichment</c>).</summary>
public sealed class EnrichmentOptions
{
    public const string Section = "Enrichment";

    /// <summary>The most articles one <c>POST /enrich</c> may carry (ingest sends at most 1,000); larger batches get 413.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 1000;
}
