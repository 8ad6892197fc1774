using NewsSearch.SearchStore.Elasticsearch;
using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore;

/// <summary>Builds the configured store. The caller owns the store and calls <see cref="ISearchStore.InitializeAsync"/>.</summary>
public static class SearchStoreFactory
{
    /// <param name="options">The backend and its settings. The Elasticsearch store brings its own HTTP connections
    /// and retries (the official client's), so it takes no HttpClient.</param>
    public static ISearchStore Create(SearchStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.UsesElasticsearch) return new ElasticsearchSearchStore(ElasticsearchOptions.From(options));
        if (!string.Equals(options.Backend, SearchStoreOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Unknown search backend '{options.Backend}'; use 'sqlite' or 'elasticsearch'.");
        return new SqliteSearchStore(options.SqlitePath);
    }
}
