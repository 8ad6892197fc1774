using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NewsSearch.Ingest.Benchmarks;

/// <summary>
/// Posts the corpus as NDJSON batches from a few concurrent senders (as the importer does) and notes when each
/// article was acknowledged: the moment its result line arrives, which the service writes only after the commit.
/// </summary>
public sealed class Loader(Uri writeUrl, string? apiKey, Stopwatch clock)
{
    public ConcurrentDictionary<string, TimeSpan> AcknowledgedAt { get; } = new();

    public ConcurrentBag<string> Rejections { get; } = [];

    /// <summary>Sends as fast as the service answers, or, with <paramref name="rate"/> (articles/s) above 0, at that pace.</summary>
    public async Task LoadAsync(IReadOnlyList<string> texts, int batchSize, int senders, double rate)
    {
        using var http = new HttpClient { BaseAddress = writeUrl, Timeout = TimeSpan.FromMinutes(5) };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        var started = clock.Elapsed;
        var batches = new ConcurrentQueue<(int Index, string Body)>(texts.Chunk(batchSize)
            .Select((batch, index) => (index, string.Join('\n', batch.Select(text => JsonSerializer.Serialize(new { text }))))));
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            while (batches.TryDequeue(out var batch))
            {
                if (rate > 0 && started + TimeSpan.FromSeconds(batch.Index * batchSize / rate) - clock.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait);
                }

                await SendAsync(http, batch.Body);
            }
        })));
    }

    private async Task SendAsync(HttpClient http, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles/batch") { Content = content };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST /api/articles/batch answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            var now = clock.Elapsed;
            using var result = JsonDocument.Parse(line);
            if (result.RootElement.TryGetProperty("id", out var id))
            {
                AcknowledgedAt.TryAdd(id.GetString()!, now);
            }
            else
            {
                Rejections.Add(line);
            }
        }
    }
}
