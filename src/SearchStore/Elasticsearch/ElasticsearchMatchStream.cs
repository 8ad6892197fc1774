using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using NewsSearch.Articles;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>
/// Every match of a search, streamed through a point in time with <c>search_after</c> (Elastic's way to read past
/// 10,000 hits; scrolling is no longer recommended for it). The point in time is one snapshot for the whole stream,
/// as the embedded store's read transaction is, so an export sees one state of the index even while enrichment writes.
/// At most two pages are held: the one being read and the next, fetched meanwhile.
/// </summary>
public sealed partial class ElasticsearchSearchStore
{
    public IAsyncEnumerable<MatchedArticle> MatchesAsync(SearchRequest request, CancellationToken cancellationToken) =>
        StreamAsync(request, MatchPages.FacetFields(), MatchPages.FacetPageSize, MatchPages.Matched, cancellationToken);

    public IAsyncEnumerable<EnrichedArticle> MatchedArticlesAsync(SearchRequest request, bool withBody, CancellationToken cancellationToken) =>
        StreamAsync(request, MatchPages.ArticleFields(withBody), MatchPages.ArticlePageSize, hit => MatchPages.Article(hit, withBody), cancellationToken);

    private async IAsyncEnumerable<T> StreamAsync<T>(
        SearchRequest request,
        SourceConfig source,
        int size,
        Func<Hit<JsonObject>, T> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Validate();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems.Select(p => $"{p.Key}: {p.Value}")), nameof(request));

        var aliases = await AliasFormsAsync(QueryTranslator.AliasKeys(request.Query), cancellationToken);
        var opened = await _client.OpenPointInTimeAsync(
            new OpenPointInTimeRequest(_alias) { KeepAlive = MatchPages.KeepAliveDuration }, cancellationToken);
        var pitId = opened.Valid("Opening a point in time", cancellationToken).Id;

        // Cancelled when the caller stops early (or goes away), so an abandoned page request stops with it.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<SearchResponse<JsonObject>>? next = null;
        try
        {
            next = PageAsync(pitId, after: null);
            while (next is not null)
            {
                var response = (await next).Valid("Reading the matches", cancellationToken);
                next = null;
                // Each answer may name the point in time anew; the newest id is the one to use.
                pitId = response.PitId ?? pitId;
                var hits = response.HitsMetadata?.Hits ?? [];
                if (hits.Count == size) next = PageAsync(pitId, hits.Last().Sort);
                foreach (var hit in hits)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return read(hit);
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            if (next is not null) await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await ClosePointInTimeAsync(pitId);
        }

        Task<SearchResponse<JsonObject>> PageAsync(string id, IReadOnlyCollection<FieldValue>? after) =>
            _client.SearchAsync<JsonObject>(MatchPages.Page(id, request, aliases, source, size, after), stop.Token);
    }

    /// <summary>
    /// Frees the point in time now rather than at the end of its keep-alive. Not under the caller's token (a cancelled
    /// download still closes it), and a failure is not the caller's: the cluster frees it at the keep-alive anyway.
    /// </summary>
    private async Task ClosePointInTimeAsync(string pitId) =>
        await _client.ClosePointInTimeAsync(new ClosePointInTimeRequest { Id = pitId }, CancellationToken.None);
}
