using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsSearch.Query.IntegrationTests;

public sealed class CompareTests(QueryFixture fixture) : IClassFixture<QueryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Fact]
    public async Task Compare_puts_the_search_s_outlets_side_by_side_earliest_first()
    {
        var comparison = await _client.GetFromJsonAsync<JsonElement>("/api/compare?q=Istanbul", Ct);

        comparison.GetProperty("compared").GetInt32().ShouldBe(3);
        comparison.GetProperty("truncated").GetBoolean().ShouldBeFalse();
        comparison.GetProperty("outlets").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ShouldBe(["Reuters", "Dawn", "Tolo News"]);
        var pakistan = comparison.GetProperty("actors").EnumerateArray().First();
        pakistan.GetProperty("name").GetString().ShouldBe("Pakistan");
        pakistan.GetProperty("mentions").EnumerateArray().Select(m => m.GetInt32()).ShouldBe([2, 2, 2]);
    }

    [Fact]
    public async Task Compare_honours_the_filters_and_gives_each_unattributed_article_its_own_column()
    {
        var comparison = await _client.GetFromJsonAsync<JsonElement>("/api/compare?topic=Conflict", Ct);

        comparison.GetProperty("outlets").EnumerateArray().Select(o => o.GetProperty("name").GetString())
            .ShouldBe(["Reuters", "Unknown: Ceasefire holds along the border"]);
    }

    [Theory]
    [InlineData("q=%22%22", "q")]
    [InlineData("from=2025-10-32", "from")]
    [InlineData("sort=loudest", "sort")]
    [InlineData("source=%1b[31m", "source")]
    public async Task Bad_compare_parameters_answer_400_naming_the_parameter(string query, string parameter)
    {
        var response = await _client.GetAsync("/api/compare?" + query, Ct);

        await response.ShouldBeBadRequestNamingAsync(parameter);
    }
}
