using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsSearch.Importer;

/// <summary>What became of one file.</summary>
public sealed record FileResult(string File, string Status, string? Id = null, string? Error = null)
{
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate";
    public const string Failed = "failed";
}

public sealed record ImportSummary(IReadOnlyList<FileResult> Files)
{
    public int Accepted => Files.Count(file => file.Status == FileResult.Accepted);
    public int Duplicates => Files.Count(file => file.Status == FileResult.Duplicate);
    public IEnumerable<FileResult> Failures => Files.Where(file => file.Status == FileResult.Failed);
}

/// <summary>
/// Loads a folder of <c>.txt</c> (plain text) and <c>.json</c> (<c>{text, title?, source?, url?, published?, asOf?}</c>) files
/// through <c>POST /api/articles/batch</c>, in chunks. Resending a chunk is safe (ids are content hashes),
/// so throttling and transient failures are simply retried. <paramref name="asOf"/> is the batch-wide reference date
/// for files that give none (an archive's collection date).
/// </summary>
public sealed class FolderImport(HttpClient http, int chunkFiles = 200, long chunkBytes = 4 * 1024 * 1024, DateOnly? asOf = null)
{
    private readonly string _batchPath = asOf is { } reference
        ? $"api/articles/batch?asOf={reference.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        : "api/articles/batch";

    private const int MaxTries = 5;
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static IReadOnlyList<string> FindFiles(string directory) =>
        [.. Directory.EnumerateFiles(directory)
            .Where(file => Path.GetExtension(file).ToLowerInvariant() is ".txt" or ".json")
            .Order(StringComparer.Ordinal)];

    public async Task<ImportSummary> ImportAsync(IReadOnlyList<string> files, Action<int> progress, CancellationToken cancellationToken)
    {
        var results = new List<FileResult>(files.Count);
        var chunk = new List<(string File, string Line)>();
        long bytes = 0;
        foreach (var file in files)
        {
            var (line, error) = await ToLineAsync(file, cancellationToken);
            if (line is null)
            {
                results.Add(new FileResult(file, FileResult.Failed, Error: error));
                progress(1);
                continue;
            }

            chunk.Add((file, line));
            bytes += line.Length;
            if (chunk.Count >= chunkFiles || bytes >= chunkBytes)
            {
                results.AddRange(await SendAsync(chunk, cancellationToken));
                progress(chunk.Count);
                chunk.Clear();
                bytes = 0;
            }
        }

        if (chunk.Count > 0)
        {
            results.AddRange(await SendAsync(chunk, cancellationToken));
            progress(chunk.Count);
        }

        return new ImportSummary(results);
    }

    private static async Task<(string? Line, string? Error)> ToLineAsync(string file, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        if (Path.GetExtension(file).Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                // Re-serialised compactly: NDJSON needs the article on one line. The service validates the fields.
                return (JsonNode.Parse(bytes)?.ToJsonString() ?? "null", null);
            }
            catch (JsonException exception)
            {
                return (null, $"malformed JSON: {exception.Message}");
            }
        }

        try
        {
            var text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
            return (JsonSerializer.Serialize(new { text }), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "not valid UTF-8 text");
        }
    }

    private async Task<IReadOnlyList<FileResult>> SendAsync(List<(string File, string Line)> chunk, CancellationToken cancellationToken)
    {
        var body = string.Join('\n', chunk.Select(item => item.Line)) + "\n";
        string? lastError = null;
        for (var attempt = 1; attempt <= MaxTries; attempt++)
        {
            try
            {
                using var content = new StringContent(body, Encoding.UTF8);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson") { CharSet = "utf-8" };
                using var response = await http.PostAsync(_batchPath, content, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return Match(chunk, await response.Content.ReadAsStringAsync(cancellationToken));
                }

                lastError = $"{(int)response.StatusCode} {response.ReasonPhrase}: {await Detail(response, cancellationToken)}";
                if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout))
                {
                    break;
                }

                await Task.Delay(response.Headers.RetryAfter?.Delta ?? Backoff(attempt), cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                lastError = exception.Message;
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }

        return [.. chunk.Select(item => new FileResult(item.File, FileResult.Failed, Error: lastError))];
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 1) * (0.5 + Random.Shared.NextDouble() / 2));

    /// <summary>The service answers one line per input line, numbered from 1 in the order sent.</summary>
    private static List<FileResult> Match(List<(string File, string Line)> chunk, string ndjson)
    {
        var byLine = new Dictionary<int, JsonElement>();
        foreach (var line in ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var result = JsonDocument.Parse(line).RootElement;
            byLine[result.GetProperty("line").GetInt32()] = result.Clone();
        }

        return [.. chunk.Select((item, index) =>
        {
            if (!byLine.TryGetValue(index + 1, out var result))
            {
                return new FileResult(item.File, FileResult.Failed, Error: "the service gave no result for it");
            }

            var status = result.GetProperty("status").GetString();
            var id = result.TryGetProperty("id", out var idValue) ? idValue.GetString() : null;
            return status == "rejected"
                ? new FileResult(item.File, FileResult.Failed, Error: result.TryGetProperty("error", out var error) ? error.GetString() : "rejected")
                : new FileResult(item.File, result.TryGetProperty("duplicate", out var duplicate) && duplicate.GetBoolean() ? FileResult.Duplicate : FileResult.Accepted, id);
        })];
    }

    private static async Task<string> Detail(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body.Length <= 200 ? body : body[..200];
        }
    }
}
