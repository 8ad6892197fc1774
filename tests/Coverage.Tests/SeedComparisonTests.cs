using NewsSearch.Articles;
using NewsSearch.Coverage.Comparison;
using NewsSearch.Enrichment;

namespace NewsSearch.Coverage.Tests;

/// <summary>The comparison of the five seed articles, enriched as the system enriches them.</summary>
public sealed class SeedComparisonTests
{
    private static readonly Lazy<CoverageComparison> Seeds = new(() =>
    {
        var enricher = ArticleEnricher.CreateDefault();
        var articles = Directory.GetFiles(SeedFolder(), "*.txt").Order()
            .Select(path => enricher.Enrich(new RawArticle(Path.GetFileNameWithoutExtension(path)[4..], File.ReadAllText(path), ArticleMetadata.None)))
            .ToList();
        return CoverageComparison.Build(articles, truncated: false);
    });

    /// <summary>The repository's seeds/ folder, found by walking up from the test binaries to Search.sln.</summary>
    private static string SeedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Search.sln"))) return Path.Combine(dir.FullName, "seeds");
        throw new DirectoryNotFoundException("No Search.sln above the test binaries.");
    }

    private static IReadOnlyList<string> Quotes(string speaker, int outlet) =>
        Seeds.Value.Speakers.Single(row => row.Speaker == speaker).Quotes[outlet];

    [Fact]
    public void The_outlets_stand_in_order_of_first_publication_with_unattributed_articles_each_on_their_own()
    {
        var outlets = Seeds.Value.Outlets;

        outlets.Count.ShouldBe(5);
        outlets.Select(o => o.Name).ShouldContain("The Post News");
        outlets.Where(o => o.Source == EnrichedArticle.UnknownSource).ShouldAllBe(o => o.Name.StartsWith("Unknown: ") && o.Articles.Count == 1);
        outlets.Where(o => o.FirstPublished != null).Select(o => o.FirstPublished!.Value).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public void Khawaja_Asif_is_quoted_by_several_outlets_and_Zabihullah_Mujahid_by_one_side_by_side()
    {
        var asif = Seeds.Value.Speakers.Single(row => row.Speaker == "Khawaja Asif");
        var mujahid = Seeds.Value.Speakers.Single(row => row.Speaker == "Zabihullah Mujahid");

        asif.Outlets.ShouldBeGreaterThanOrEqualTo(4);
        mujahid.Outlets.ShouldBe(1);
        var mujahidOutlet = mujahid.Quotes.Select((quotes, i) => (quotes, i)).Single(pair => pair.quotes.Count > 0).i;
        Quotes("Zabihullah Mujahid", mujahidOutlet).ShouldContain(q => q.Contains("ceasefire", StringComparison.Ordinal));
        Quotes("Khawaja Asif", mujahidOutlet).ShouldContain(q => q.Contains("the talks are over", StringComparison.Ordinal));
    }

    [Fact]
    public void The_casualty_figures_are_aligned_with_who_asserts_them()
    {
        var claims = Seeds.Value.Claims;

        var killed = claims.Single(row => row.Key == "people killed").Cells.SelectMany(cells => cells).ToList();
        killed.ShouldContain(cell => cell.Value == 70 && cell.Text == "over 70 people" && cell.AssertedBy == "UNN");
        var soldiers = claims.Single(row => row.Key == "soldiers killed");
        soldiers.Cells.Count(cells => cells.Any(c => c.Value == 5)).ShouldBe(2);
        soldiers.Differs.ShouldBeFalse();
        claims.Single(row => row.Key == "militants killed").Cells.Count(cells => cells.Any(c => c.Value == 25)).ShouldBe(2);
        claims.Single(row => row.Key == "civilians killed").Cells.SelectMany(cells => cells).ShouldHaveSingleItem().AssertedBy.ShouldBe("Afghan officials");
    }

    [Fact]
    public void Outlets_that_give_the_talks_different_lengths_are_marked_as_disagreeing()
    {
        var days = Seeds.Value.Claims.Single(row => row.Key == "days of talks");

        days.Differs.ShouldBeTrue();
        days.Cells.SelectMany(cells => cells).Select(c => c.Value).Distinct().Order().ShouldBe([2d, 3d, 4d]);
    }

    [Fact]
    public void The_dates_given_for_the_collapse_of_the_talks_disagree_and_the_ceasefire_date_agrees()
    {
        var collapse = Seeds.Value.Dates.Single(row => row.Event == "talks collapsed");
        var ceasefire = Seeds.Value.Dates.Single(row => row.Event == "ceasefire");

        collapse.Differs.ShouldBeTrue();
        collapse.Cells.SelectMany(cells => cells).Select(c => c.Date).Distinct().Order().ShouldBe([new DateOnly(2025, 10, 29), new DateOnly(2025, 11, 8)]);
        ceasefire.Differs.ShouldBeFalse();
        ceasefire.Cells.SelectMany(cells => cells).ShouldAllBe(c => c.Date == new DateOnly(2025, 10, 19));
    }
}
