using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsSearch.Articles;
using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>
/// The search store over Elasticsearch's documented REST API (8.x/9.x). Every request goes through an alias
/// (<see cref="ElasticsearchOptions.Alias"/>) that points at a versioned index, so a schema change builds a new
/// index beside the old one and swaps the alias in one atomic <c>_aliases</c> call.
/// </summary>
public sealed partial class ElasticsearchSearchStore : ISearchStore, IDisposable
{
    private const int CopyPageSize = 500;
    private const int MaxSuggestions = 50;

    private readonly HttpClient? _ownedHttp;
    private readonly ElasticsearchTransport _transport;
    private readonly BulkIndexer _bulk;
    private readonly string _alias;

    /// <param name="http">Sends the requests; its base address and authentication are set from <paramref name="options"/>
    /// when it has none. The caller keeps ownership.</param>
    public ElasticsearchSearchStore(HttpClient http, ElasticsearchOptions options) : this(http, options, owned: false)
    {
    }

    private ElasticsearchSearchStore(HttpClient http, ElasticsearchOptions options, bool owned)
    {
        if (!IndexNamePattern().IsMatch(options.Alias))
            throw new ArgumentException($"'{options.Alias}' is not a valid Elasticsearch alias: lowercase letters, digits, '.', '_' and '-' only.", nameof(options));
        ElasticsearchTransport.Configure(http, options);
        _ownedHttp = owned ? http : null;
        _transport = new ElasticsearchTransport(http);
        _bulk = new BulkIndexer(_transport, options);
        _alias = options.Alias;
    }

    /// <summary>A store with its own HttpClient (base address and authentication from <paramref name="options"/>).</summary>
    public static ElasticsearchSearchStore Create(ElasticsearchOptions options, HttpMessageHandler? handler = null) =>
        new(handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: true), options, owned: true);

    /// <summary>The concrete index this version of the code reads and writes.</summary>
    public string IndexName => ArticleIndex.IndexName(_alias);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var current = await AliasTargetsAsync(cancellationToken);
        if (current.Count == 1 && current[0] == IndexName) return;

        await CreateIndexAsync(cancellationToken);
        // The alias still serves an older schema: carry its articles over before the swap. Even when the new index
        // already existed (an earlier attempt stopped half-way, or another instance races): index actions are idempotent.
        foreach (var old in current.Where(index => index != IndexName))
            await CopyAsync(old, cancellationToken);

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

    /// <summary>Creates the current index unless it exists (another instance may have just created it).</summary>
    private async Task CreateIndexAsync(CancellationToken cancellationToken)
    {
        var exists = await _transport.SendAsync(HttpMethod.Head, IndexName, (JsonNode?)null, cancellationToken);
        if (exists.Status == HttpStatusCode.OK) return;

        var response = await _transport.SendAsync(HttpMethod.Put, IndexName, ArticleIndex.CreateIndexBody(), cancellationToken);
        if (response.ErrorType != "resource_already_exists_exception") response.EnsureSuccess();
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
            var hits = response.Body.At("hits").At("hits") as JsonArray ?? [];
            var articles = hits.Select(hit => ArticleIndex.Article(SearchResponses.String(hit.At("_id")) ?? "?", hit.At("_source"))).ToList();
            if (articles.Count > 0)
            {
                var result = await _bulk.IndexAsync($"{IndexName}/_bulk", articles, cancellationToken);
                if (!result.AllIndexed)
                    throw new InvalidOperationException($"Copying {oldIndex} into {IndexName} failed for {result.Failed.Count} articles, e.g. {result.Failed.First().Key}: {result.Failed.First().Value}");
            }
            if (hits.Count < CopyPageSize) break;
            after = hits[^1].At("sort");
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
        if (response.Status == HttpStatusCode.NotFound && SearchResponses.String(response.Body.At("result")) == "not_found") return false;
        response.EnsureSuccess();
        return SearchResponses.String(response.Body.At("result")) == "deleted";
    }

    public async Task<EnrichedArticle?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(HttpMethod.Get, $"{_alias}/_doc/{Uri.EscapeDataString(id)}", (JsonNode?)null, cancellationToken);
        if (response.Status == HttpStatusCode.NotFound && SearchResponses.Bool(response.Body.At("found")) == false) return null;
        response.EnsureSuccess();
        return SearchResponses.Bool(response.Body.At("found")) == true ? ArticleIndex.Article(id, response.Body.At("_source")) : null;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var response = (await _transport.SendAsync(HttpMethod.Get, $"{_alias}/_count", (JsonNode?)null, cancellationToken)).EnsureSuccess();
        return SearchResponses.Long(response.Body.At("count")) ?? 0;
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
        var aliases = await AliasFormsAsync(QueryTranslator.AliasKeys(request.Query), cancellationToken);
        var response = (await _transport.SendAsync(HttpMethod.Post, $"{_alias}/_search", SearchBodies.Search(request, aliases), cancellationToken)).EnsureSuccess();
        return SearchResponses.Result(response.Body, request, stopwatch.ElapsedMilliseconds);
    }

    /// <summary>
    /// The other names of every actor a query word or phrase names, from all indexed articles: "Turkey" also
    /// searches "Türkiye" when any article lists Turkey as Türkiye's alias. One aggregation request, skipped
    /// when the query has no plain words.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> AliasFormsAsync(IReadOnlySet<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0) return QueryTranslator.NoAliases;
        var response = (await _transport.SendAsync(HttpMethod.Post, $"{_alias}/_search", SearchBodies.AliasLookup(keys), cancellationToken)).EnsureSuccess();
        var forms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var actor in SearchResponses.Buckets(response.Body.At("aggregations").At("actors").At("matching").At("names")))
        {
            var actorKeys = SearchResponses.Buckets(actor["keys"]).Select(b => SearchResponses.String(b["key"])).OfType<string>().ToList();
            var actorForms = SearchResponses.Buckets(actor["forms"]).Select(b => SearchResponses.String(b["key"])).OfType<string>().ToList();
            foreach (var key in actorKeys.Where(keys.Contains))
            {
                var known = forms.TryGetValue(key, out var list) ? list : [];
                forms[key] = known.Concat(actorForms.Where(f => QueryTranslator.Key([f]) != key))
                    .Distinct(StringComparer.Ordinal)
                    .Take(SearchBodies.MaxAliasForms)
                    .ToList();
            }
        }
        return forms;
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, MaxSuggestions);
        var key = QueryTranslator.Key([prefix ?? ""]);
        if (key.Length == 0) return [];
        var withTitles = key.Length >= QueryParser.MinPrefixLength;
        var response = (await _transport.SendAsync(HttpMethod.Post, $"{_alias}/_search", SearchBodies.Suggest(prefix!.Trim(), limit, withTitles), cancellationToken)).EnsureSuccess();
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

    /// <summary>Deletes this version's index (and so the alias on it): for tests and tear-down, never called by the services.</summary>
    public async Task DeleteIndexAsync(CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(HttpMethod.Delete, IndexName, (JsonNode?)null, cancellationToken);
        if (response.Status != HttpStatusCode.NotFound) response.EnsureSuccess();
    }

    public void Dispose() => _ownedHttp?.Dispose();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,200}$")]
    private static partial Regex IndexNamePattern();
}
