namespace NewsSearch.Articles;

/// <summary>
/// The answer to a search, shaped as the public API returns it (README, API). Here, beside the article types, so the
/// web UI reads the query API's answers without referencing the search store.
/// </summary>
public sealed record SearchResult(
    long Total,
    int Page,
    int Size,
    long TookMs,
    IReadOnlyList<SearchHit> Hits,
    SearchFacets Facets)
{
    /// <summary>Deep paging is bounded: page × size may not pass this (as Elasticsearch's max_result_window).</summary>
    public const int MaxResultWindow = 10_000;
}

/// <summary>
/// One result. <see cref="Snippet"/> is HTML-safe: matches wrapped in &lt;mark&gt;, everything else escaped.
/// </summary>
public sealed record SearchHit(
    string Id,
    string Title,
    string Source,
    DateOnly? Published,
    string Snippet,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Topics,
    double Score,
    string? Story = null)
{
    /// <summary>False when the publication year is unknown (<see cref="Published"/> is null): the article is undated.</summary>
    public bool YearKnown => Published is not null;
}

/// <summary>
/// Facet counts. Source, actor and topic counts are disjunctive: each ignores its own facet's
/// selection but honours every other filter. Selected values are always present.
/// <see cref="Undated"/> counts the matches whose publication year is unknown: they have no bar in <see cref="Date"/>.
/// </summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Source,
    IReadOnlyList<FacetValue> Actor,
    IReadOnlyList<FacetValue> Topic,
    IReadOnlyList<DateBucket> Date,
    DateInterval DateInterval,
    long Undated = 0)
{
    /// <summary>The stories of the matches (disjunctive like the others), each value a story id with its <see cref="FacetValue.Label"/>.</summary>
    public IReadOnlyList<FacetValue> Story { get; init; } = [];
}

/// <summary>
/// A facet value with its count; <see cref="Type"/> is the actor type for actor values, <see cref="Label"/> the
/// generated label of a story value (whose <see cref="Value"/> is the story id); otherwise null.
/// </summary>
public sealed record FacetValue(string Value, long Count, bool Selected, string? Type = null, string? Label = null);

/// <summary>A date-histogram bucket; <see cref="Value"/> is yyyy-MM-dd for day buckets, yyyy-MM for month buckets.</summary>
public sealed record DateBucket(string Value, long Count);

public enum DateInterval
{
    Day,
    Month,
}
