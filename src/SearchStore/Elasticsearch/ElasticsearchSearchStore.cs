using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsSearch.Articles;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>
/// The search store over Elasticsearch's documented REST API (8.x/9.x). Every request goes through an alias
/// (<see cref="ElasticsearchOptions.Alias"/>) that points at a versioned index, so a schema change builds a new
/// index beside the old one and swaps the alias in one atomic <c>_aliases</c> call.
/// </summary>
public sealed partial class ElasticsearchSearchStore : ISearchStore, IDisposable
{
    private const int CopyPageSize = 500;

    private readonly HttpClient _http;
    private readonly ElasticsearchTransport _transport;
    private readonly BulkIndexer _bulk;
    private readonly string _alias;

    public ElasticsearchSearchStore(HttpClient http, ElasticsearchOptions options)
    {
        if (!IndexNamePattern().IsMatch(options.Alias))
            throw new ArgumentException($"'{options.Alias}' is not a valid Elasticsearch alias: lowercase letters, digits, '.', '_' and '-' only.", nameof(options));
        _http = http;
        _transport = new ElasticsearchTransport(http);
        _bulk = new BulkIndexer(_transport, options);
        _alias = options.Alias;
    }

    /// <summary>A store with its own HttpClient (base address and authentication from <paramref name="options"/>).</summary>
    public static ElasticsearchSearchStore Create(ElasticsearchOptions options, HttpMessageHandler? handler = null) =>
        new(ElasticsearchTransport.CreateHttpClient(options, handler), options);

    /// <summary>The concrete index this version of the code reads and writes.</summary>
    public string IndexName => ArticleIndex.IndexName(_alias);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var current = await AliasTargetsAsync(cancellationToken);
        if (current.Count == 1 && current[0] == IndexName) return;

        var created = await CreateIndexAsync(cancellationToken);
        // A fresh index under an alias that already served an older schema: carry its articles over before the swap.
        if (created)
        {
            foreach (var old in current.Where(index => index != IndexName))
                await CopyAsync(old, cancellationToken);
        }

