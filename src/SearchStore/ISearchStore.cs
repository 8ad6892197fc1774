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
}

/// <summary>Per-item outcome of an upsert; <see cref="Failed"/> maps ids to reasons.</summary>
public sealed record UpsertResult(int Indexed, IReadOnlyDictionary<string, string> Failed)
{
    public bool AllIndexed => Failed.Count == 0;
}

public sealed record StoreHealth(bool Healthy, string Description);

public sealed record Suggestion(string Value, SuggestionKind Kind, long Count);

public enum SuggestionKind
{
    Actor,
    Topic,
    Source,
    Title,
}
