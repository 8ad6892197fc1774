using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NewsSearch.EndToEnd.Tests.Ingest;

/// <summary>
/// Sends articles as NDJSON batches (through the gateway) and logs every id the service acknowledged, line by line as the
/// answer streams in (each line is only written after its article was committed). A batch cut off by a
/// crash is sent again: ids are content hashes, so that is safe.
/// </summary>
public sealed class AcknowledgingClient(HttpClient http) : IDisposable
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);


    public ConcurrentDictionary<string, byte> Acknowledged { get; } = new();

    public int Resent { get; private set; }

    public async Task SendAsync(IReadOnlyList<string> texts, int batchSize, Func<int, Task> afterBatch)
    {
        for (var start = 0; start < texts.Count; start += batchSize)
        {
            var batch = texts.Skip(start).Take(batchSize).ToList();
            await SendBatchAsync(batch);
            await afterBatch(start / batchSize + 1);
        }
    }

    private async Task SendBatchAsync(List<string> batch)
    {
        var body = string.Join('\n', batch.Select(text => JsonSerializer.Serialize(new { text })));
        var deadline = DateTimeOffset.UtcNow + GiveUpAfter;
        while (true)
        {
            var answered = 0;
            try
            {
                using var content = new StringContent(body, Encoding.UTF8);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles/batch") { Content = content };
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
                while (await reader.ReadLineAsync() is { } line)
                {
                    using var result = JsonDocument.Parse(line);
                    result.RootElement.GetProperty("status").GetString().ShouldNotBe("rejected", line);
                    Acknowledged.TryAdd(result.RootElement.GetProperty("id").GetString()!, 0);
                    answered++;
                }

                if (answered == batch.Count)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
            {
                // The service went away mid-request: what was acknowledged is logged; send the batch again.
            }

            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, "ingest did not come back");
            Resent++;
            await Task.Delay(200);
        }
    }

    public void Dispose() => http.Dispose();
}
