using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NewsSearch.Articles;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>
/// Writes articles with <c>_bulk</c>: batches bounded by action count and bytes, <c>index</c> actions with the
/// article id (so a repeat replaces, never duplicates), and per-item results. Items that failed with 429 or 5xx,
/// and whole batches that failed with 429, 5xx or a timeout, are retried with exponential backoff and jitter;
/// every other failure is reported against its id.
/// </summary>
internal sealed class BulkIndexer(ElasticsearchTransport transport, ElasticsearchOptions options)
{
    private sealed record Item(string Id, byte[] Lines);

    public async Task<UpsertResult> IndexAsync(string path, IReadOnlyList<EnrichedArticle> articles, CancellationToken cancellationToken)
    {
        var failed = new Dictionary<string, string>();
        var valid = new List<EnrichedArticle>(articles.Count);
        foreach (var article in articles)
        {
            if (IndexableArticle.Problem(article) is { } problem) failed[article?.Id ?? "(null)"] = problem;
            else valid.Add(article);
        }
        foreach (var batch in Batches(valid))
            await SendWithRetriesAsync(path, batch, failed, cancellationToken);
        // Counted per article given, as the embedded store counts: a repeated id counts each time it was indexed.
        return new UpsertResult(valid.Count(a => !failed.ContainsKey(a.Id)), failed);
    }

    private IEnumerable<List<Item>> Batches(IReadOnlyList<EnrichedArticle> articles)
    {
        // The last occurrence of an id wins, as it would if the articles were upserted one by one.
        var latest = articles.GroupBy(a => a.Id).Select(g => g.Last());
        var batch = new List<Item>();
        var bytes = 0;
        foreach (var article in latest)
        {
            var action = new JsonObject { ["index"] = new JsonObject { ["_id"] = article.Id } };
            var lines = Encoding.UTF8.GetBytes(action.ToJsonString() + "\n" + ArticleIndex.Document(article).ToJsonString() + "\n");
            if (batch.Count > 0 && (batch.Count >= options.BulkMaxActions || bytes + lines.Length > options.BulkMaxBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
            batch.Add(new Item(article.Id, lines));
            bytes += lines.Length;
        }
        if (batch.Count > 0) yield return batch;
    }

    private async Task SendWithRetriesAsync(string path, List<Item> batch, Dictionary<string, string> failed, CancellationToken cancellationToken)
    {
        var pending = batch;
        for (var attempt = 0; ; attempt++)
        {
            var lastAttempt = attempt >= options.BulkMaxRetries;
            var retry = new List<Item>();
            string? retryReason = null;

            var (response, transportError) = await TrySendAsync(path, pending, cancellationToken);
            if (transportError is not null || IsRetryable(response!.Status))
            {
                retry = pending;
                retryReason = transportError ?? $"{(int)response!.Status}: {ElasticsearchResponse.DescribeError(response.Body)}";
            }
            else if (!response.IsSuccess)
            {
                var reason = $"{(int)response.Status}: {ElasticsearchResponse.DescribeError(response.Body)}";
                foreach (var item in pending) failed[item.Id] = reason;
                return;
            }
            else
            {
                var items = response.Body.At("items") as JsonArray;
                for (var i = 0; i < pending.Count; i++)
                {
                    var outcome = Outcome(items is not null && i < items.Count ? items[i] : null);
                    if (outcome.Success) continue;
                    if (outcome.Retryable) (retry, retryReason) = ([.. retry, pending[i]], outcome.Reason);
                    else failed[pending[i].Id] = outcome.Reason;
                }
            }

            if (retry.Count == 0) return;
            if (lastAttempt)
            {
                foreach (var item in retry) failed[item.Id] = $"gave up after {attempt + 1} attempts: {retryReason}";
                return;
            }
            await Task.Delay(Backoff(attempt), cancellationToken);
            pending = retry;
        }
    }

    private async Task<(ElasticsearchResponse?, string?)> TrySendAsync(string path, List<Item> items, CancellationToken cancellationToken)
    {
        var body = new byte[items.Sum(i => i.Lines.Length)];
        var offset = 0;
        foreach (var item in items)
        {
            item.Lines.CopyTo(body, offset);
            offset += item.Lines.Length;
        }
        try
        {
            return (await transport.SendNdjsonAsync(path, body, cancellationToken), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "request timed out");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The transport failed before an answer: a refused connection, or a resilience handler in the HttpClient
            // pipeline giving up (attempt timeout, open circuit). Retried; if it persists, reported per id.
            return (null, $"request failed ({e.GetType().Name}): {e.Message}");
        }
    }

    private readonly record struct ItemOutcome(bool Success, bool Retryable, string Reason);

    /// <summary>One entry of <c>items</c>: an object with a single key (the action) holding status and error.</summary>
    private static ItemOutcome Outcome(JsonNode? item)
    {
        if (item is not JsonObject { Count: > 0 } wrapper || wrapper.First().Value is not JsonObject result)
            return new ItemOutcome(false, false, "no result for this item in the bulk response");
        var status = SearchResponses.Long(result["status"]);
        var error = result["error"];
        if (error is null && status is >= 200 and < 300) return new ItemOutcome(true, false, "");

        var type = SearchResponses.String(error.At("type"));
        var reason = SearchResponses.String(error.At("reason")) ?? SearchResponses.String(error) ?? "failed";
        var description = $"{status?.ToString() ?? "error"}{(type is null ? "" : $" {type}")}: {reason}";
        var retryable = status is { } code ? IsRetryable((HttpStatusCode)code) : type == "es_rejected_execution_exception";
        return new ItemOutcome(false, retryable, description);
    }

    private static bool IsRetryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>Exponential and capped; the random half keeps several writers from retrying in step.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(options.RetryMaxDelay.TotalMilliseconds, options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}
