using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsSearch.Articles;

namespace NewsSearch.Ingest.Api;

/// <summary>
/// One NDJSON batch, streamed: lines are parsed as they arrive (<see cref="NdjsonLines"/>), stored in chunks (one
/// transaction each, committed before their result lines are written), so memory holds at most one chunk, never
/// the batch.
/// </summary>
internal sealed class BatchImport(Stream response, ArticleIngest ingest, int lineLimit, DateOnly? asOf)
{
    private const string Rejected = "rejected";
    private const int ChunkArticles = 256;
    private const long ChunkBytes = 4 * 1024 * 1024;

    private static readonly JsonSerializerOptions LineJson = new(ArticleJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly List<(int Line, RawArticle? Article, string? Error)> _chunk = [];
    private long _chunkBytes;

    public async Task RunAsync(PipeReader body, CancellationToken cancellationToken)
    {
        // Whenever nothing more has arrived yet, what we have is committed and answered before waiting for the client.
        await foreach (var line in NdjsonLines.ReadAsync(body, lineLimit, FlushAsync, cancellationToken))
        {
            if (line.Bytes is not { } bytes)
            {
                _chunk.Add((line.Number, null, $"The line is larger than the limit of {lineLimit} bytes."));
                continue;
            }

            var intake = ArticleIntake.WithDefaultAsOf(ArticleIntake.FromJson(bytes), asOf);
            _chunk.Add((line.Number, intake.Article, intake.Error));
            _chunkBytes += bytes.Length;
            if (_chunk.Count >= ChunkArticles || _chunkBytes >= ChunkBytes)
            {
                await FlushAsync(cancellationToken);
            }
        }

        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_chunk.Count == 0)
        {
            return;
        }

        var stored = await ingest.AddAsync([.. _chunk.Where(item => item.Article is not null).Select(item => item.Article!)], cancellationToken);
        var next = 0;
        foreach (var (line, article, error) in _chunk)
        {
            BatchLineResult result;
            if (article is null)
            {
                result = new BatchLineResult(line, null, Rejected, Error: error);
            }
            else
            {
                var outcome = stored[next++];
                result = new BatchLineResult(line, outcome.Id, RawStore.StateName(outcome.State), outcome.Duplicate);
            }

            await response.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(result, LineJson), cancellationToken);
            await response.WriteAsync("\n"u8.ToArray(), cancellationToken);
        }

        _chunk.Clear();
        _chunkBytes = 0;
        await response.FlushAsync(cancellationToken);
    }
}
