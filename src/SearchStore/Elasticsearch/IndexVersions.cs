using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using ElasticSearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;
using ElasticSortOrder = Elastic.Clients.Elasticsearch.SortOrder;
using ExistsRequest = Elastic.Clients.Elasticsearch.IndexManagement.ExistsRequest;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>
/// Keeps the alias on the index of the current schema version. When it points elsewhere (an older version, or
/// nowhere), the current index is created, the older one's articles are copied into it, and the alias is moved in
/// one atomic <c>_aliases</c> call, so readers see either the old index or the complete new one.
/// </summary>
internal sealed class IndexVersions(ElasticsearchClient client, BulkIndexer bulk, string alias)
{
    private const int CopyPageSize = 500;

    private string Current => ArticleIndex.IndexName(alias);

    public async Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        var targets = await AliasTargetsAsync(cancellationToken);
        if (targets.Count == 1 && targets[0] == Current) return;

        await CreateCurrentAsync(cancellationToken);
        // Even when the new index already existed (an earlier attempt stopped half-way, or another instance races):
        // index actions are idempotent.
        var older = targets.Where(index => index != Current).ToList();
        foreach (var index in older) await CopyAsync(index, cancellationToken);

        var actions = older
            .Select(index => new IndexUpdateAliasesAction { Remove = new RemoveAction { Index = index, Alias = alias } })
            .Append(new IndexUpdateAliasesAction { Add = new AddAction { Index = Current, Alias = alias } })
            .ToList();
        var swap = await client.Indices.UpdateAliasesAsync(new UpdateAliasesRequest { Actions = actions }, cancellationToken);
        swap.Valid($"Pointing alias {alias} at {Current}", cancellationToken);
    }

    private async Task<IReadOnlyList<string>> AliasTargetsAsync(CancellationToken cancellationToken)
    {
        var response = await client.Indices.GetAliasAsync(new GetAliasRequest(Names.Parse(alias)), cancellationToken);
        if (response.ApiCallDetails.HttpStatusCode == 404) return [];
        var indices = response.Valid($"Reading alias {alias}", cancellationToken).Aliases?.Keys ?? [];
        return [.. indices.Order(StringComparer.Ordinal)];
    }

    /// <summary>Creates the current index unless it exists (another instance may have just created it).</summary>
    private async Task CreateCurrentAsync(CancellationToken cancellationToken)
    {
        var exists = await client.Indices.ExistsAsync(new ExistsRequest(Current), cancellationToken);
        if (exists.Exists) return;

        var response = await client.Indices.CreateAsync(ArticleIndex.CreateIndex(Current), cancellationToken);
        if (response.ElasticsearchServerError?.Error?.Type != "resource_already_exists_exception")
            response.Valid($"Creating index {Current}", cancellationToken);
    }

    /// <summary>Re-indexes every article of an older index into the current one, pages in id order.</summary>
    private async Task CopyAsync(string oldIndex, CancellationToken cancellationToken)
    {
        ICollection<FieldValue>? after = null;
        while (true)
        {
            var page = new ElasticSearchRequest(oldIndex)
            {
                Size = CopyPageSize,
                Query = QueryTranslator.MatchAll(),
                Sort = [new SortOptions { Field = new FieldSort(ArticleIndex.Id) { Order = ElasticSortOrder.Asc } }],
                SearchAfter = after,
            };
            var response = (await client.SearchAsync<JsonObject>(page, cancellationToken)).Valid($"Reading {oldIndex}", cancellationToken);
            var hits = response.HitsMetadata?.Hits.ToList() ?? [];
            var articles = hits.Select(hit => ArticleIndex.Article(hit.Id ?? "?", hit.Source)).ToList();
            // The stories come along as they are: the writer decides them, a copy only keeps them.
            var stories = hits.Where(hit => hit.Id is not null).ToDictionary(hit => hit.Id!, hit => ArticleIndex.StoryOf(hit.Source), StringComparer.Ordinal);
            if (articles.Count > 0)
            {
                var result = await bulk.IndexAsync(Current, waitForRefresh: false, articles, cancellationToken, id => stories.GetValueOrDefault(id));
                if (!result.AllIndexed)
                    throw new InvalidOperationException($"Copying {oldIndex} into {Current} failed for {result.Failed.Count} articles, e.g. {result.Failed.First().Key}: {result.Failed.First().Value}");
            }
            if (hits.Count < CopyPageSize || hits[^1].Sort is not { Count: > 0 } sort) break;
            after = [.. sort];
        }
        var refresh = await client.Indices.RefreshAsync(new RefreshRequest(Current), cancellationToken);
        refresh.Valid($"Refreshing {Current}", cancellationToken);
    }
}
