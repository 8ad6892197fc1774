using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Tests.Dates;

/// <summary>The publication year is given, resolved against a reference date, read at low confidence from the text, or unknown.</summary>
public sealed class PublicationYearTests
{
    private const string WireStory =
        "NEW YORK, MARCH 3 - Shares of copper producers rose sharply on Tuesday after two large mines in Chile said they would cut output.\n" +
        "Traders said the cuts could tighten supplies for the rest of the year.";

    private static EnrichedArticle Enrich(string text, ArticleMetadata? metadata = null) =>
        ArticleEnricher.CreateDefault().Enrich(new RawArticle(ArticleId.FromText(text), text, metadata ?? ArticleMetadata.None));

    [Fact]
    public void A_dateline_day_with_no_year_anywhere_leaves_the_year_unknown_and_keeps_the_day()
    {
        var article = Enrich(WireStory);

        article.Published.ShouldBeNull();
        article.YearKnown.ShouldBeFalse();
        article.PublishedMonthDay.ShouldBe("--03-03");
        article.PublishedEvidence!.Method.ShouldBe("dateline");
        article.PublishedEvidence.Text.ShouldContain("year unknown");
    }

    [Theory]
    [InlineData("1987-04-15", "1987-03-03")]
    [InlineData("1987-03-03", "1987-03-03")]
    [InlineData("1987-02-01", "1986-03-03")]
    public void With_a_reference_date_the_dateline_day_is_the_nearest_such_day_on_or_before_it(string asOf, string published)
    {
        var article = Enrich(WireStory, new ArticleMetadata(AsOf: DateOnly.Parse(asOf)));

        article.Published.ShouldBe(DateOnly.Parse(published));
        article.PublishedEvidence!.Text.ShouldContain($"asOf {asOf}");
    }

    [Fact]
    public void With_a_reference_date_a_weekday_in_the_story_is_resolved_from_the_dateline_day()
    {
        var article = Enrich(WireStory, new ArticleMetadata(AsOf: new DateOnly(1987, 4, 15)));

        article.DatesMentioned.ShouldContain(d => d.Text.EndsWith("Tuesday") && d.Date == new DateOnly(1987, 3, 3));
    }

    [Fact]
    public void A_publication_date_given_with_the_article_wins_over_the_reference_date()
    {
        var article = Enrich(WireStory, new ArticleMetadata(Published: new DateOnly(1987, 3, 4), AsOf: new DateOnly(1990, 1, 1)));

        article.Published.ShouldBe(new DateOnly(1987, 3, 4));
        article.PublishedEvidence!.Method.ShouldBe("metadata");
    }

    [Fact]
    public void A_companys_results_for_a_year_date_the_story_to_the_year_after_at_low_confidence()
    {
        var article = Enrich(
            "HOUSTON, Feb 24 - Gulf Coast Refining Co said it earned 42.5 mln dlrs in 1986, up from 30.1 mln dlrs a year earlier.\n" +
            "The company said refining margins improved in the second half.");

        article.Published.ShouldBe(new DateOnly(1987, 2, 24));
        article.PublishedEvidence!.Confidence.ShouldBeLessThanOrEqualTo(0.35);
        article.PublishedEvidence.Text.ShouldContain("year stated");
    }

    [Fact]
    public void A_budget_year_the_story_speaks_of_gives_the_year_at_low_confidence()
    {
        var article = Enrich(
            "OTTAWA, March 12 - The government's 1987 budget will cut spending on defence and raise taxes on tobacco, the finance minister said on Thursday.\n" +
            "Opposition parties said the cuts went too far.");

        article.Published.ShouldBe(new DateOnly(1987, 3, 12));
        article.PublishedEvidence!.Confidence.ShouldBeLessThanOrEqualTo(0.35);
    }

    [Fact]
    public void A_year_the_story_looks_ahead_to_is_not_the_year_of_publication()
    {
        var article = Enrich(
            "PARIS, May 6 - The airline said it will take delivery of twelve new jets by 1990, as it expands its routes to Asia.\n" +
            "Its chairman said demand for long-haul flights was growing.");

        article.YearKnown.ShouldBeFalse();
        article.PublishedMonthDay.ShouldBe("--05-06");
    }
}
