using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsSearch.Query.IntegrationTests;

public sealed class SearchTests(QueryFixture fixture) : IClassFixture<QueryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private async Task<JsonElement> SearchAsync(string queryString)
    {
        var response = await _client.GetAsync("/api/search" + queryString, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static string[] Ids(JsonElement result) => [.. result.GetProperty("hits").EnumerateArray().Select(hit => hit.GetProperty("id").GetString()!)];

    [Fact]
    public async Task A_search_finds_the_articles_that_contain_the_words()
    {
        var result = await SearchAsync("?q=Istanbul");

        result.GetProperty("total").GetInt64().ShouldBe(3);
        Ids(result).ShouldBe([TestArticles.IstanbulReuters.Id, TestArticles.IstanbulDawn.Id, TestArticles.IstanbulTolo.Id], ignoreOrder: true);
        result.GetProperty("page").GetInt32().ShouldBe(1);
        result.GetProperty("size").GetInt32().ShouldBe(10);
        result.TryGetProperty("tookMs", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Hits_carry_only_the_public_fields()
    {
        var result = await SearchAsync("?q=Istanbul");

        foreach (var hit in result.GetProperty("hits").EnumerateArray())
            hit.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "title", "source", "published", "yearKnown", "snippet", "actors", "topics", "score", "story"], ignoreOrder: true);
    }

    [Fact]
    public async Task Snippets_mark_matches_and_escape_everything_else()
    {
        var result = await SearchAsync("?q=barbs");

        var snippet = result.GetProperty("hits")[0].GetProperty("snippet").GetString()!;
        snippet.ShouldContain("<mark>");
        snippet.ShouldNotContain("<script>");
        snippet.Replace("<mark>", "").Replace("</mark>", "").ShouldNotContain("<");
    }

    [Fact]
    public async Task An_empty_query_matches_every_article()
    {
        var result = await SearchAsync("?q=");

        result.GetProperty("total").GetInt64().ShouldBe(TestArticles.All.Count);
    }

    [Fact]
    public async Task Values_of_one_facet_are_ORed_and_facets_are_ANDed()
    {
        var dawnOrReuters = await SearchAsync("?q=Istanbul&source=Dawn&source=Reuters");
        var dawnAndAsif = await SearchAsync("?source=Dawn&actor=Khawaja%20Asif");

        Ids(dawnOrReuters).ShouldBe([TestArticles.IstanbulDawn.Id, TestArticles.IstanbulReuters.Id], ignoreOrder: true);
        Ids(dawnAndAsif).ShouldBe([TestArticles.IstanbulDawn.Id]);
    }

    [Fact]
    public async Task A_facets_counts_ignore_its_own_selection()
    {
        var result = await SearchAsync("?q=Istanbul&source=Dawn");

        var sources = result.GetProperty("facets").GetProperty("source").EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => (Count: v.GetProperty("count").GetInt64(), Selected: v.GetProperty("selected").GetBoolean()));
        sources["Dawn"].ShouldBe((1L, true));
        sources["Reuters"].ShouldBe((1L, false));
        sources["Tolo News"].ShouldBe((1L, false));
        result.GetProperty("total").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Actor_facet_values_carry_their_type()
    {
        var result = await SearchAsync("?q=Istanbul");

        var actors = result.GetProperty("facets").GetProperty("actor").EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("type").GetString());
        actors["Pakistan"].ShouldBe("country");
        actors["Khawaja Asif"].ShouldBe("person");
    }

    [Fact]
    public async Task A_date_range_is_inclusive_on_both_ends()
    {
        var result = await SearchAsync("?q=Istanbul&from=2025-10-28&to=2025-11-07");

        Ids(result).ShouldBe([TestArticles.IstanbulDawn.Id, TestArticles.IstanbulTolo.Id], ignoreOrder: true);
    }

    [Theory]
    [InlineData("newest")]
    [InlineData("NEWEST")]
    public async Task Newest_sorts_by_publication_date_descending(string sort)
    {
        var result = await SearchAsync($"?q=Istanbul&sort={sort}");

        Ids(result).ShouldBe([TestArticles.IstanbulTolo.Id, TestArticles.IstanbulDawn.Id, TestArticles.IstanbulReuters.Id]);
    }

    [Fact]
    public async Task Oldest_sorts_by_publication_date_ascending()
    {
        var result = await SearchAsync("?q=Istanbul&sort=oldest");

        Ids(result).ShouldBe([TestArticles.IstanbulReuters.Id, TestArticles.IstanbulDawn.Id, TestArticles.IstanbulTolo.Id]);
    }

    [Fact]
    public async Task Pages_split_the_hits_without_overlap()
    {
        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var result = await SearchAsync($"?q=Istanbul&sort=newest&size=1&page={page}");
            result.GetProperty("page").GetInt32().ShouldBe(page);
            result.GetProperty("total").GetInt64().ShouldBe(3);
            pages.AddRange(Ids(result));
        }

        pages.ShouldBe([TestArticles.IstanbulTolo.Id, TestArticles.IstanbulDawn.Id, TestArticles.IstanbulReuters.Id]);
    }

    [Fact]
    public async Task Facet_values_are_trimmed_and_duplicates_count_once()
    {
        var result = await SearchAsync("?source=%20Dawn%20&source=Dawn");

        result.GetProperty("total").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task The_date_facet_is_a_histogram_of_the_matching_articles()
    {
        var result = await SearchAsync("?q=Istanbul");

        var buckets = result.GetProperty("facets").GetProperty("date").EnumerateArray().Sum(b => b.GetProperty("count").GetInt64());
        buckets.ShouldBe(3);
        result.GetProperty("facets").GetProperty("undated").GetInt64().ShouldBe(0);
    }
}
