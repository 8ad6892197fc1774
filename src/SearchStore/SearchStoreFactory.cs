using NewsSearch.SearchStore.Elasticsearch;
using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore;

/// <summary>Builds the configured store. The caller owns the store and calls <see cref="ISearchStore.InitializeAsync"/>.</summary>
public static class SearchStoreFactory
{
    /// <param name="options">The backend and its settings.</param>
    /// <param name="httpClient">The client the Elasticsearch store sends requests with; unused by the embedded store.</param>
    public static ISearchStore Create(SearchStoreOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.UsesElasticsearch)
        {
            var elasticsearch = ElasticsearchOptions.From(options);
            return httpClient is null ? ElasticsearchSearchStore.Create(elasticsearch) : new ElasticsearchSearchStore(httpClient, elasticsearch);
        }
        if (!string.Equals(options.Backend, SearchStoreOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Unknown search backend '{options.Backend}'; use 'sqlite' or 'elasticsearch'.");
        return new SqliteSearchStore(options.SqlitePath);
    }
}
