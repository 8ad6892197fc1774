using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NewsSearch.Articles;

namespace NewsSearch.Query.Api;

/// <summary>
/// One export format: a header, then one row per article, written into a buffer the caller sends on whenever
/// it fills, so an export never holds more than a few rows at a time.
/// </summary>
public abstract class ExportWriter
{
    public abstract string ContentType { get; }
    public abstract string FileName { get; }

    public virtual void WriteHeader(IBufferWriter<byte> output, bool withBody)
    {
    }

    public abstract void WriteRow(IBufferWriter<byte> output, EnrichedArticle article, bool withBody);

    /// <summary>The writer for a <c>format</c> value, or null when there is none.</summary>
    public static ExportWriter? For(string format) => format switch
    {
        "csv" => new CsvExportWriter(),
        "ndjson" => new NdjsonExportWriter(),
        _ => null,
    };

    public static string Published(EnrichedArticle article) => article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>One JSON object per line: the fields as the API names them, actors with their type.</summary>
public sealed class NdjsonExportWriter : ExportWriter
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };

    public override string ContentType => "application/x-ndjson";
    public override string FileName => "articles.ndjson";

    public override void WriteRow(IBufferWriter<byte> output, EnrichedArticle article, bool withBody)
    {
        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            json.WriteString("id", article.Id);
            json.WriteString("title", article.Title);
            json.WriteString("source", article.Source);
            if (article.Published is null) json.WriteNull("published");
            else json.WriteString("published", Published(article));
            if (article.Url is null) json.WriteNull("url");
            else json.WriteString("url", article.Url);
            json.WriteStartArray("actors");
            foreach (var actor in article.Actors)
            {
                json.WriteStartObject();
                json.WriteString("name", actor.Name);
                json.WriteString("type", JsonNamingPolicy.CamelCase.ConvertName(actor.Type.ToString()));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("topics");
            foreach (var topic in article.Topics) json.WriteStringValue(topic.Label);
            json.WriteEndArray();
            if (article.Story is null) json.WriteNull("story");
            else json.WriteString("story", article.Story);
            if (withBody) json.WriteString("body", article.Body);
            json.WriteEndObject();
        }
        output.Write("\n"u8);
    }
}

/// <summary>
/// RFC 4180 CSV in UTF-8 with a header row; actors are "name (type)" and topics plain labels, each list joined
/// with "; ". A cell that a spreadsheet would run as a formula (starting with = + - @ or a tab) is prefixed
/// with an apostrophe: article text is untrusted, and researchers open exports in spreadsheets.
/// </summary>
public sealed class CsvExportWriter : ExportWriter
{
    private readonly StringBuilder _line = new();

    public override string ContentType => "text/csv; charset=utf-8";
    public override string FileName => "articles.csv";

    public override void WriteHeader(IBufferWriter<byte> output, bool withBody) =>
        Write(output, ["id", "title", "source", "published", "url", "actors", "topics", "story", .. withBody ? ["body"] : Array.Empty<string>()]);

    public override void WriteRow(IBufferWriter<byte> output, EnrichedArticle article, bool withBody) =>
        Write(output,
        [
            article.Id,
            article.Title,
            article.Source,
            Published(article),
            article.Url ?? "",
            string.Join("; ", article.Actors.Select(a => $"{a.Name} ({a.Type.ToString().ToLowerInvariant()})")),
            string.Join("; ", article.Topics.Select(t => t.Label)),
            article.Story ?? "",
            .. withBody ? [article.Body] : Array.Empty<string>(),
        ]);

    private void Write(IBufferWriter<byte> output, IReadOnlyList<string> cells)
    {
        _line.Clear();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) _line.Append(',');
            AppendCell(cells[i]);
        }
        _line.Append("\r\n");
        foreach (var chunk in _line.GetChunks()) Encoding.UTF8.GetBytes(chunk.Span, output);
    }

    private void AppendCell(string cell)
    {
        var formula = cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        var quoted = formula || cell.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (!quoted)
        {
            _line.Append(cell);
            return;
        }
        _line.Append('"');
        if (formula) _line.Append('\'');
        _line.Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
