using NewsSearch.Articles;

namespace NewsSearch.SearchStore;

/// <summary>
/// The search store contract. Two implementations (embedded SQLite FTS5 and Elasticsearch) pass
/// the same conformance suite (tests/SearchStore.Conformance).
/// </summary>
public interface ISearchStore
{
    /// <summary>Creates the index, or upgrades it to the current schema version.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces articles by id. Upserting the same article twice changes nothing.</summary>
    Task<UpsertResult> UpsertAsync(IReadOnlyList<EnrichedArticle> articles, CancellationToken cancellationToken);

    /// <summary>Removes an article; false when there was none with that id.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    Task<EnrichedArticle?> GetAsync(string id, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);

    Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken);

    Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken);

    /// <summary>Prefix completions over actor names, topics, sources and titles.</summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken);

    /// <summary>Other coverage of the same story: shared actors, dates and distinctive terms. Empty when the id is unknown.</summary>
    Task<IReadOnlyList<SearchHit>> SimilarAsync(string id, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The facet values of every article the search matches (paging ignored), oldest first for
    /// <see cref="SortOrder.Oldest"/> and newest first otherwise, each read as the caller asks for it: the
    /// store keeps the matches' positions, never the articles, so a caller that consumes one at a time runs in
    /// constant memory. For exports and the analyses (matrix, attention, compare).
    /// </summary>
    IAsyncEnumerable<MatchedArticle> MatchesAsync(SearchRequest request, CancellationToken cancellationToken);

    /// <summary>The whole articles of <see cref="MatchesAsync"/>, in the same order, one at a time; the body only when asked for.</summary>
    IAsyncEnumerable<EnrichedArticle> MatchedArticlesAsync(SearchRequest request, bool withBody, CancellationToken cancellationToken);

    /// <summary>
    /// A story: the articles about one event, grouped as they are indexed (see <see cref="EnrichedArticle.Story"/>).
    /// Null when no live article belongs to a story of that id.
    /// </summary>
    Task<StoryDetail?> StoryAsync(string id, CancellationToken cancellationToken);
}

/// <summary>
/// A story as the API shows it: its id (the id of the article that began it), a label made of what its articles share,
/// its size, its publication-date span (dated articles only; <see cref="Undated"/> counts the others) and its outlets.
/// </summary>
public sealed record StoryDetail(
    string Id,
    string Label,
    long Size,
    DateOnly? First,
    DateOnly? Last,
    long Undated,
    IReadOnlyList<FacetValue> Outlets);

/// <summary>Per-item outcome of an upsert; <see cref="Failed"/> maps ids to reasons.</summary>
public sealed record UpsertResult(int Indexed, IReadOnlyDictionary<string, string> Failed)
{
    public bool AllIndexed => Failed.Count == 0;
}

public sealed record StoreHealth(bool Healthy, string Description);

public sealed record Suggestion(string Value, SuggestionKind Kind, long Count)
{
    /// <summary>The order every backend answers in: most frequent first, then by kind and value; at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<Suggestion> Best(IEnumerable<Suggestion> suggestions, int limit) => suggestions
        .OrderByDescending(s => s.Count)
        .ThenBy(s => s.Kind)
        .ThenBy(s => s.Value, StringComparer.OrdinalIgnoreCase)
        .Take(limit)
        .ToList();
}

public enum SuggestionKind
{
    Actor,
    Topic,
    Source,
    Title,
}
