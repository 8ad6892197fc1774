using NewsSearch.SearchStore.Conformance;
using NewsSearch.SearchStore.Elasticsearch;

namespace NewsSearch.SearchStore.Elasticsearch.Tests;

/// <summary>
/// The shared conformance suite against a real cluster: runs when ELASTICSEARCH_URL points at one (credentials in
/// the URL, or ELASTICSEARCH_API_KEY / ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD), and is reported as
/// skipped, with that reason, when it does not. Each test gets its own alias and index, deleted afterwards.
/// </summary>
public sealed class ElasticsearchConformanceTests : SearchStoreConformanceTests
{
    public const string UrlVariable = "ELASTICSEARCH_URL";

    private readonly List<ElasticsearchSearchStore> _stores = [];

    private static string? Url => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : null;

    protected override Task<ISearchStore> CreateEmptyStoreAsync()
    {
        Assert.SkipWhen(Url is null, $"No Elasticsearch cluster: set {UrlVariable} (e.g. http://localhost:9200) to run the conformance suite against one.");
        var store = ElasticsearchSearchStore.Create(new ElasticsearchOptions
        {
            Url = new Uri(Url!),
            ApiKey = Environment.GetEnvironmentVariable("ELASTICSEARCH_API_KEY"),
            Username = Environment.GetEnvironmentVariable("ELASTICSEARCH_USERNAME"),
            Password = Environment.GetEnvironmentVariable("ELASTICSEARCH_PASSWORD"),
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
