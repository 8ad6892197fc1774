namespace NewsSearch.Ingest.Api;

/// <summary>Where an article stands in the pipeline. Stored in the raw store as its lower-case name.</summary>
public enum ArticleState
{
    /// <summary>Stored, waiting for (or on its way to) enrichment.</summary>
    Pending,
    /// <summary>Enrichment confirmed it is in the search store.</summary>
    Indexed,
    /// <summary>Dead-lettered after too many failed attempts; <c>POST /api/pipeline/retry</c> sends it again.</summary>
    Failed,
    /// <summary>Removal requested; it leaves the raw store once enrichment has removed it from the index.</summary>
    Deleting,
}

/// <summary>What the raw store did with one submitted article.</summary>
public sealed record Stored(string Id, ArticleState State, bool Duplicate);

public sealed record PipelineStatus(int Received, int Pending, int Indexed, int Failed, IReadOnlyList<PipelineFailure> RecentFailures);

public sealed record PipelineFailure(string Id, string? Title, int Attempts, string Error, DateTimeOffset FailedAt);

public sealed record PipelineChange(int Articles);
