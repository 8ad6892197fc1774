using Microsoft.Extensions.Options;

namespace NewsSearch.Ingest.Api;

/// <summary>
/// Delivers pending articles from the raw store (the outbox) to enrichment in batches, at least once:
/// an article leaves <c>pending</c> only when enrichment confirms it indexed, or, after
/// <see cref="IngestOptions.MaxAttempts"/> failed attempts, as <c>failed</c> with the reason.
/// Enrichment being unavailable pauses delivery (exponential backoff with jitter, or its Retry-After)
/// without counting against the articles. Claims die with the process, so a restart simply resends.
/// </summary>
public sealed class Dispatcher(
    RawStore store,
    EnrichmentClient enrichment,
    DispatchSignal signal,
    PipelineMetrics metrics,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<Dispatcher> logger) : BackgroundService
{
    // A safety net only: new work and finished deliveries signal, and retries are timed from the store.
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);

    private readonly Lock _pause = new();
    private DateTimeOffset _pausedUntil;
    private int _unavailableStreak;
    // Halved when a batch times out, so a slow or loaded enricher still makes progress instead of timing out
    // on the same big batch for ever; grows back to the configured size as batches succeed.
    private int _batchSize = options.Value.BatchSize;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await store.ReleaseAllClaimsAsync(stoppingToken);
        var slots = new SemaphoreSlim(settings.Concurrency);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var pause = PausedUntil() - time.GetUtcNow();
                if (pause > TimeSpan.Zero)
                {
                    slots.Release();
                    await Task.Delay(pause, time, stoppingToken);
                    continue;
                }

                if (slots.CurrentCount < settings.Concurrency - 1)
                {
                    // Another batch is still on its way, so enrichment is busy anyway: waiting a moment lets the
                    // acknowledgements arriving meanwhile join this batch instead of paying a batch's fixed cost alone.
                    await Task.Delay(settings.CoalesceDelay, time, stoppingToken);
                }

                var work = await store.ClaimDueAsync(Volatile.Read(ref _batchSize), stoppingToken);
                if (work.IsEmpty)
                {
                    slots.Release();
                    await WaitForWorkAsync(stoppingToken);
                    continue;
                }

                _ = DeliverAsync(work, slots, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: deliveries still out are cancelled and their claims are released on the next start.
        }
    }

    private async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        var due = await store.NextDueAsync(cancellationToken);
        var wait = due is { } next ? next - time.GetUtcNow() : IdlePoll;
        if (wait > TimeSpan.Zero)
        {
            await signal.WaitAsync(wait < IdlePoll ? wait : IdlePoll, cancellationToken);
        }
    }

    private async Task DeliverAsync(ClaimedWork work, SemaphoreSlim slot, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var batch = work.Articles;
        try
        {
            foreach (var deletion in work.Deletions)
            {
                await RemoveFromIndexAsync(deletion, cancellationToken);
            }

            if (batch.Count > 0)
            {
                await SendAsync(batch, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down; the claims are released on the next start.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Delivery of {Count} articles failed unexpectedly; they will be sent again", batch.Count);
            await store.ReleaseAsync(batch.Select(claimed => claimed.Article.Id), Pause(null), CancellationToken.None);
        }
        finally
        {
            slot.Release();
            signal.Notify();
        }
    }

    private async Task SendAsync(IReadOnlyList<ClaimedArticle> batch, CancellationToken cancellationToken)
    {
        var response = await enrichment.EnrichAsync([.. batch.Select(claimed => claimed.Article)], cancellationToken);
        switch (response)
        {
            case EnrichResponse.Answered answered:
                Resume();
                Volatile.Write(ref _batchSize, Math.Min(options.Value.BatchSize, Volatile.Read(ref _batchSize) * 2));
                var outcomes = answered.Outcomes.DistinctBy(outcome => outcome.Id).ToDictionary(outcome => outcome.Id);
                var results = batch.Select(claimed => (claimed, outcomes.TryGetValue(claimed.Article.Id, out var outcome)
                    ? outcome.Indexed ? null : outcome.Error ?? "enrichment did not index it and gave no reason"
                    : "enrichment gave no outcome for it")).ToList();
                await store.RecordAsync(results, options.Value.MaxAttempts, RetryAt, cancellationToken);
                var failed = results.Count(result => result.Item2 is not null);
                metrics.Delivered(results.Count - failed, failed);
                if (failed > 0)
                {
                    logger.LogWarning("Enrichment did not index {Failed} of {Count} articles; they will be retried or dead-lettered", failed, batch.Count);
                }

                break;
            case EnrichResponse.Unavailable unavailable:
                if (unavailable.TimedOut)
                {
                    Volatile.Write(ref _batchSize, Math.Max(1, batch.Count / 2));
                }

                var until = Pause(unavailable.RetryAfter);
                logger.LogWarning("Enrichment unavailable ({Reason}); delivery paused until {Until:O}", unavailable.Reason, until);
                await store.ReleaseAsync(batch.Select(claimed => claimed.Article.Id), until, cancellationToken);
                break;
            case EnrichResponse.Refused refused:
                Resume();
                logger.LogWarning("Enrichment refused a batch of {Count} articles: {Reason}", batch.Count, refused.Reason);
                await store.RecordAsync([.. batch.Select(claimed => (claimed, (string?)refused.Reason))], options.Value.MaxAttempts, RetryAt, cancellationToken);
                break;
        }
    }

    private async Task RemoveFromIndexAsync(ClaimedDeletion deletion, CancellationToken cancellationToken)
    {
        if (await enrichment.RemoveFromIndexAsync(deletion.Id, cancellationToken))
        {
            await store.RemoveAsync(deletion.Id, cancellationToken);
            return;
        }

        // A deletion is never given up: it waits, with growing pauses, until enrichment can remove it.
        await store.ReleaseAsync([deletion.Id], RetryAt(deletion.Attempts + 1), cancellationToken);
    }

    private DateTimeOffset RetryAt(int attempt) => time.GetUtcNow() + Backoff(attempt);

    /// <summary>Doubles per attempt up to the maximum, then keeps a random half of it so retries from many articles spread out.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var settings = options.Value;
        var exponential = settings.BaseRetryDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = exponential < settings.MaxRetryDelay ? exponential : settings.MaxRetryDelay;
        return capped / 2 + capped / 2 * Random.Shared.NextDouble();
    }

    private DateTimeOffset PausedUntil()
    {
        lock (_pause)
        {
            return _pausedUntil;
        }
    }

    private DateTimeOffset Pause(TimeSpan? retryAfter)
    {
        lock (_pause)
        {
            _unavailableStreak++;
            var wait = retryAfter is { } asked
                ? (asked < options.Value.MaxRetryDelay ? asked : options.Value.MaxRetryDelay)
                : Backoff(_unavailableStreak);
            var until = time.GetUtcNow() + wait;
            _pausedUntil = until > _pausedUntil ? until : _pausedUntil;
            return _pausedUntil;
        }
    }

    private void Resume()
    {
        lock (_pause)
        {
            _unavailableStreak = 0;
        }
    }
}
