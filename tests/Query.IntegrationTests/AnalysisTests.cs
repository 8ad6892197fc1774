using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsSearch.Query.IntegrationTests;

public sealed class AnalysisTests(QueryFixture fixture) : IClassFixture<QueryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private static Dictionary<string, long> Row(JsonElement matrix, string source)
    {
        var rows = matrix.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("value").GetString()).ToList();
        var columns = matrix.GetProperty("columnHeadings").EnumerateArray().Select(c => c.GetProperty("value").GetString()!).ToList();
        var cells = matrix.GetProperty("cells")[rows.IndexOf(source)].EnumerateArray().Select(c => c.GetInt64()).ToList();
        return columns.Zip(cells).ToDictionary(pair => pair.First, pair => pair.Second);
    }

    [Fact]
    public async Task The_matrix_counts_articles_per_outlet_and_actor_for_the_search()
    {
        var matrix = await _client.GetFromJsonAsync<JsonElement>("/api/analysis/matrix?rows=source&cols=actor&q=Istanbul", Ct);

        matrix.GetProperty("total").GetInt64().ShouldBe(3);
        matrix.GetProperty("columns").GetString().ShouldBe("actor");
        matrix.GetProperty("columnHeadings")[0].GetProperty("value").GetString().ShouldBe("Pakistan");
        matrix.GetProperty("columnHeadings")[0].GetProperty("count").GetInt64().ShouldBe(3);
        matrix.GetProperty("columnHeadings")[0].GetProperty("type").GetString().ShouldBe("country");
        Row(matrix, "Dawn")["Khawaja Asif"].ShouldBe(1);
        Row(matrix, "Dawn")["Zabihullah Mujahid"].ShouldBe(0);
        Row(matrix, "Tolo News")["Zabihullah Mujahid"].ShouldBe(1);
    }

    [Fact]
    public async Task The_matrix_by_topic_honours_every_filter_and_the_limit()
    {
        var matrix = await _client.GetFromJsonAsync<JsonElement>("/api/analysis/matrix?cols=topic&source=Dawn&limit=1", Ct);

        matrix.GetProperty("total").GetInt64().ShouldBe(2);
        matrix.GetProperty("rows").GetArrayLength().ShouldBe(1);
        matrix.GetProperty("columnHeadings").GetArrayLength().ShouldBe(1);
        Row(matrix, "Dawn").ShouldBe(new Dictionary<string, long> { ["Agriculture"] = 1 }); // four topics of one article each: ties go alphabetically
    }

    [Fact]
    public async Task Attention_splits_the_date_histogram_by_outlet_and_counts_undated_articles_apart()
    {
        var attention = await _client.GetFromJsonAsync<JsonElement>("/api/analysis/attention?outlets=2", Ct);

        attention.GetProperty("interval").GetString().ShouldBe("month");
        attention.GetProperty("buckets").EnumerateArray().Select(b => b.GetString()).ShouldBe(["2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"]);
        attention.GetProperty("undated").GetInt64().ShouldBe(1);
        var series = attention.GetProperty("series").EnumerateArray()
            .ToDictionary(s => s.GetProperty("source").GetString()!, s => s.GetProperty("counts").EnumerateArray().Select(c => c.GetInt64()).ToList());
        series.Keys.ShouldBe(["Dawn", "Reuters", "Other outlets"]);
        series["Dawn"].ShouldBe([1, 0, 0, 0, 1, 0]);
        series["Other outlets"].ShouldBe([0, 0, 0, 1, 0, 1]);
    }

    [Fact]
    public async Task Attention_over_a_few_weeks_counts_days()
    {
        var attention = await _client.GetFromJsonAsync<JsonElement>("/api/analysis/attention?q=Istanbul", Ct);

        attention.GetProperty("interval").GetString().ShouldBe("day");
        attention.GetProperty("buckets").GetArrayLength().ShouldBe(14);
        attention.GetProperty("buckets")[0].GetString().ShouldBe("2025-10-25");
    }

    public static TheoryData<string, string> BadAnalyses => new()
    {
        { "matrix?rows=actor", "rows" },
        { "matrix?cols=source", "cols" },
        { "matrix?cols=%3Cscript%3E", "cols" },
        { "matrix?limit=0", "limit" },
        { "matrix?limit=51", "limit" },
        { "matrix?limit=ten", "limit" },
        { "matrix?q=%22%22", "q" },
        { "matrix?from=2025-02-30", "from" },
        { "attention?outlets=31", "outlets" },
        { "attention?outlets=-1", "outlets" },
        { "attention?outlets=99999999999999999999", "outlets" },
        { "attention?sort=random", "sort" },
        { "attention?topic=%07", "topic" },
    };

    [Theory]
    [MemberData(nameof(BadAnalyses))]
    public async Task Bad_analysis_parameters_answer_400_naming_the_parameter(string path, string parameter)
    {
        var response = await _client.GetAsync("/api/analysis/" + path, Ct);

        await response.ShouldBeBadRequestNamingAsync(parameter);
    }
}
