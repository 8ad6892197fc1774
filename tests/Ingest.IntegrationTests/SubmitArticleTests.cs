using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using NewsSearch.Articles;
using NewsSearch.Ingest.Api;

namespace NewsSearch.Ingest.IntegrationTests;

public sealed class SubmitArticleTests
{
    [Fact]
    public async Task A_plain_text_article_is_acknowledged_with_its_content_id_and_a_location()
    {
        await using var ingest = await IngestHarness.StartAsync();
        var text = Corpus.Article(1);

        using var response = await ingest.PostTextAsync(text);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var result = (await response.Content.ReadFromJsonAsync<SubmitResult>(ArticleJson.Options))!;
        result.Id.ShouldBe(ArticleId.FromText(text));
        result.Duplicate.ShouldBeFalse();
        response.Headers.Location!.ToString().ShouldBe($"/api/articles/{result.Id}");
    }

    [Fact]
    public async Task The_same_text_sent_again_answers_the_same_id_as_a_duplicate_and_is_stored_once()
    {
        await using var ingest = await IngestHarness.StartAsync();
        var first = await ingest.SubmitAsync(Corpus.Article(1));

        using var again = await ingest.PostTextAsync(Corpus.Article(1));

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = (await again.Content.ReadFromJsonAsync<SubmitResult>(ArticleJson.Options))!;
        second.Id.ShouldBe(first.Id);
        second.Duplicate.ShouldBeTrue();
        (await ingest.PipelineAsync()).Received.ShouldBe(1);
    }

    [Fact]
    public async Task Text_that_differs_only_in_spacing_and_line_endings_is_the_same_article()
    {
        await using var ingest = await IngestHarness.StartAsync();
        var first = await ingest.SubmitAsync("Talks collapse\n\nPeace talks ended early Wednesday.");

        var second = await ingest.SubmitAsync("  Talks collapse\r\n\r\n\r\nPeace  talks ended\tearly Wednesday.  \r\n");

        second.Id.ShouldBe(first.Id);
        second.Duplicate.ShouldBeTrue();
    }

