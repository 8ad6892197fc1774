using NewsSearch.Articles;
using NewsSearch.Enrichment.Dates;

namespace NewsSearch.Enrichment.Tests.Dates;

public sealed class DateAnalyzerTests
{
    private static DateAnalysis Analyze(string body, DateOnly? metadata = null, DateOnly? asOf = null) =>
        DateAnalyzer.Analyze(body, body, metadata, asOf);

    [Fact]
    public void A_lead_weekday_is_resolved_against_a_date_counted_from_an_absolute_one()
    {
        const string body = "Peace negotiations collapsed early Wednesday after four days of talks.\n" +
            "The breakdown came just 10 days after the two countries signed a ceasefire on Oct. 19 in Doha.\n" +
            "The group carried out 600 attacks in 2024, and violence in 2025 already surpasses that.";

        var analysis = Analyze(body);

        analysis.Published.ShouldBe(new DateOnly(2025, 10, 29));
        analysis.PublishedEvidence!.Method.ShouldBe("inferred");
        analysis.PublishedEvidence.Text.ShouldContain("early Wednesday");
        analysis.DatesMentioned().ShouldContain(new DateOnly(2025, 10, 19));
    }

    [Fact]
    public void The_latest_past_date_bounds_publication_and_a_later_weekday_is_within_the_week()
    {
        const string body = "Talks collapsed on November 8, 2025.\nIn a statement on November 9, the ministry said it remained committed.\nOn Saturday, the minister warned of war.";

        Analyze(body).Published.ShouldBe(new DateOnly(2025, 11, 9));
    }

    [Fact]
    public void Officials_said_on_a_weekday_after_days_of_talks_that_followed_a_dated_truce()
    {
        const string body = "The talks have stalled after three days of negotiations, officials said on Tuesday.\n" +
            "They followed earlier rounds that produced a ceasefire on October 19.\n" +
            "Discussions stretched for 18 hours on Monday. Attacks rose in 2024 and have already risen again in 2025.";

        Analyze(body).Published.ShouldBe(new DateOnly(2025, 10, 28));
    }

    [Fact]
    public void A_weekend_told_after_a_date_in_the_same_sentence_falls_after_that_date()
    {
        const string body = "Hopes were dashed this week as the talks ended.\n" +
            "While the ceasefire brokered on October 19, 2025 remains in place, new clashes killed five soldiers over the weekend.\n" +
            "As of Wednesday, the government said its door remains open.";

        Analyze(body).Published.ShouldBe(new DateOnly(2025, 10, 29));
    }

    [Fact]
    public void Without_a_present_year_in_the_text_the_year_comes_from_the_reference_date_given_with_it()
    {
        const string body = "A ceasefire was signed on October 19.\nClashes have continued since the group took power in 2021.";

        var analysis = Analyze(body, asOf: new DateOnly(2025, 11, 15));

        analysis.DatesMentioned().ShouldContain(new DateOnly(2025, 10, 19));
        analysis.Published.ShouldBe(new DateOnly(2025, 10, 19));
        analysis.PublishedEvidence!.Confidence.ShouldBeLessThan(0.6);
    }

    [Fact]
    public void A_text_with_no_date_of_its_own_takes_the_reference_date_at_low_confidence_and_stays_undated_without_one()
    {
        const string body = "The committee kept its target range unchanged.\nIt will continue to monitor the economic outlook.";

        var withAsOf = Analyze(body, asOf: new DateOnly(2014, 3, 19));
        var without = Analyze(body);

        withAsOf.Published.ShouldBe(new DateOnly(2014, 3, 19));
        withAsOf.PublishedEvidence!.Method.ShouldBe("asOf");
        withAsOf.PublishedEvidence.Confidence.ShouldBeLessThan(0.5);
        without.Published.ShouldBeNull();
    }

    [Fact]
    public void A_year_looked_back_to_is_not_the_year_of_an_undated_day()
    {
        const string body = "A ceasefire was signed on October 19.\nClashes have continued since the group took power in 2021.";

        Analyze(body).DatesMentioned().ShouldNotContain(new DateOnly(2021, 10, 19));
    }

    [Fact]
    public void Weekdays_alone_give_no_basis_for_a_publication_date()
    {
        var analysis = Analyze("The talks collapsed on Wednesday and officials left on Thursday.");

        analysis.Published.ShouldBeNull();
        analysis.PublishedEvidence.ShouldBeNull();
    }

    [Fact]
    public void A_full_date_the_text_looks_back_to_gives_no_year_of_publication()
    {
        const string body = "Today, we pause to remember the lives lost.\n" +
            "On April 24, 1915, the authorities arrested community leaders in the capital.\n" +
            "We renew our pledge to never forget.";

        var analysis = Analyze(body);

        analysis.Published.ShouldBeNull();
        analysis.PublishedEvidence!.Text.ShouldContain("year unknown");
        analysis.DatesMentioned().ShouldContain(new DateOnly(1915, 4, 24));
    }

    [Fact]
    public void A_lead_that_speaks_of_an_undated_today_is_not_dated_by_an_agreement_it_recalls()
    {
        const string body = "The President spoke today with the newly elected President of Lebanon. " +
            "The Presidents agreed to fully implement the cessation of hostilities announced on November 26, 2024.\n" +
            "They agreed to stay in close touch.";

        Analyze(body).Published.ShouldBeNull();
    }

    [Fact]
    public void A_weekday_alone_ties_no_deadline_to_the_day_of_publication()
    {
        const string body = "Central banks announced new measures to ease funding pressures.\n" +
            "The committee extended the term of the swap lines through September 30, 2008.\n" +
            "The actions supplement the measures announced on Friday.";

        Analyze(body).Published.ShouldBeNull();
    }

