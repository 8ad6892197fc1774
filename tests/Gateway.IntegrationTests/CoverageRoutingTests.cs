using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsSearch.Gateway.IntegrationTests;

public sealed class CoverageRoutingTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/analysis/matrix?rows=source&cols=actor&q=Istanbul", "total")]
    [InlineData("/api/analysis/attention?q=Istanbul", "series")]
    [InlineData("/api/compare?q=Istanbul", "outlets")]
    public async Task Coverage_analyses_through_the_gateway_are_answered_by_the_query_service(string path, string property)
    {
        using var client = fixture.Gateway.Connect();

        var answer = await client.GetFromJsonAsync<JsonElement>(path, Ct);

        answer.TryGetProperty(property, out var _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("/api/stories/ffffffffffffffff", HttpStatusCode.NotFound)]
    [InlineData("/api/stories/not-a-story", HttpStatusCode.BadRequest)]
    [InlineData("/api/search?story=not-a-story", HttpStatusCode.BadRequest)]
    public async Task Story_routes_through_the_gateway_are_the_query_service_s_problems(string path, HttpStatusCode status)
    {
        using var client = fixture.Gateway.Connect();

        var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task The_stories_of_a_search_through_the_gateway_lead_to_each_story()
    {
        using var client = fixture.Gateway.Connect();

        var stories = await client.GetFromJsonAsync<JsonElement>("/api/stories?q=Istanbul", Ct);

        var first = stories.EnumerateArray().First().GetProperty("value").GetString();
        var story = await client.GetFromJsonAsync<JsonElement>($"/api/stories/{first}", Ct);
        story.GetProperty("size").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_unknown_analysis_is_the_query_service_s_404_not_a_web_page()
    {
        using var client = fixture.Gateway.Connect();

        var response = await client.GetAsync("/api/analysis/nothing", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("\"service\":\"web\"");
    }
}
