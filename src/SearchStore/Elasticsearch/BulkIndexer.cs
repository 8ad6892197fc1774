using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using NewsSearch.Articles;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>
/// Writes articles with <c>_bulk</c>: batches bounded by action count and bytes, <c>index</c> actions with the
/// article id (so a repeat replaces, never duplicates), and per-item results. Backpressure is honoured: items the
/// cluster rejected with 429 (or failed with 5xx), and whole batches answered with 429, 5xx or no answer, are
/// retried with exponential backoff and jitter; every other failure is reported against its id.
/// </summary>
internal sealed class BulkIndexer(ElasticsearchClient client, ElasticsearchOptions options)
{
    /// <summary>One article, serialised once: its size bounds the batch, and its bytes are what the client sends.</summary>
    private sealed record Item(string Id, SerializedDocument Document);

    /// <param name="stories">The story of each article, when the store assigns them (see <see cref="StoryAssigner"/>).</param>
    public async Task<UpsertResult> IndexAsync(
        string target,
        bool waitForRefresh,
        IReadOnlyList<EnrichedArticle> articles,
        CancellationToken cancellationToken,
        Func<string, StoryFields?>? stories = null)
    {
        var failed = new Dictionary<string, string>();
        var valid = new List<EnrichedArticle>(articles.Count);
        foreach (var article in articles)
        {
            if (IndexableArticle.Problem(article) is { } problem) failed[article?.Id ?? "(null)"] = problem;
            else valid.Add(article);
        }
        foreach (var batch in Batches(valid, stories))
            await SendWithRetriesAsync(target, waitForRefresh, batch, failed, cancellationToken);
        // Counted per article given, as the embedded store counts: a repeated id counts each time it was indexed.
        return new UpsertResult(valid.Count(a => !failed.ContainsKey(a.Id)), failed);
    }

    private IEnumerable<List<Item>> Batches(IReadOnlyList<EnrichedArticle> articles, Func<string, StoryFields?>? stories)
    {
        // The last occurrence of an id wins, as it would if the articles were upserted one by one.
        var latest = articles.GroupBy(a => a.Id).Select(g => g.Last());
        var batch = new List<Item>();
        var bytes = 0;
        foreach (var article in latest)
        {
            var document = new SerializedDocument(JsonSerializer.SerializeToUtf8Bytes(ArticleIndex.Document(article, stories?.Invoke(article.Id))));
            // The action line: {"index":{"_id":"…"}} and two newlines, with room for escaping in the id.
            var size = document.Utf8Json.Length + 2 * article.Id.Length + 24;
            if (batch.Count > 0 && (batch.Count >= options.BulkMaxActions || bytes + size > options.BulkMaxBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
            batch.Add(new Item(article.Id, document));
            bytes += size;
        }
        if (batch.Count > 0) yield return batch;
    }

    private async Task SendWithRetriesAsync(string target, bool waitForRefresh, List<Item> batch, Dictionary<string, string> failed, CancellationToken cancellationToken)
    {
        var pending = batch;
        for (var attempt = 0; ; attempt++)
        {
            var retry = new List<Item>();
            string? retryReason = null;

            var (response, transportError) = await TrySendAsync(target, waitForRefresh, pending, cancellationToken);
            var status = response?.ApiCallDetails.HttpStatusCode;
            if (transportError is not null || status is null || IsRetryable(status.Value))
            {
                retry = pending;
                retryReason = transportError ?? ElasticsearchException.Describe(response!);
            }
            else if (!response!.ApiCallDetails.HasSuccessfulStatusCode)
            {
                var reason = ElasticsearchException.Describe(response);
                foreach (var item in pending) failed[item.Id] = reason;
                return;
            }
            else
            {
                // A 2xx answer without items (a proxy's filter_path) leaves every item without a result, not retried.
                var items = response.Items?.ToList() ?? [];
                for (var i = 0; i < pending.Count; i++)
                {
                    var outcome = Outcome(i < items.Count ? items[i] : null);
                    if (outcome.Success) continue;
                    if (outcome.Retryable) (retry, retryReason) = ([.. retry, pending[i]], outcome.Reason);
                    else failed[pending[i].Id] = outcome.Reason;
                }
            }

            if (retry.Count == 0) return;
            if (attempt >= options.BulkMaxRetries)
            {
                foreach (var item in retry) failed[item.Id] = $"gave up after {attempt + 1} attempts: {retryReason}";
                return;
            }
            await Task.Delay(Backoff(attempt), cancellationToken);
            pending = retry;
        }
    }

    private async Task<(BulkResponse?, string?)> TrySendAsync(string target, bool waitForRefresh, List<Item> items, CancellationToken cancellationToken)
    {
        var request = new BulkRequest(target)
        {
            // An upserted article is searchable when this returns, as in the embedded store.
            Refresh = waitForRefresh ? Refresh.WaitFor : null,
            Operations = [.. items.Select(item => new BulkIndexOperation<SerializedDocument>(item.Document) { Id = item.Id })],
        };
        try
        {
            return (await client.BulkAsync(request, cancellationToken), null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The client reports a refused connection or a timeout as a response without a status (handled above), but
            // throws for an answer it cannot read: retried the same way; if it persists, reported per id.
            return (null, $"request failed ({e.GetType().Name}): {e.Message}");
        }
    }

    private readonly record struct ItemOutcome(bool Success, bool Retryable, string Reason);

    private static ItemOutcome Outcome(ResponseItem? item)
    {
        if (item is null) return new ItemOutcome(false, false, "no result for this item in the bulk response");
        if (item.Error is null && item.Status is >= 200 and < 300) return new ItemOutcome(true, false, "");

        var type = item.Error?.Type;
        var description = $"{item.Status}{(type is null ? "" : $" {type}")}: {item.Error?.Reason ?? "failed"}";
        var retryable = item.Status > 0 ? IsRetryable(item.Status) : type == "es_rejected_execution_exception";
        return new ItemOutcome(false, retryable, description);
    }

    private static bool IsRetryable(int status) => status == (int)HttpStatusCode.TooManyRequests || status >= 500;

    /// <summary>Exponential and capped; the random half keeps several writers from retrying in step.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(options.RetryMaxDelay.TotalMilliseconds, options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}

/// <summary>
/// A document already serialised to JSON. The client's source serializer writes it as it is, so a document is
/// serialised once, and the batch's size in bytes is known before it is sent.
/// </summary>
[JsonConverter(typeof(SerializedDocumentConverter))]
internal sealed record SerializedDocument(byte[] Utf8Json);

internal sealed class SerializedDocumentConverter : JsonConverter<SerializedDocument>
{
    /// <summary>Documents are read back as JSON objects, never as this type.</summary>
    public override SerializedDocument Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A serialized document is only ever written.");

    public override void Write(Utf8JsonWriter writer, SerializedDocument value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8Json, skipInputValidation: true);
}