    [Fact]
    public void A_lead_weekday_that_is_the_weekday_of_a_reported_date_dates_the_story()
    {
        const string body = "The European Union on Wednesday fined two technology companies for breaching its competition rules.\n" +
            "Both companies said they would appeal.\n" +
            "The decisions were announced on April 23, 2025.";

        Analyze(body).Published.ShouldBe(new DateOnly(2025, 4, 23));
    }

    [Fact]
    public void A_date_in_the_lead_dates_the_story()
    {
        const string body = "OFFICE OF MANAGEMENT AND BUDGET WASHINGTON, D.C. January 23, 2025\n" +
            "The Administration strongly supports the bill.\nIt recalls the order of September 25, 2020.";

        Analyze(body).Published.ShouldBe(new DateOnly(2025, 1, 23));
    }

    [Fact]
    public void Days_of_talks_count_from_the_day_a_start_verb_governs_not_from_another_date_in_its_sentence()
    {
        const string body = "Peace talks ended without a breakthrough, following four days of negotiations. The minister confirmed the failure early Wednesday.\n" +
            "The talks, which began on October 26, 2025, were a follow-up to a round held in Doha on October 19.";

        Analyze(body).Published.ShouldBe(new DateOnly(2025, 10, 29));
    }

    [Fact]
    public void A_future_date_does_not_bound_the_publication_date()
    {
        const string body = "The talks collapsed on March 3, 2025.\nThe next round will be held on April 20, 2025.";

        Analyze(body).Published.ShouldBe(new DateOnly(2025, 3, 3));
    }

    [Fact]
    public void A_date_line_of_the_page_is_taken_as_the_publication_date()
    {
        var analysis = DateAnalyzer.Analyze("Talks collapsed on March 3, 2025.", "Published: 5 March 2025\nTalks collapsed on March 3, 2025.");

        analysis.Published.ShouldBe(new DateOnly(2025, 3, 5));
        analysis.PublishedEvidence!.Method.ShouldBe("published-line");
    }

    [Fact]
    public void Metadata_given_at_ingest_wins()
    {
        var analysis = Analyze("Talks collapsed on March 3, 2025.", metadata: new DateOnly(2025, 3, 4));

        analysis.Published.ShouldBe(new DateOnly(2025, 3, 4));
        analysis.PublishedEvidence!.Method.ShouldBe("metadata");
    }

    [Fact]
    public void Dates_mentioned_are_normalised_with_their_precision_and_sentence()
    {
        const string body = "Talks began around October 26 or 27, 2025.\nThe group returned to power in August 2021.\nAttacks rose in 2024.\nMore than 70 people were killed last month.";

        var mentions = Analyze(body).Mentions;

        mentions.ShouldContain(m => m.Date == new DateOnly(2021, 8, 1) && m.Precision == DatePrecision.Month && m.Sentence.Contains("August 2021"));
        mentions.ShouldContain(m => m.Date == new DateOnly(2025, 10, 26) && m.Precision == DatePrecision.Day);
        mentions.ShouldContain(m => m.Date == new DateOnly(2025, 10, 27) && m.Precision == DatePrecision.Day);
        mentions.ShouldContain(m => m.Date == new DateOnly(2024, 1, 1) && m.Precision == DatePrecision.Year);
        mentions.ShouldContain(m => m.Text == "last month" && m.Date == new DateOnly(2025, 9, 1) && m.Precision == DatePrecision.Month);
    }

    [Theory]
    [InlineData("Troops patrol the 2,600-kilometre border.")]
    [InlineData("The army deployed 2000 troops to the border.")]
    [InlineData("Turnout reached 20.25 percent.")]
    public void Numbers_that_are_not_years_are_not_dates(string body)
    {
        Analyze(body).Mentions.ShouldBeEmpty();
    }
}

internal static class DateAnalysisExtensions
{
    public static IEnumerable<DateOnly> DatesMentioned(this DateAnalysis analysis) => analysis.Mentions.Select(m => m.Date);
}

public sealed class PageDateTests
{
    [Fact]
    public void A_wire_dateline_dates_the_story_with_the_year_the_text_gives()
    {
        const string raw = "ISLAMABAD, Oct 29 (Reuters) - Talks collapsed, officials said.\nAttacks so far in 2025 exceed last year's.";

        var analysis = DateAnalyzer.Analyze("Talks collapsed, officials said.\nAttacks so far in 2025 exceed last year's.", raw);

        analysis.Published.ShouldBe(new DateOnly(2025, 10, 29));
        analysis.PublishedEvidence!.Method.ShouldBe("published-line");
    }

    [Fact]
    public void A_newspapers_published_in_footer_dates_the_story()
    {
        DateAnalyzer.Analyze("The talks ended.", "The talks ended.\nPublished in Dawn, October 30th, 2025").Published.ShouldBe(new DateOnly(2025, 10, 30));
    }

    [Fact]
    public void A_line_near_the_top_that_is_only_a_date_is_the_page_date_and_not_body()
    {
        const string raw = "Talks Collapse\nWednesday, October 29, 2025 10:42 PKT\nThe talks ended on Monday.";

        DateAnalyzer.Analyze("The talks ended on Monday.", raw).Published.ShouldBe(new DateOnly(2025, 10, 29));
        NewsSearch.Enrichment.Cleaning.ArticleCleaner.Clean(raw).Body.ShouldBe("The talks ended on Monday.");
    }
}
