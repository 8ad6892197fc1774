using System.Net;

namespace NewsSearch.Gateway.IntegrationTests;

public sealed class ExportRoutingTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_export_through_the_gateway_streams_every_match_from_the_query_service()
    {
        using var client = fixture.Gateway.Connect();

        var response = await client.GetAsync("/api/search/export?format=csv&q=Istanbul", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(4);
    }

    [Fact]
    public async Task A_bad_export_parameter_comes_back_as_a_400_problem_through_the_gateway()
    {
        using var client = fixture.Gateway.Connect();

        var response = await client.GetAsync("/api/search/export?format=xlsx", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task An_export_spends_one_read_token_however_many_rows_it_streams()
    {
        await using var gateway = fixture.StartGateway(settings =>
        {
            settings["Gateway:RateLimits:Reads:TokenLimit"] = "2";
            settings["Gateway:RateLimits:Reads:TokensPerPeriod"] = "1";
            settings["Gateway:RateLimits:Reads:Period"] = "00:10:00";
        });
        using var client = gateway.Connect();

        var export = await client.GetAsync("/api/search/export?format=ndjson", Ct);
        var search = await client.GetAsync("/api/search", Ct);
        var refused = await client.GetAsync("/api/search/export?format=ndjson", Ct);

        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await export.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeGreaterThan(2);
        search.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
