using System.ComponentModel.DataAnnotations;
using NewsSearch.ServiceDefaults;

namespace NewsSearch.Ingest.Api;

/// <summary>Configuration section <c>Ingest</c>: limits and delivery tuning.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>The largest accepted article, in bytes of the request body (or of one NDJSON line).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxArticleBytes { get; set; } = 1024 * 1024;

    /// <summary>How many articles go to enrichment in one <c>POST /enrich</c>.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 64;

    /// <summary>How many batches may be on their way to enrichment at once.</summary>
    [Range(1, 32)]
    public int Concurrency { get; set; } = 2;

    /// <summary>
    /// How long the dispatcher lets new articles gather before claiming a batch while another batch is in flight:
    /// a little latency for far fewer, fuller batches when articles trickle in.
    /// </summary>
    [TimeSpanRange("00:00:00", "00:00:01")]
    public TimeSpan CoalesceDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>After this many failed attempts an article is <c>failed</c> (dead-lettered) with its reason.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry delay; each further attempt doubles it (with jitter), up to <see cref="MaxRetryDelay"/>.</summary>
    [TimeSpanRange("00:00:00.001", "01:00:00")]
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [TimeSpanRange("00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one call to enrichment may take before it counts as unavailable.</summary>
    [TimeSpanRange("00:00:01", "00:10:00")]
    public TimeSpan EnrichTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many of the latest failures <c>GET /api/pipeline</c> lists.</summary>
    [Range(0, 1000)]
    public int RecentFailures { get; set; } = 20;
}

/// <summary>Configuration section <c>Data</c>: where the raw store lives.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    [Required]
    public string Dir { get; set; } = ".data";
}

/// <summary>Configuration section <c>Seeds</c>: the folder imported on start.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seeds";

    [Required]
    public string Dir { get; set; } = "seeds";

    public bool Import { get; set; } = true;

    /// <summary>
    /// The reference date of the seed articles (see <see cref="NewsSearch.Articles.ArticleMetadata.AsOf"/>): the shipped seeds
    /// were collected on 15 November 2025 (appsettings.json). Set it empty for a folder of another time.
    /// </summary>
    public DateOnly? AsOf { get; set; }
}
