using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsSearch.Articles;
using NewsSearch.Query.IntegrationTests;

namespace NewsSearch.Gateway.IntegrationTests;

public sealed class RoutingTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Gateway.Connect();

    [Fact]
    public async Task A_search_through_the_gateway_is_answered_by_the_query_service()
    {
        var result = await _client.GetFromJsonAsync<JsonElement>("/api/search?q=Istanbul", Ct);

        result.GetProperty("total").GetInt64().ShouldBe(3);
        result.GetProperty("hits").EnumerateArray().Select(hit => hit.GetProperty("source").GetString())
            .ShouldBe(["Dawn", "Reuters", "Tolo News"], ignoreOrder: true);
    }

    [Fact]
    public async Task Article_detail_similar_and_suggest_go_to_the_query_service()
    {
        var id = TestArticles.IstanbulDawn.Id;

        var article = await _client.GetFromJsonAsync<EnrichedArticle>($"/api/articles/{id}", ArticleJson.Options, Ct);
        var similar = await _client.GetFromJsonAsync<JsonElement>($"/api/articles/{id}/similar", Ct);
        var suggestions = await _client.GetFromJsonAsync<JsonElement>("/api/suggest?q=Khaw", Ct);

        article!.Title.ShouldBe(TestArticles.IstanbulDawn.Title);
        similar.ValueKind.ShouldBe(JsonValueKind.Array);
        similar.EnumerateArray().Select(hit => hit.GetProperty("id").GetString()).ShouldNotContain(id);
        suggestions.EnumerateArray().Select(s => s.GetProperty("value").GetString()).ShouldContain("Khawaja Asif");
    }

    [Fact]
    public async Task Reading_an_article_goes_to_query_but_deleting_it_goes_to_ingest()
    {
        var id = TestArticles.Harvest.Id;
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/articles/{id}") { Headers = { { "X-Api-Key", GatewayFixture.ConfiguredKey } } };

        var deleted = await _client.SendAsync(delete, Ct);
        var read = await _client.GetAsync($"/api/articles/{id}", Ct);

        (await deleted.Content.ReadFromJsonAsync<Echo>(Ct))!.ShouldSatisfyAllConditions(
            echo => echo.Service.ShouldBe("ingest"),
            echo => echo.Method.ShouldBe("DELETE"),
            echo => echo.Path.ShouldBe($"/api/articles/{id}"));
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("POST", "/api/articles/batch")]
    [InlineData("POST", "/api/pipeline/retry")]
    [InlineData("POST", "/api/admin/reindex")]
    [InlineData("GET", "/api/pipeline")]
    public async Task Write_pipeline_and_admin_routes_go_to_ingest(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Headers = { { "X-Api-Key", GatewayFixture.ConfiguredKey } } };

        var response = await _client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var echo = await response.Content.ReadFromJsonAsync<Echo>(Ct);
        echo!.Service.ShouldBe("ingest");
        echo.Path.ShouldBe(path);
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/articles/0123456789abcdef")]
    [InlineData("GET", "/css/site.css")]
    [InlineData("PUT", "/api/articles/0123456789abcdef")]
    [InlineData("GET", "/api/unknown")]
    public async Task Everything_else_goes_to_the_web_service(string method, string path)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        var echo = await response.Content.ReadFromJsonAsync<Echo>(Ct);
        echo!.Service.ShouldBe("web");
        echo.Path.ShouldBe(path);
    }

    [Fact]
    public async Task Reads_need_no_api_key()
    {
        var search = await _client.GetAsync("/api/search", Ct);
        var pipeline = await _client.GetAsync("/api/pipeline", Ct);

        search.StatusCode.ShouldBe(HttpStatusCode.OK);
        pipeline.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_gateway_tells_services_who_the_client_is()
    {
        var echo = await _client.GetFromJsonAsync<Echo>("/articles/x", Ct);

        echo!.ForwardedFor.ShouldBe("127.0.0.1");
    }

    [Fact]
    public async Task An_unsupported_media_type_from_ingest_passes_through_unchanged()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles")
        {
            Headers = { { "X-Api-Key", GatewayFixture.ConfiguredKey } },
            Content = new ByteArrayContent([0x89, 0x50, 0x4e, 0x47]) { Headers = { { "Content-Type", "image/png" } } },
        };

        var response = await _client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("NEAR(pakistan afghanistan, 5)")]
    [InlineData("title:Istanbul OR body:talks")]
    [InlineData("-*")]
    [InlineData("%C3%28")]
    [InlineData("%FF%FE")]
    [InlineData("%00%01%1B")]
    public async Task Hostile_queries_through_the_gateway_never_get_a_server_error(string escapedQuery)
    {
        var response = await _client.GetAsync($"/api/search?q={(escapedQuery.Contains('%') ? escapedQuery : Uri.EscapeDataString(escapedQuery))}", Ct);

        ((int)response.StatusCode).ShouldBeLessThan(500);
    }
}