        var actions = new JsonArray();
        foreach (var old in current.Where(index => index != IndexName))
            actions.Add(new JsonObject { ["remove"] = new JsonObject { ["index"] = old, ["alias"] = _alias } });
        actions.Add(new JsonObject { ["add"] = new JsonObject { ["index"] = IndexName, ["alias"] = _alias } });
        (await _transport.SendAsync(HttpMethod.Post, "_aliases", new JsonObject { ["actions"] = actions }, cancellationToken)).EnsureSuccess();
    }

    private async Task<IReadOnlyList<string>> AliasTargetsAsync(CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(HttpMethod.Get, $"_alias/{_alias}", (JsonNode?)null, cancellationToken);
        if (response.Status == HttpStatusCode.NotFound) return [];
        response.EnsureSuccess();
        return response.Body is JsonObject indices ? [.. indices.Select(pair => pair.Key).Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>Creates the current index; false when it already exists (another instance may have just created it).</summary>
    private async Task<bool> CreateIndexAsync(CancellationToken cancellationToken)
    {
        var exists = await _transport.SendAsync(HttpMethod.Head, IndexName, (JsonNode?)null, cancellationToken);
        if (exists.Status == HttpStatusCode.OK) return false;

        var response = await _transport.SendAsync(HttpMethod.Put, IndexName, ArticleIndex.CreateIndexBody(), cancellationToken);
        if (response.ErrorType == "resource_already_exists_exception") return false;
        response.EnsureSuccess();
        return true;
    }

    /// <summary>Re-indexes every article of an older index into the current one, pages in id order.</summary>
    private async Task CopyAsync(string oldIndex, CancellationToken cancellationToken)
    {
        JsonNode? after = null;
        while (true)
        {
            var page = new JsonObject
            {
                ["size"] = CopyPageSize,
                ["query"] = QueryTranslator.MatchAll(),
                ["sort"] = new JsonArray(new JsonObject { [ArticleIndex.Id] = new JsonObject { ["order"] = "asc" } }),
            };
            if (after is not null) page["search_after"] = after.DeepClone();
            var response = (await _transport.SendAsync(HttpMethod.Post, $"{oldIndex}/_search", page, cancellationToken)).EnsureSuccess();
            var hits = response.Body?["hits"]?["hits"] as JsonArray ?? [];
            var articles = hits.Select(hit => ArticleIndex.Article(SearchResponses.String(hit?["_id"]) ?? "?", hit?["_source"])).ToList();
            if (articles.Count > 0)
            {
                var result = await _bulk.IndexAsync($"{IndexName}/_bulk", articles, cancellationToken);
                if (!result.AllIndexed)
                    throw new InvalidOperationException($"Copying {oldIndex} into {IndexName} failed for {result.Failed.Count} articles, e.g. {result.Failed.First().Key}: {result.Failed.First().Value}");
            }
            if (hits.Count < CopyPageSize) break;
            after = hits[^1]?["sort"];
            if (after is null) break;
        }
        (await _transport.SendAsync(HttpMethod.Post, $"{IndexName}/_refresh", (JsonNode?)null, cancellationToken)).EnsureSuccess();
    }

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<EnrichedArticle> articles, CancellationToken cancellationToken) =>
        // require_alias: never let a write auto-create a plain index named like the alias.
        // refresh=wait_for: an upserted article is searchable when this returns, as in the embedded store.
        _bulk.IndexAsync($"{_alias}/_bulk?refresh=wait_for&require_alias=true", articles, cancellationToken);

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(HttpMethod.Delete, $"{_alias}/_doc/{Uri.EscapeDataString(id)}?refresh=wait_for", (JsonNode?)null, cancellationToken);
        if (response.Status == HttpStatusCode.NotFound && SearchResponses.String(response.Body?["result"]) == "not_found") return false;
        response.EnsureSuccess();
        return SearchResponses.String(response.Body?["result"]) == "deleted";
    }

    public async Task<EnrichedArticle?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(HttpMethod.Get, $"{_alias}/_doc/{Uri.EscapeDataString(id)}", (JsonNode?)null, cancellationToken);
        if (response.Status == HttpStatusCode.NotFound && SearchResponses.Bool(response.Body?["found"]) == false) return null;
        response.EnsureSuccess();
        return SearchResponses.Bool(response.Body?["found"]) == true ? ArticleIndex.Article(id, response.Body?["_source"]) : null;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var response = (await _transport.SendAsync(HttpMethod.Get, $"{_alias}/_count", (JsonNode?)null, cancellationToken)).EnsureSuccess();
        return SearchResponses.Long(response.Body?["count"]) ?? 0;
    }

    public async Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            var count = await CountAsync(cancellationToken);
            return new StoreHealth(true, $"Elasticsearch alias '{_alias}': {count} articles.");
        }
        catch (Exception e) when (e is HttpRequestException or ElasticsearchException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new StoreHealth(false, $"Elasticsearch alias '{_alias}' is not usable: {e.Message}");
        }
    }

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors.Values), nameof(request));

        var stopwatch = Stopwatch.StartNew();
        var response = (await _transport.SendAsync(HttpMethod.Post, $"{_alias}/_search", SearchBodies.Search(request), cancellationToken)).EnsureSuccess();
        return SearchResponses.Result(response.Body, request, stopwatch.ElapsedMilliseconds);
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        prefix = prefix.Trim();
        if (prefix.Length == 0 || limit < 1) return [];
        var response = (await _transport.SendAsync(HttpMethod.Post, $"{_alias}/_search", SearchBodies.Suggest(prefix, limit), cancellationToken)).EnsureSuccess();
        return SuggestionParser.Parse(response.Body, limit);
    }

    public async Task<IReadOnlyList<SearchHit>> SimilarAsync(string id, int limit, CancellationToken cancellationToken)
    {
        if (limit < 1) return [];
        var article = await GetAsync(id, cancellationToken);
        if (article is null) return [];
        var response = (await _transport.SendAsync(HttpMethod.Post, $"{_alias}/_search", SearchBodies.Similar(_alias, article, limit), cancellationToken)).EnsureSuccess();
        return SearchResponses.Hits(response.Body);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,200}$")]
    private static partial Regex IndexNamePattern();
}
