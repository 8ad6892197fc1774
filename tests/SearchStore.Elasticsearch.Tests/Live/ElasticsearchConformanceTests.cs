using NewsSearch.SearchStore.Conformance;

namespace NewsSearch.SearchStore.Elasticsearch.Tests.Live;

/// <summary>
/// The shared conformance suite against a real Elasticsearch 9 cluster (see <see cref="LiveCluster"/>), reported
/// as skipped, with the reason, where there is none. Each test gets its own alias and index, deleted afterwards.
/// </summary>
public sealed class ElasticsearchConformanceTests(LiveCluster cluster) : SearchStoreConformanceTests, IClassFixture<LiveCluster>
{
    private readonly List<ElasticsearchSearchStore> _stores = [];

    protected override Task<ISearchStore> CreateEmptyStoreAsync()
    {
        if (cluster.SkipReason is { } reason) Assert.Skip(reason);
        var store = new ElasticsearchSearchStore(new ElasticsearchOptions
        {
            Connection = ElasticsearchConnection.Parse(cluster.ConnectionString),
            Alias = $"conformance-{Guid.NewGuid():N}",
        });
        _stores.Add(store);
        return Task.FromResult<ISearchStore>(store);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var store in _stores) await store.DeleteIndexAsync(CancellationToken.None);
        _stores.Clear();
        await base.DisposeAsync();
    }
}
