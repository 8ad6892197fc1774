using System.Net;
using System.Text.Json;

namespace NewsSearch.Ingest.IntegrationTests;

public sealed class ServiceTests
{
    [Fact]
    public async Task The_service_is_healthy_when_its_raw_store_answers()
    {
        await using var ingest = await IngestHarness.StartAsync();

        using var response = await ingest.Client.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        File.Exists(Path.Combine(ingest.DataDir, "ingest.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task The_openapi_document_describes_every_ingest_route()
    {
        await using var ingest = await IngestHarness.StartAsync();

        var document = JsonDocument.Parse(await ingest.Client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        paths.GetProperty("/api/articles").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
        paths.GetProperty("/api/articles/batch").TryGetProperty("post", out _).ShouldBeTrue();
        paths.GetProperty("/api/articles/{id}").TryGetProperty("delete", out _).ShouldBeTrue();
        paths.GetProperty("/api/pipeline").TryGetProperty("get", out _).ShouldBeTrue();
        paths.GetProperty("/api/pipeline/retry").TryGetProperty("post", out _).ShouldBeTrue();
        paths.GetProperty("/api/admin/reindex").TryGetProperty("post", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_seed_folder_is_imported_on_start_once_however_often_the_service_starts()
    {
        using var seeds = new TempDir();
        File.WriteAllText(Path.Combine(seeds.Path, "a.txt"), Corpus.Article(1));
        File.WriteAllText(Path.Combine(seeds.Path, "b.json"), JsonSerializer.Serialize(new { text = Corpus.Article(2), source = "Dawn" }));
        File.WriteAllText(Path.Combine(seeds.Path, "c.json"), "{\"text\": ");
        File.WriteAllText(Path.Combine(seeds.Path, "notes.md"), Corpus.Article(3));
        await using var ingest = await IngestHarness.StartAsync(new Dictionary<string, string?> { ["Seeds:Import"] = "true", ["Seeds:Dir"] = seeds.Path });

        await ingest.WaitForAsync(status => status.Indexed == 2);
        await ingest.RestartAsync();

        (await ingest.PipelineAsync()).Received.ShouldBe(2);
        ingest.Enrichment.Batches.SelectMany(batch => batch).Single(article => article.Metadata.Source == "Dawn").Text.ShouldBe(Corpus.Article(2));
    }

    [Fact]
    public async Task The_seed_articles_carry_the_configured_reference_date()
    {
        using var seeds = new TempDir();
        File.WriteAllText(Path.Combine(seeds.Path, "a.txt"), Corpus.Article(1));
        await using var ingest = await IngestHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Seeds:Import"] = "true", ["Seeds:Dir"] = seeds.Path, ["Seeds:AsOf"] = "2025-11-15",
        });

        await ingest.WaitForAsync(status => status.Indexed == 1);

        ingest.Enrichment.Batches.SelectMany(batch => batch).Single().Metadata.AsOf.ShouldBe(new DateOnly(2025, 11, 15));
    }

    [Fact]
    public async Task Invalid_options_stop_the_service_at_start()
    {
        await using var enrichment = await FakeEnrichment.StartAsync();
        using var data = new TempDir();
        await using var factory = new IngestFactory(enrichment.Url, data.Path, new Dictionary<string, string?> { ["Ingest:BatchSize"] = "0" });

        Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => factory.CreateClient());
    }
}
