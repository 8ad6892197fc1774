using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Transport;
using NewsSearch.Articles;
using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>
/// The search store over Elasticsearch 9.x, through Elastic's official client. Every request goes through an alias
/// (<see cref="ElasticsearchOptions.Alias"/>) that points at a versioned index, so a schema change builds a new
/// index beside the old one and swaps the alias in one atomic <c>_aliases</c> call (see <see cref="IndexVersions"/>).
/// </summary>
public sealed partial class ElasticsearchSearchStore : ISearchStore, IDisposable
{
    private const int MaxSuggestions = 50;

    private readonly ElasticsearchClient _client;
    private readonly BulkIndexer _bulk;
    private readonly IndexVersions _versions;
    private readonly string _alias;

    /// <param name="options">The cluster and how to use it.</param>
    /// <param name="handler">Replaces the client's HTTP handler, for tests that capture what is sent; null in services.</param>
    public ElasticsearchSearchStore(ElasticsearchOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IndexNamePattern().IsMatch(options.Alias))
            throw new ArgumentException($"'{options.Alias}' is not a valid Elasticsearch alias: lowercase letters, digits, '.', '_' and '-' only.", nameof(options));
        _client = ClusterClient.Create(options, handler);
        _bulk = new BulkIndexer(_client, options);
        _versions = new IndexVersions(_client, _bulk, options.Alias);
        _alias = options.Alias;
    }

    /// <summary>The concrete index this version of the code reads and writes.</summary>
    public string IndexName => ArticleIndex.IndexName(_alias);

    public Task InitializeAsync(CancellationToken cancellationToken) => _versions.EnsureCurrentAsync(cancellationToken);

    public async Task<EnrichedArticle?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _client.GetAsync<JsonObject>(new GetRequest(_alias, id), cancellationToken);
        // A missing document is an answer (404 with found: false); a missing index is an error (404 with an error).
        if (!response.Found && response.ElasticsearchServerError is null && response.ApiCallDetails.HttpStatusCode == 404) return null;
        response.Valid($"Reading {id}", cancellationToken);
        return response.Found ? ArticleIndex.Article(id, response.Source) : null;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var response = await _client.CountAsync(new CountRequest(_alias), cancellationToken);
        return response.Valid("Counting", cancellationToken).Count;
    }

    public async Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            var count = await CountAsync(cancellationToken);
            return new StoreHealth(true, $"Elasticsearch alias '{_alias}': {count} articles.");
        }
        // The client throws, rather than answers, for a server that is not Elasticsearch and for an answer it cannot read.
        catch (Exception e) when (e is ElasticsearchException or TransportException or UnsupportedProductException)
        {
            return new StoreHealth(false, $"Elasticsearch alias '{_alias}' is not usable: {e.Message}");
        }
    }

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors.Values), nameof(request));

        var stopwatch = Stopwatch.StartNew();
        var aliases = await AliasFormsAsync(QueryTranslator.AliasKeys(request.Query), cancellationToken);
        var response = await _client.SearchAsync<JsonObject>(FacetedSearch.Request(_alias, request, aliases), cancellationToken);
        return SearchResults.Result(response.Valid("Searching", cancellationToken), request, stopwatch.ElapsedMilliseconds);
    }

    /// <summary>
    /// The other names of every actor a query word or phrase names, from all indexed articles: "Turkey" also
    /// searches "Türkiye" when any article lists Turkey as Türkiye's alias. One aggregation request, skipped
    /// when the query has no plain words.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> AliasFormsAsync(IReadOnlySet<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0) return QueryTranslator.NoAliases;
        var response = await _client.SearchAsync<JsonObject>(LookupSearches.AliasLookup(_alias, keys), cancellationToken);
        return LookupResults.AliasForms(response.Valid("Looking up actor aliases", cancellationToken), keys);
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, MaxSuggestions);
        var key = QueryTranslator.Key([prefix ?? ""]);
        if (key.Length == 0) return [];
        var withTitles = key.Length >= QueryParser.MinPrefixLength;
        var response = await _client.SearchAsync<JsonObject>(LookupSearches.Suggest(_alias, prefix!.Trim(), limit, withTitles), cancellationToken);
        return LookupResults.Suggestions(response.Valid("Suggesting", cancellationToken), limit);
    }

    public async Task<IReadOnlyList<SearchHit>> SimilarAsync(string id, int limit, CancellationToken cancellationToken)
    {
        if (limit < 1) return [];
        var article = await GetAsync(id, cancellationToken);
        if (article is null) return [];
        var response = await _client.SearchAsync<JsonObject>(LookupSearches.Similar(_alias, article, limit), cancellationToken);
        return SearchResults.Hits(response.Valid("Finding similar coverage", cancellationToken));
    }

    public async Task<StoryDetail?> StoryAsync(string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        var response = await _client.SearchAsync<JsonObject>(StoryLookup.Request(_alias, id.Trim()), cancellationToken);
        return StoryLookup.Read(response.Valid($"Reading story {id}", cancellationToken), id.Trim());
    }

    /// <summary>Deletes this version's index (and so the alias on it): for tests and tear-down, never called by the services.</summary>
    public async Task DeleteIndexAsync(CancellationToken cancellationToken)
    {
        var response = await _client.Indices.DeleteAsync(new DeleteIndexRequest(IndexName), cancellationToken);
        if (response.ApiCallDetails.HttpStatusCode != 404) response.Valid($"Deleting index {IndexName}", cancellationToken);
    }

    /// <summary>The client owns its connections; disposing its transport's invoker closes them.</summary>
    public void Dispose()
    {
        _writeLock.Dispose();
        (_client.ElasticsearchClientSettings.RequestInvoker as IDisposable)?.Dispose();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,200}$")]
    private static partial Regex IndexNamePattern();
}
