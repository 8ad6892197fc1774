using System.ComponentModel.DataAnnotations;
using NewsSearch.ServiceDefaults;

namespace NewsSearch.Query.Api;

/// <summary>The query service's own limits (section <c>Query</c>).</summary>
public sealed class QueryOptions
{
    public const string Section = "Query";

    /// <summary>A search, suggestion or similar-articles call that takes longer is abandoned with 503.</summary>
    [TimeSpanRange("00:00:00.010", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many values one facet parameter (source, actor, topic) may repeat.</summary>
    [Range(1, 1000)]
    public int MaxFacetValues { get; set; } = 50;
}
