using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsSearch.Query.IntegrationTests;

public sealed class StoriesTests(QueryFixture fixture) : IClassFixture<QueryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private async Task<string> StoryOfAsync(string articleId)
    {
        var article = await _client.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}", Ct);
        return article.GetProperty("story").GetString()!;
    }

    [Fact]
    public async Task A_story_has_a_label_a_size_a_date_span_and_outlets_and_its_articles_are_a_search_and_a_comparison()
    {
        var id = await StoryOfAsync(TestArticles.IstanbulDawn.Id);

        var story = await _client.GetFromJsonAsync<JsonElement>($"/api/stories/{id}", Ct);
        story.GetProperty("id").GetString().ShouldBe(id);
        story.GetProperty("label").GetString().ShouldNotBeNullOrWhiteSpace();
        var size = story.GetProperty("size").GetInt32();
        size.ShouldBeGreaterThanOrEqualTo(1);
        story.GetProperty("outlets").EnumerateArray().Select(o => o.GetProperty("value").GetString()).ShouldContain("Dawn");
        story.GetProperty("first").GetString().ShouldNotBeNull();

        var search = await _client.GetFromJsonAsync<JsonElement>($"/api/search?story={id}", Ct);
        search.GetProperty("total").GetInt32().ShouldBe(size);
        search.GetProperty("hits").EnumerateArray().ShouldAllBe(h => h.GetProperty("story").GetString() == id);
        // Disjunctive, like the other facets: the selected story and the others a broader search would find.
        var facet = search.GetProperty("facets").GetProperty("story").EnumerateArray().Single(f => f.GetProperty("selected").GetBoolean());
        facet.GetProperty("value").GetString().ShouldBe(id);
        facet.GetProperty("selected").GetBoolean().ShouldBeTrue();
        facet.GetProperty("label").GetString().ShouldBe(story.GetProperty("label").GetString());

        var comparison = await _client.GetFromJsonAsync<JsonElement>($"/api/compare?story={id}", Ct);
        comparison.GetProperty("compared").GetInt32().ShouldBe(size);

        var listed = await _client.GetFromJsonAsync<JsonElement>("/api/stories?facetSize=100", Ct);
        listed.EnumerateArray().Select(s => s.GetProperty("value").GetString()).ShouldContain(id);
    }

    [Fact]
    public async Task Unrelated_articles_are_in_other_stories()
    {
        var talks = await StoryOfAsync(TestArticles.IstanbulDawn.Id);
        (await StoryOfAsync(TestArticles.Harvest.Id)).ShouldNotBe(talks);
        (await StoryOfAsync(TestArticles.Markup.Id)).ShouldNotBe(talks);
    }

    [Theory]
    [InlineData("not-a-story")]
    [InlineData("ABCDEF0123456789")]
    [InlineData("0123456789abcdef0")]
    [InlineData("%27%3B%20DROP%20TABLE%20story%3B--")]
    public async Task A_malformed_story_id_answers_400(string id)
    {
        var response = await _client.GetAsync($"/api/stories/{id}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task An_unknown_story_answers_404()
    {
        var response = await _client.GetAsync("/api/stories/ffffffffffffffff", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("/api/search?story=abc")]
    [InlineData("/api/search?story=%00%00")]
    [InlineData("/api/compare?story=%27%20OR%201%3D1")]
    [InlineData("/api/search/export?format=csv&story=xyz")]
    [InlineData("/api/stories?story=1234")]
    [InlineData("/api/analysis/matrix?rows=source&cols=actor&story=nope")]
    public async Task A_malformed_story_filter_answers_400_naming_story(string url)
    {
        var response = await _client.GetAsync(url, Ct);

        await response.ShouldBeBadRequestNamingAsync("story");
    }

    [Fact]
    public async Task Too_many_story_filters_answer_400()
    {
        var url = "/api/search?" + string.Join('&', Enumerable.Range(0, 200).Select(i => $"story={i:x16}"));

        await (await _client.GetAsync(url, Ct)).ShouldBeBadRequestNamingAsync("story");
    }

    [Fact]
    public async Task An_unknown_but_well_formed_story_filter_matches_nothing()
    {
        var search = await _client.GetFromJsonAsync<JsonElement>("/api/search?story=ffffffffffffffff", Ct);

        search.GetProperty("total").GetInt32().ShouldBe(0);
    }
}
