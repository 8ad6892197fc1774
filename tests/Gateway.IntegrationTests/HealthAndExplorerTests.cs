using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsSearch.Gateway.IntegrationTests;

public sealed class HealthAndExplorerTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Gateway.Connect();

    [Fact]
    public async Task Health_reports_every_service_with_its_status_and_url()
    {
        var response = await _client.GetAsync("/health", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        health.GetProperty("status").GetString().ShouldBe("Healthy");
        var entries = health.GetProperty("entries");
        entries.GetProperty("query").GetProperty("data").GetProperty("url").GetString().ShouldBe(fixture.Query.Url);
        entries.GetProperty("ingest").GetProperty("data").GetProperty("url").GetString().ShouldBe(fixture.Ingest.Url);
        entries.GetProperty("web").GetProperty("data").GetProperty("url").GetString().ShouldBe(fixture.Web.Url);
        foreach (var service in new[] { "query", "ingest", "web" })
            entries.GetProperty(service).GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Health_also_reports_services_the_gateway_does_not_route_to_when_it_has_their_address()
    {
        await using var enrichment = await StandIn.StartAsync("enrichment");
        await using var gateway = fixture.StartGateway(settings => settings["services:enrichment:http:0"] = enrichment.Url);
        using var client = gateway.Connect();

        var health = await client.GetFromJsonAsync<JsonElement>("/health", Ct);

        var entry = health.GetProperty("entries").GetProperty("enrichment");
        entry.GetProperty("status").GetString().ShouldBe("Healthy");
        entry.GetProperty("data").GetProperty("url").GetString().ShouldBe(enrichment.Url);
    }

    [Fact]
    public async Task A_service_that_is_down_makes_health_unhealthy_naming_it_and_its_routes_answer_with_a_problem()
    {
        var web = await StandIn.StartAsync("web");
        var deadUrl = web.Url;
        await web.DisposeAsync();
        await using var gateway = fixture.StartGateway(settings => settings["services:web:http:0"] = deadUrl);
        using var client = gateway.Connect();

        var health = await client.GetAsync("/health", Ct);
        var alive = await client.GetAsync("/alive", Ct);
        var page = await client.GetAsync("/", Ct);
        var search = await client.GetAsync("/api/search", Ct);

        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var entries = (await health.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("entries");
        entries.GetProperty("web").GetProperty("status").GetString().ShouldBe("Unhealthy");
        entries.GetProperty("query").GetProperty("status").GetString().ShouldBe("Healthy");
        alive.StatusCode.ShouldBe(HttpStatusCode.OK);
        ((int)page.StatusCode).ShouldBeOneOf(502, 503);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        search.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_api_explorer_page_lists_each_services_openapi_document()
    {
        var redirect = await _client.GetAsync("/swagger", Ct);
        var page = await _client.GetAsync("/swagger/index.html", Ct);
        var config = await _client.GetStringAsync("/swagger/index.js", Ct);

        redirect.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        config.ShouldContain("/openapi/query.json");
        config.ShouldContain("/openapi/ingest.json");
    }

    [Fact]
    public async Task Each_services_openapi_document_is_served_through_the_gateway()
    {
        var query = await _client.GetFromJsonAsync<JsonElement>("/openapi/query.json", Ct);
        var ingest = await _client.GetFromJsonAsync<JsonElement>("/openapi/ingest.json", Ct);

        query.GetProperty("paths").TryGetProperty("/api/search", out _).ShouldBeTrue();
        ingest.GetProperty("info").GetProperty("title").GetString().ShouldBe("ingest");
    }
}
