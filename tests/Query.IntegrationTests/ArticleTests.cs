using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsSearch.Articles;

namespace NewsSearch.Query.IntegrationTests;

public sealed class ArticleTests(QueryFixture fixture) : IClassFixture<QueryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Fact]
    public async Task An_article_comes_back_whole()
    {
        var expected = TestArticles.IstanbulDawn;

        var article = await _client.GetFromJsonAsync<EnrichedArticle>($"/api/articles/{expected.Id}", ArticleJson.Options, Ct);

        article!.Title.ShouldBe(expected.Title);
        article.Body.ShouldBe(expected.Body);
        article.Source.ShouldBe(expected.Source);
        article.Published.ShouldBe(expected.Published);
        article.Actors.Select(a => (a.Name, a.Type)).ShouldBe(expected.Actors.Select(a => (a.Name, a.Type)));
        article.Topics.Select(t => t.Label).ShouldBe(expected.Topics.Select(t => t.Label));
    }

    [Fact]
    public async Task An_unknown_id_gets_404_problem()
    {
        var article = await _client.GetAsync("/api/articles/0123456789abcdef", Ct);
        var similar = await _client.GetAsync("/api/articles/0123456789abcdef/similar", Ct);

        foreach (var response in new[] { article, similar })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("0123456789ABCDEF")]
    [InlineData("0123456789abcdef0")]
    [InlineData("%27%20OR%201%3D1%20--")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("%FF%FE")]
    public async Task A_malformed_id_gets_400_problem_as_in_every_service(string id)
    {
        var article = await _client.GetAsync($"/api/articles/{id}", Ct);
        var similar = await _client.GetAsync($"/api/articles/{id}/similar", Ct);

        foreach (var response in new[] { article, similar })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
    }

    [Fact]
    public async Task Similar_articles_are_other_coverage_of_the_same_story()
    {
        var similar = await _client.GetFromJsonAsync<JsonElement>($"/api/articles/{TestArticles.IstanbulReuters.Id}/similar", Ct);

        var ids = similar.EnumerateArray().Select(hit => hit.GetProperty("id").GetString()).ToList();
        ids.ShouldNotContain(TestArticles.IstanbulReuters.Id);
        ids.ShouldContain(TestArticles.IstanbulDawn.Id);
        ids.ShouldContain(TestArticles.IstanbulTolo.Id);
    }

    [Fact]
    public async Task Similar_honours_its_limit()
    {
        var similar = await _client.GetFromJsonAsync<JsonElement>($"/api/articles/{TestArticles.IstanbulReuters.Id}/similar?limit=1", Ct);

        similar.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Suggestions_complete_actor_names()
    {
        var suggestions = await _client.GetFromJsonAsync<JsonElement>("/api/suggest?q=Khaw", Ct);

        var actor = suggestions.EnumerateArray().Single(s => s.GetProperty("value").GetString() == "Khawaja Asif");
        actor.GetProperty("kind").GetString().ShouldBe("actor");
    }

    [Fact]
    public async Task Suggestions_honour_their_limit()
    {
        var suggestions = await _client.GetFromJsonAsync<JsonElement>("/api/suggest?q=a&limit=2", Ct);

        suggestions.GetArrayLength().ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task An_empty_prefix_suggests_nothing()
    {
        var suggestions = await _client.GetFromJsonAsync<JsonElement>("/api/suggest?q=%20", Ct);

        suggestions.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_route_and_its_parameters()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/search", "/api/suggest", "/api/articles/{id}", "/api/articles/{id}/similar", "/api/stories", "/api/stories/{id}" })
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        var parameters = paths.GetProperty("/api/search").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.TryGetProperty("description", out var d) ? d.GetString() : null);
        parameters.Keys.ShouldBe(["q", "source", "actor", "topic", "story", "from", "to", "sort", "page", "size", "facetSize"], ignoreOrder: true);
        parameters.Values.ShouldAllBe(description => !string.IsNullOrEmpty(description));
        paths.GetProperty("/api/search").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Where(p => !p.TryGetProperty("example", out var _)).Select(p => p.GetProperty("name").GetString()).ShouldBeEmpty();
        (!document.TryGetProperty("servers", out var servers) || servers.GetArrayLength() == 0)
            .ShouldBeTrue("the document must not name the service's internal address");
    }

    [Fact]
    public async Task The_request_id_from_the_gateway_is_echoed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=talks") { Headers = { { "X-Request-Id", "gw-0042" } } };

        var response = await _client.SendAsync(request, Ct);

        response.Headers.GetValues("X-Request-Id").Single().ShouldBe("gw-0042");
    }

    [Fact]
    public async Task Health_checks_the_store()
    {
        var response = await _client.GetAsync("/health", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
