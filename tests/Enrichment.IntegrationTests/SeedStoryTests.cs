using System.Net.Http.Json;
using NewsSearch.Articles;
using NewsSearch.SearchStore;

namespace NewsSearch.Enrichment.IntegrationTests;

/// <summary>
/// The seeds as an archive without metadata would send them (no publication date, no <c>asOf</c>), enriched and indexed
/// by the service into the real store: the five articles report one event, and the blog, whose text gives no date at
/// all, takes its year from the dated coverage of its story.
/// </summary>
public sealed class SeedStoryTests
{
    private static IReadOnlyList<RawArticle> Seeds(DateOnly? asOf = null)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root!.FullName, "Search.sln"))) root = root.Parent;
        return Directory.GetFiles(Path.Combine(root.FullName, "seeds"), "*.txt").Order()
            .Select(File.ReadAllText)
            .Select(text => new RawArticle(ArticleId.FromText(text), text, asOf is null ? ArticleMetadata.None : new ArticleMetadata(AsOf: asOf)))
            .ToList();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_five_seeds_form_one_story_and_the_undated_blog_takes_2025_from_it(bool blogFirst)
    {
        await using var factory = new EnrichmentApiFactory();
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateClient();
        var seeds = Seeds();
        var blog = seeds.Single(s => s.Text.Contains("zesham", StringComparison.Ordinal));
        // One at a time, as they would arrive: the blog before its dated coverage, or after it.
        foreach (var seed in blogFirst ? [blog, .. seeds.Where(s => s != blog)] : seeds)
            (await client.PostAsJsonAsync("/enrich", new[] { seed }, ArticleJson.Options, ct)).EnsureSuccessStatusCode();

        var articles = new List<EnrichedArticle>();
        foreach (var seed in seeds) articles.Add((await factory.Store.GetAsync(seed.Id, ct))!);
        articles.Select(a => a.Story).Distinct().ShouldHaveSingleItem().ShouldNotBeNull();

        var dated = articles.Single(a => a.Id == blog.Id);
        dated.Published.ShouldNotBeNull();
        dated.Published!.Value.Year.ShouldBe(2025);
        dated.PublishedEvidence!.Method.ShouldBe("story");

        var story = (await factory.Store.StoryAsync(articles[0].Story!, ct))!;
        story.Size.ShouldBe(5);
        story.Undated.ShouldBe(0);
        story.Label.ShouldNotBeNullOrWhiteSpace();
        var search = await factory.Store.SearchAsync(new SearchRequest { Stories = [story.Id] }, ct);
        search.Total.ShouldBe(5);
    }

    /// <summary>As the running system imports them (<c>Seeds:AsOf</c>, one batch): every seed dated, still one story.</summary>
    [Fact]
    public async Task The_five_seeds_sent_as_one_batch_with_their_reference_date_form_one_story()
    {
        await using var factory = new EnrichmentApiFactory();
        var ct = TestContext.Current.CancellationToken;
        var seeds = Seeds(new DateOnly(2025, 11, 15));

        (await factory.CreateClient().PostAsJsonAsync("/enrich", seeds, ArticleJson.Options, ct)).EnsureSuccessStatusCode();

        var stories = new List<string?>();
        foreach (var seed in seeds) stories.Add((await factory.Store.GetAsync(seed.Id, ct))!.Story);
        stories.Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
    }
}
