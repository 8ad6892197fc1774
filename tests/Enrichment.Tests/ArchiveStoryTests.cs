using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Tests;

/// <summary>A wire story as archives ship it: hard-wrapped, an ALL-CAPS dateline, a sign-off, no year anywhere.</summary>
public sealed class ArchiveStoryTests
{
    private const string Story =
        "JAPAN TO EASE RULES ON FOREIGN BANKS\n" +
        "    TOKYO, MARCH 9 - Japan will let foreign banks sell\n" +
        "trust services from next month, Finance Minister Kiichi\n" +
        "Tanaka told a parliamentary committee on Monday, in a move\n" +
        "aimed at easing trade friction with the United States.\n" +
        "    Tanaka said the Finance Ministry had received requests\n" +
        "from nine foreign banks and would approve most of them.\n" +
        " REUTER\n";

    private static EnrichedArticle Enrich(ArticleMetadata metadata) =>
        ArticleEnricher.CreateDefault().Enrich(new RawArticle(ArticleId.FromText(Story), Story, metadata));

    [Fact]
    public void The_wire_is_the_publisher_the_dateline_city_a_country_and_the_people_are_found_across_the_line_breaks()
    {
        var article = Enrich(ArticleMetadata.None);

        article.Source.ShouldBe("Reuters");
        article.SourceEvidence!.Text.ShouldBe("REUTER");
        article.Title.ShouldBe("JAPAN TO EASE RULES ON FOREIGN BANKS");
        article.Actors.ShouldContain(a => a.Name == "Kiichi Tanaka" && a.Type == ActorType.Person && a.Mentions == 2);
        article.Actors.ShouldContain(a => a.Name == "Japan" && a.Type == ActorType.Country);
        article.Actors.ShouldContain(a => a.Name == "United States" && a.Type == ActorType.Country);
        article.Actors.ShouldNotContain(a => a.Name == "Reuters" || a.Name == "REUTER");
    }

    [Fact]
    public void Without_a_reference_date_the_story_claims_no_year_and_with_one_it_is_dated_exactly()
    {
        Enrich(ArticleMetadata.None).YearKnown.ShouldBeFalse();
        Enrich(new ArticleMetadata(AsOf: new DateOnly(1987, 12, 31))).Published.ShouldBe(new DateOnly(1987, 3, 9));
    }
}
