using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using NewsSearch.Articles;
using NewsSearch.SearchStore;

namespace NewsSearch.Enrichment.IntegrationTests;

/// <summary>The service as ingest uses it, on the seed corpus: the facets a researcher sees must be trustworthy.</summary>
public sealed class SeedFacetTests
{
    private sealed class SeedFactory : EnrichmentApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Enrichment:MaxBatchSize", "100");
        }
    }

    /// <summary>The seeds were collected on 15 November 2025: the reference date for the days they give without a year.</summary>
    private static readonly ArticleMetadata Collected = new(AsOf: new DateOnly(2025, 11, 15));

    private static IEnumerable<RawArticle> Seeds()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root!.FullName, "Search.sln")))
        {
            root = root.Parent;
        }

        return Directory.GetFiles(Path.Combine(root.FullName, "seeds"), "*.txt").Order()
            .Select(File.ReadAllText)
            .Select(text => new RawArticle(ArticleId.FromText(text), text, Collected));
    }

    [Fact]
    public async Task Searching_the_enriched_seeds_by_source_actor_topic_and_date_gives_facets_a_researcher_can_trust()
    {
        await using var factory = new SeedFactory();
        var ct = TestContext.Current.CancellationToken;
        var response = await factory.CreateClient().PostAsJsonAsync("/enrich", Seeds().ToArray(), ArticleJson.Options, ct);
        var outcomes = await response.Content.ReadFromJsonAsync<EnrichOutcome[]>(ArticleJson.Options, ct);

        outcomes!.ShouldAllBe(o => o.Indexed);
        var all = await factory.Store.SearchAsync(new SearchRequest { FacetSize = 100 }, ct);
        all.Total.ShouldBe(5);
        Count(all.Facets.Source, EnrichedArticle.UnknownSource).ShouldBe(3);
        Count(all.Facets.Source, "The Post News").ShouldBe(1);
        Count(all.Facets.Source, "Wikkipaki").ShouldBe(1);
        Count(all.Facets.Topic, "Peace process").ShouldBe(5);
        Count(all.Facets.Actor, "Pakistan").ShouldBe(5);
        Count(all.Facets.Actor, "Khawaja Asif").ShouldBe(5);
        all.Facets.Actor.Select(a => a.Value).ShouldNotContain("zesham");
        all.Facets.Actor.Select(a => a.Value).ShouldNotContain("Coccinella");

        var byWeek = await factory.Store.SearchAsync(new SearchRequest { From = new DateOnly(2025, 10, 28), To = new DateOnly(2025, 10, 29) }, ct);
        byWeek.Total.ShouldBe(4);
        var bySource = await factory.Store.SearchAsync(new SearchRequest { Sources = ["The Post News"] }, ct);
        bySource.Hits.Single().Published.ShouldBe(new DateOnly(2025, 10, 29));
    }

    private static long Count(IReadOnlyList<FacetValue> facet, string value) =>
        facet.FirstOrDefault(f => f.Value == value)?.Count ?? 0;
}
