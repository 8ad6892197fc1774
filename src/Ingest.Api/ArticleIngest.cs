using NewsSearch.Articles;

namespace NewsSearch.Ingest.Api;

/// <summary>What became of a deletion request.</summary>
public enum Deletion
{
    Unknown,
    /// <summary>Gone from the index and the raw store.</summary>
    Removed,
    /// <summary>Recorded; the dispatcher finishes it once enrichment is reachable or a delivery in flight has landed.</summary>
    Scheduled,
}

/// <summary>The write side shared by the API and the seed import: store durably, then wake the dispatcher.</summary>
public sealed class ArticleIngest(RawStore store, EnrichmentClient enrichment, DispatchSignal signal, PipelineMetrics metrics, TimeProvider time)
{
    public async Task<IReadOnlyList<Stored>> AddAsync(IReadOnlyList<RawArticle> articles, CancellationToken cancellationToken)
    {
        var stored = await store.AddAsync(articles, cancellationToken);
        var added = stored.Count(article => !article.Duplicate);
        if (added > 0)
        {
            metrics.Received(added);
            signal.Notify();
        }

        return stored;
    }

    public async Task<Deletion> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        switch (await store.MarkDeletingAsync(id, cancellationToken))
        {
            case null:
                return Deletion.Unknown;
            case false:
                return Deletion.Scheduled;
        }

        // The request holds the deletion: try it now so the common case answers "gone" at once.
        // From here on the deletion is recorded, so the client hanging up must not interrupt it half-way.
        if (await enrichment.RemoveFromIndexAsync(id, CancellationToken.None))
        {
            await store.RemoveAsync(id, CancellationToken.None);
            return Deletion.Removed;
        }

        await store.ReleaseAsync([id], time.GetUtcNow(), CancellationToken.None);
        signal.Notify();
        return Deletion.Scheduled;
    }
}