    [Fact]
    public async Task A_json_article_keeps_its_metadata_on_the_way_to_enrichment()
    {
        await using var ingest = await IngestHarness.StartAsync();

        using var response = await ingest.Client.PostAsJsonAsync("/api/articles", new
        {
            text = Corpus.Article(2),
            title = "Talks stall",
            source = "Dawn",
            url = "https://www.dawn.com/news/1",
            published = "2025-10-29",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await ingest.WaitForAsync(status => status.Indexed == 1);
        var delivered = ingest.Enrichment.Batches.SelectMany(batch => batch).Single();
        delivered.Text.ShouldBe(Corpus.Article(2));
        delivered.Metadata.ShouldBe(new ArticleMetadata("Talks stall", "Dawn", "https://www.dawn.com/news/1", new DateOnly(2025, 10, 29)));
    }

    [Fact]
    public async Task A_json_article_keeps_its_as_of_reference_date_on_the_way_to_enrichment()
    {
        await using var ingest = await IngestHarness.StartAsync();

        using var response = await ingest.Client.PostAsJsonAsync("/api/articles", new { text = Corpus.Article(2), asOf = "1987-04-01" });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await ingest.WaitForAsync(status => status.Indexed == 1);
        ingest.Enrichment.Batches.SelectMany(batch => batch).Single().Metadata.ShouldBe(new ArticleMetadata(AsOf: new DateOnly(1987, 4, 1)));
    }

    [Fact]
    public async Task A_published_date_and_time_is_kept_as_its_date()
    {
        await using var ingest = await IngestHarness.StartAsync();

        using var response = await ingest.Client.PostAsJsonAsync("/api/articles", new { text = Corpus.Article(3), published = "2025-11-08T21:30:00+05:00" });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await ingest.WaitForAsync(status => status.Indexed == 1);
        ingest.Enrichment.Batches.SelectMany(batch => batch).Single().Metadata.Published.ShouldBe(new DateOnly(2025, 11, 8));
    }

    public static TheoryData<string, string, byte[]> BadArticles() => new()
    {
        { "empty text", "text/plain", [] },
        { "whitespace-only text", "text/plain", " \r\n\t \n"u8.ToArray() },
        { "invalid UTF-8", "text/plain", [0x54, 0x61, 0x6c, 0x6b, 0xc3, 0x28, 0x20, 0xff] },
        { "binary with NUL bytes", "text/plain", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00] },
        { "a NUL in otherwise good text", "text/plain", "Talks\0 collapse"u8.ToArray() },
        { "a control character", "text/plain", "Talks \u0007collapse"u8.ToArray() },
        { "malformed JSON", "application/json", "{\"text\": \"Talks collapse"u8.ToArray() },
        { "an unknown JSON field", "application/json", "{\"text\": \"Talks collapse\", \"author\": \"someone\"}"u8.ToArray() },
        { "a duplicated JSON field", "application/json", "{\"text\": \"Talks collapse\", \"text\": \"Talks resume\"}"u8.ToArray() },
        { "JSON without text", "application/json", "{\"title\": \"Talks collapse\"}"u8.ToArray() },
        { "JSON with blank text", "application/json", "{\"text\": \"   \"}"u8.ToArray() },
        { "JSON text that is not a string", "application/json", "{\"text\": 42}"u8.ToArray() },
        { "a JSON array", "application/json", "[{\"text\": \"Talks collapse\"}]"u8.ToArray() },
        { "JSON null", "application/json", "null"u8.ToArray() },
        { "a published value that is not a date", "application/json", "{\"text\": \"Talks collapse\", \"published\": \"last Tuesday\"}"u8.ToArray() },
        { "an impossible published date", "application/json", "{\"text\": \"Talks collapse\", \"published\": \"2025-02-30\"}"u8.ToArray() },
        { "a url that is not http", "application/json", "{\"text\": \"Talks collapse\", \"url\": \"javascript:alert(1)\"}"u8.ToArray() },
        { "a title with a line break", "application/json", "{\"text\": \"Talks collapse\", \"title\": \"a\\nb\"}"u8.ToArray() },
        { "a JSON text with an escaped NUL", "application/json", "{\"text\": \"Talks\\u0000collapse\"}"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(BadArticles))]
    public async Task A_bad_article_gets_a_400_problem_and_nothing_is_stored(string why, string mediaType, byte[] body)
    {
        await using var ingest = await IngestHarness.StartAsync();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);

        using var response = await ingest.Client.PostAsync("/api/articles", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, why);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("   at ");
        (await ingest.PipelineAsync()).Received.ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_field_is_named_in_the_problem_without_dotnet_type_names()
    {
        await using var ingest = await IngestHarness.StartAsync();

        using var response = await ingest.Client.PostAsJsonAsync("/api/articles", new { text = Corpus.Article(1), author = "someone" });

        var problem = await response.Content.ReadAsStringAsync();
        problem.ShouldContain("author");
        problem.ShouldNotContain("NewsSearch");
    }

    [Fact]
    public async Task An_article_over_the_size_limit_gets_413_and_nothing_is_stored()
    {
        await using var ingest = await IngestHarness.StartAsync(new Dictionary<string, string?> { ["Ingest:MaxArticleBytes"] = "2048" });

        using var response = await ingest.PostTextAsync(new string('a', 2049));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await ingest.PipelineAsync()).Received.ShouldBe(0);
    }

    [Fact]
    public async Task An_article_over_the_size_limit_is_refused_even_without_a_content_length()
    {
        await using var ingest = await IngestHarness.StartAsync(new Dictionary<string, string?> { ["Ingest:MaxArticleBytes"] = "2048" });
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string('a', 5000))));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await ingest.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await ingest.PipelineAsync()).Received.ShouldBe(0);
    }

    [Fact]
    public async Task An_article_exactly_at_the_size_limit_is_accepted()
    {
        await using var ingest = await IngestHarness.StartAsync(new Dictionary<string, string?> { ["Ingest:MaxArticleBytes"] = "2048" });

        using var response = await ingest.PostTextAsync(new string('a', 2048));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/html")]
    [InlineData("text/plain; charset=iso-8859-1")]
    [InlineData("application/x-ndjson")]
    public async Task An_unsupported_media_type_gets_415(string mediaType)
    {
        await using var ingest = await IngestHarness.StartAsync();
        using var content = new StringContent("Talks collapse");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);

        using var response = await ingest.Client.PostAsync("/api/articles", content);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await ingest.PipelineAsync()).Received.ShouldBe(0);
    }

    [Fact]
    public async Task A_body_without_a_content_type_gets_415()
    {
        await using var ingest = await IngestHarness.StartAsync();
        using var content = new ByteArrayContent("Talks collapse"u8.ToArray());

        using var response = await ingest.Client.PostAsync("/api/articles", content);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_is_not_part_of_the_text()
    {
        await using var ingest = await IngestHarness.StartAsync();
        using var content = new ByteArrayContent([0xef, 0xbb, 0xbf, .. Encoding.UTF8.GetBytes(Corpus.Article(4))]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        using var response = await ingest.Client.PostAsync("/api/articles", content);

        (await response.Content.ReadFromJsonAsync<SubmitResult>(ArticleJson.Options))!.Id.ShouldBe(ArticleId.FromText(Corpus.Article(4)));
    }
}
