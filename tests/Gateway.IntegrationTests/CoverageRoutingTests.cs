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

    [Fact]
    public async Task An_unknown_analysis_is_the_query_service_s_404_not_a_web_page()
    {
        using var client = fixture.Gateway.Connect();

        var response = await client.GetAsync("/api/analysis/nothing", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("\"service\":\"web\"");
    }
}
