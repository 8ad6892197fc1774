using NewsSearch.Articles;
using NewsSearch.SearchStore;

namespace NewsSearch.Query.IntegrationTests;

/// <summary>Writes articles into <c>{dataDir}/search.db</c> the way the enrichment service does.</summary>
public static class TestStore
{
    public static async Task CreateAsync(string dataDir, IReadOnlyList<EnrichedArticle> articles)
    {
        var store = SearchStoreFactory.Create(new SearchStoreOptions { DataDir = dataDir });
        try
        {
            await store.InitializeAsync(CancellationToken.None);
            var result = await store.UpsertAsync(articles, CancellationToken.None);
            if (!result.AllIndexed)
                throw new InvalidOperationException("Test articles were not indexed: " + string.Join("; ", result.Failed.Values));
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }
}
