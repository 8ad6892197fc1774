using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NewsSearch.Articles;
using NewsSearch.Ingest.Api;

namespace NewsSearch.Ingest.IntegrationTests;

public sealed class BatchTests
{
    private static async Task<(HttpResponseMessage Response, List<BatchLineResult> Lines)> PostBatchAsync(IngestHarness ingest, string ndjson, string mediaType = "application/x-ndjson", string query = "")
    {
        using var content = new StringContent(ndjson, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        var response = await ingest.Client.PostAsync("/api/articles/batch" + query, content);
        var body = await response.Content.ReadAsStringAsync();
        var lines = response.IsSuccessStatusCode
            ? body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize<BatchLineResult>(line, ArticleJson.Options)!).ToList()
            : [];
        return (response, lines);
    }

    private static string Line(object article) => JsonSerializer.Serialize(article);

    [Fact]
    public async Task Each_line_gets_one_result_line_and_a_bad_line_fails_alone()
    {
        await using var ingest = await IngestHarness.StartAsync();
        var ndjson = string.Join('\n',
            Line(new { text = Corpus.Article(1) }),
            "{\"text\": \"unterminated",
            Line(new { text = Corpus.Article(2), source = "Dawn", published = "2025-10-29" }),
            Line(new { text = Corpus.Article(3), author = "unknown field" }),
            Line(new { text = "   " }),
            Line(new { text = Corpus.Article(1) }),
            Line(new { text = Corpus.Article(4), published = "not a date" })) + "\n";

        var (response, lines) = await PostBatchAsync(ingest, ndjson);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        lines.Select(line => line.Line).ShouldBe([1, 2, 3, 4, 5, 6, 7]);
        lines.Select(line => line.Status).ShouldBe(["pending", "rejected", "pending", "rejected", "rejected", "pending", "rejected"]);
        lines[0].Id.ShouldBe(ArticleId.FromText(Corpus.Article(1)));
        lines[0].Duplicate.ShouldBe(false);
        lines[5].Id.ShouldBe(lines[0].Id);
        lines[5].Duplicate.ShouldBe(true);
        lines.Where(line => line.Status == "rejected").ShouldAllBe(line => line.Id == null && !string.IsNullOrEmpty(line.Error));
        (await ingest.PipelineAsync()).Received.ShouldBe(2);
    }

    [Fact]
    public async Task A_batch_wide_as_of_date_is_given_to_every_line_without_its_own()
    {
        await using var ingest = await IngestHarness.StartAsync();
        var ndjson = string.Join('\n',
            Line(new { text = Corpus.Article(1) }),
            Line(new { text = Corpus.Article(2), asOf = "1987-06-30" }),
            Line(new { text = Corpus.Article(3), asOf = "not a date" }));

        var (_, lines) = await PostBatchAsync(ingest, ndjson, query: "?asOf=1987-04-01");

        lines.Select(line => line.Status).ShouldBe(["pending", "pending", "rejected"]);
        lines[2].Error!.ShouldContain("asOf");
        await ingest.WaitForAsync(status => status.Indexed == 2);
        var delivered = ingest.Enrichment.Batches.SelectMany(batch => batch).ToDictionary(article => article.Text, article => article.Metadata.AsOf);
        delivered[Corpus.Article(1)].ShouldBe(new DateOnly(1987, 4, 1));
        delivered[Corpus.Article(2)].ShouldBe(new DateOnly(1987, 6, 30));
    }

    [Fact]
    public async Task A_malformed_batch_wide_as_of_date_refuses_the_batch()
    {
        await using var ingest = await IngestHarness.StartAsync();

        var (response, _) = await PostBatchAsync(ingest, Line(new { text = Corpus.Article(1) }), query: "?asOf=yesterday");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ingest.PipelineAsync()).Received.ShouldBe(0);
    }

    [Fact]
    public async Task Blank_lines_and_windows_line_endings_are_tolerated()
    {
        await using var ingest = await IngestHarness.StartAsync();
        var ndjson = Line(new { text = Corpus.Article(1) }) + "\r\n\r\n" + Line(new { text = Corpus.Article(2) });

        var (_, lines) = await PostBatchAsync(ingest, ndjson);

        lines.Select(line => (line.Line, line.Status)).ShouldBe([(1, "pending"), (3, "pending")]);
    }

    [Fact]
    public async Task A_line_over_the_size_limit_fails_alone()
    {
        await using var ingest = await IngestHarness.StartAsync(new Dictionary<string, string?> { ["Ingest:MaxArticleBytes"] = "2048" });
        var ndjson = string.Join('\n',
            Line(new { text = Corpus.Article(1) }),
            Line(new { text = new string('a', 100_000) }),
            Line(new { text = Corpus.Article(2) }));

        var (_, lines) = await PostBatchAsync(ingest, ndjson);

        lines.Select(line => (line.Line, line.Status)).ShouldBe([(1, "pending"), (2, "rejected"), (3, "pending")]);
        lines[1].Error!.ShouldContain("2048");
    }

    [Fact]
    public async Task A_batch_larger_than_the_service_wide_body_limit_streams_through()
    {
        await using var ingest = await IngestHarness.StartAsync();
        // Kestrel's default body limit is 30 MB; the batch is not held whole, so it is not bound by that.
        var padding = new string('x', 16 * 1024);
        var ndjson = new StringBuilder();
        for (var n = 0; n < 2_000; n++)
        {
            ndjson.Append(Line(new { text = Corpus.Article(n) + " " + padding })).Append('\n');
        }

        var (response, lines) = await PostBatchAsync(ingest, ndjson.ToString());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        lines.Count.ShouldBe(2_000);
        lines.ShouldAllBe(line => line.Status == "pending");
        (await ingest.PipelineAsync()).Received.ShouldBe(2_000);
    }

    [Fact]
    public async Task A_batch_line_with_invalid_utf8_fails_alone()
    {
        await using var ingest = await IngestHarness.StartAsync();
        byte[] body = [.. Encoding.UTF8.GetBytes(Line(new { text = Corpus.Article(1) }) + "\n{\"text\": \"bad "), 0xff, 0xfe, .. "\"}\n"u8, .. Encoding.UTF8.GetBytes(Line(new { text = Corpus.Article(2) }))];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");

        using var response = await ingest.Client.PostAsync("/api/articles/batch", content);

        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<BatchLineResult>(line, ArticleJson.Options)!).ToList();
        lines.Select(line => line.Status).ShouldBe(["pending", "rejected", "pending"]);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    public async Task A_batch_in_another_media_type_gets_415(string mediaType)
    {
        await using var ingest = await IngestHarness.StartAsync();

        var (response, _) = await PostBatchAsync(ingest, Line(new { text = Corpus.Article(1) }), mediaType);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await ingest.PipelineAsync()).Received.ShouldBe(0);
    }

    [Fact]
    public async Task Batched_articles_are_delivered_and_indexed()
    {
        await using var ingest = await IngestHarness.StartAsync();
        var ndjson = string.Join('\n', Enumerable.Range(0, 50).Select(n => Line(new { text = Corpus.Article(n) })));

        await PostBatchAsync(ingest, ndjson);

        await ingest.WaitForAsync(status => status.Indexed == 50);
        ingest.Enrichment.Indexed.Count.ShouldBe(50);
    }
}
