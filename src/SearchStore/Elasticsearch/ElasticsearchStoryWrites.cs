using Elastic.Clients.Elasticsearch;
using NewsSearch.Articles;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>
/// Writes, with story assignment: each upserted article gets its story from the writer's copy of the index's stories
/// (<see cref="StoryAssigner"/>, read from the index through a point in time when first needed); articles indexed earlier
/// whose story was merged away or relabelled are changed in one <c>_update_by_query</c>. Writes are serialised: the
/// copy must see them in order. A write that fails, or is cut short, drops the copy, which is read again next time.
/// </summary>
public sealed partial class ElasticsearchSearchStore
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly StoryAssigner _stories = new();

    public async Task<UpsertResult> UpsertAsync(IReadOnlyList<EnrichedArticle> articles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (!_stories.Loaded) await LoadStoriesAsync(cancellationToken);
            _stories.Begin();
            // The last occurrence of an id wins, as the bulk writes it.
            foreach (var article in articles.Where(a => IndexableArticle.Problem(a) is null).GroupBy(a => a.Id).Select(g => g.Last()))
                _stories.Assign(article);
            // Through the alias InitializeAsync made. require_alias is deliberately not sent: a server that refuses it
            // (as a 7.x one did) fails every upsert.
            var changes = _stories.Changes();
            var result = await _bulk.IndexAsync(_alias, waitForRefresh: true, articles, cancellationToken, _stories.Fields);
            await ApplyAsync(changes, cancellationToken);
            if (!result.AllIndexed) _stories.Forget(); // the copy holds articles the index refused
            return result;
        }
        catch
        {
            _stories.Forget();
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var response = await _client.DeleteAsync(new DeleteRequest(_alias, id) { Refresh = Refresh.WaitFor }, cancellationToken);
            if (response.Result == Result.NotFound) return false;
            var deleted = response.Valid($"Deleting {id}", cancellationToken).Result == Result.Deleted;
            // The story stays for its other articles, labelled again.
            if (deleted) await ApplyAsync(_stories.Remove(id), cancellationToken);
            return deleted;
        }
        catch
        {
            _stories.Forget();
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Every indexed article's story, actors and terms, streamed: the writer's copy is as large as the index, the read is not.</summary>
    private async Task LoadStoriesAsync(CancellationToken cancellationToken)
    {
        var stored = new List<StoredStory>();
        var everything = new SearchRequest { Sort = SortOrder.Oldest };
        await foreach (var article in StreamAsync(everything, MatchPages.StoryFields(), MatchPages.FacetPageSize, MatchPages.Stored, cancellationToken))
            stored.Add(article);
        _stories.Load(stored);
    }

    /// <summary>Moves the articles of merged stories and writes new labels, in one request, visible to the next search.</summary>
    private async Task ApplyAsync(StoryChanges changes, CancellationToken cancellationToken)
    {
        if (!changes.Any) return;
        var response = await _client.UpdateByQueryAsync(StoryUpdates.Request(_alias, changes), cancellationToken);
        response.Valid("Updating stories", cancellationToken);
        if (response.Failures is { Count: > 0 } failures)
            throw new ElasticsearchException(200, null, $"Updating stories: {failures.Count} articles were not updated ({failures.First().Cause?.Reason}).");
    }
}
