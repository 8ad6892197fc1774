using NewsSearch.SearchStore;

namespace NewsSearch.Enrichment.Api;

/// <summary>Creates or upgrades the index before the service takes requests, so the first upsert never meets a missing schema.</summary>
internal sealed class SearchStoreInitializer(ISearchStore store, ILogger<SearchStoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        logger.LogInformation("Search store initialised");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
