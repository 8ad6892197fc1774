using System.Net.Http.Json;
using System.Net;
using System.Text.Json;

namespace NewsSearch.Enrichment.IntegrationTests;

public sealed class ServiceEndpointTests(EnrichmentApiFactory factory) : IClassFixture<EnrichmentApiFactory>
{
    [Fact]
    public async Task Health_reports_healthy_when_the_search_store_answers()
    {
        var response = await factory.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        health.GetProperty("status").GetString().ShouldBe("Healthy");
        health.GetProperty("entries").GetProperty("search-store").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_store_is_initialised_on_start()
    {
        _ = factory.CreateClient();

        (await factory.Store.CountAsync(TestContext.Current.CancellationToken)).ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_both_routes()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        using var document = JsonDocument.Parse(json);
        var paths = document.RootElement.GetProperty("paths");
        paths.TryGetProperty("/enrich", out var enrich).ShouldBeTrue();
        enrich.TryGetProperty("post", out _).ShouldBeTrue();
        paths.TryGetProperty("/index/{id}", out var index).ShouldBeTrue();
        index.TryGetProperty("delete", out _).ShouldBeTrue();
    }
}
