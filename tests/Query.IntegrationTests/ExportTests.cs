using System.Buffers;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NewsSearch.Articles;
using NewsSearch.Query.Api;

namespace NewsSearch.Query.IntegrationTests;

public sealed class ExportTests(QueryFixture fixture) : IClassFixture<QueryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Fact]
    public async Task A_csv_export_has_a_header_and_one_row_per_match_newest_first()
    {
        var response = await _client.GetAsync("/api/search/export?format=csv&q=Istanbul", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("articles.csv");
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("id,title,source,published,url,actors,topics,story");
        lines.Length.ShouldBe(4);
        lines[1].ShouldStartWith($"{TestArticles.IstanbulTolo.Id},Islamic Emirate delegation returns from Istanbul,Tolo News,2025-11-07,,");
        lines[3].ShouldContain("Afghanistan (country); Turkey (country)");
        lines[2].ShouldContain("\"Istanbul talks end without agreement, Khawaja Asif says\"");
    }

    [Fact]
    public async Task An_ndjson_export_with_body_carries_the_body_and_typed_actors()
    {
        var text = await _client.GetStringAsync("/api/search/export?format=ndjson&body=true&actor=Khawaja%20Asif", Ct);

        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        rows.Count.ShouldBe(1);
        rows[0].GetProperty("id").GetString().ShouldBe(TestArticles.IstanbulDawn.Id);
        rows[0].GetProperty("published").GetString().ShouldBe("2025-10-28");
        rows[0].GetProperty("body").GetString().ShouldBe(TestArticles.IstanbulDawn.Body);
        rows[0].GetProperty("actors").EnumerateArray().Select(a => $"{a.GetProperty("name").GetString()}/{a.GetProperty("type").GetString()}")
            .ShouldContain("Khawaja Asif/person");
        rows[0].GetProperty("topics").EnumerateArray().Select(t => t.GetString()).ShouldBe(["Diplomacy", "Security"]);
    }

    [Fact]
    public async Task Without_body_the_export_leaves_the_body_out_and_undated_articles_come_last()
    {
        var text = await _client.GetStringAsync("/api/search/export?format=ndjson", Ct);

        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        rows.Count.ShouldBe(TestArticles.All.Count);
        rows.ShouldAllBe(row => !row.EnumerateObject().Any(p => p.Name == "body"));
        rows[^1].GetProperty("published").ValueKind.ShouldBe(JsonValueKind.Null);
        rows[^1].GetProperty("source").GetString().ShouldBe(EnrichedArticle.UnknownSource);
    }

    [Fact]
    public async Task Paging_parameters_do_not_cap_an_export()
    {
        var response = await _client.GetAsync("/api/search/export?format=csv&page=10001&size=100000", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(TestArticles.All.Count + 1);
    }

    public static TheoryData<string, string> BadExports => new()
    {
        { "format=xml", "format" },
        { "format=csv%00", "format" },
        { "format=" + new string('x', 5000), "format" },
        { "body=yes", "body" },
        { "body=1", "body" },
        { "q=%22%22", "q" },
        { "q=%01hidden", "q" },
        { "from=2025-13-01", "from" },
        { "from=2025-11-01&to=2025-10-01", "from" },
        { "sort=best", "sort" },
        { "source=Da%00wn", "source" },
        { string.Join("&", Enumerable.Range(0, 51).Select(i => $"actor=a{i}")), "actor" },
    };

    [Theory]
    [MemberData(nameof(BadExports))]
    public async Task Bad_export_parameters_answer_400_naming_the_parameter(string query, string parameter)
    {
        var response = await _client.GetAsync("/api/search/export?" + query, Ct);

        await response.ShouldBeBadRequestNamingAsync(parameter);
    }

    [Fact]
    public void A_csv_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var article = TestArticles.Markup with { Title = "=HYPERLINK(\"http://evil\")", Topics = [new TopicScore("-1+1", 1)] };

        new CsvExportWriter().WriteRow(buffer, article, withBody: false);

        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        line.ShouldContain(",\"'=HYPERLINK(\"\"http://evil\"\")\",");
        line.ShouldEndWith(",\"'-1+1\",\r\n"); // the last cell is the story, which the article has none of until a store assigns it
    }
}
