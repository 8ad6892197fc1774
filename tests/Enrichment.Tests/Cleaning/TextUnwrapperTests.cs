using NewsSearch.Enrichment.Cleaning;

namespace NewsSearch.Enrichment.Tests.Cleaning;

public sealed class TextUnwrapperTests
{
    private const string WrappedWireStory =
        "FARM GROUP URGES CUT IN GRAIN SUPPORT PRICES\n" +
        "    OMAHA, April 9 - A leading farm group on Thursday urged the\n" +
        "government to cut grain support prices gradually over the next\n" +
        "three years, saying the present system had encouraged surplus\n" +
        "production that taxpayers could no longer afford.\n" +
        "    Agriculture Secretary Ellen Marsh told reporters the\n" +
        "department would study the proposal but gave no timetable.\n" +
        " Reuter\n";

    [Fact]
    public void Lines_of_a_hard_wrapped_story_are_joined_into_its_paragraphs()
    {
        var text = TextUnwrapper.Unwrap(WrappedWireStory);

        text.Split('\n').ShouldBe([
            "FARM GROUP URGES CUT IN GRAIN SUPPORT PRICES",
            "OMAHA, April 9 - A leading farm group on Thursday urged the government to cut grain support prices gradually over the next three years, saying the present system had encouraged surplus production that taxpayers could no longer afford.",
            "Agriculture Secretary Ellen Marsh told reporters the department would study the proposal but gave no timetable.",
            "Reuter",
        ]);
    }

    [Fact]
    public void Paragraphs_separated_by_blank_lines_keep_the_blank_line_between_them()
    {
        const string text =
            "The harbour authority said on Monday that the new container\n" +
            "terminal would open in the spring, two years later than first\n" +
            "planned, because of delays in dredging the approach channel.\n" +
            "\n" +
            "Shipping lines had been told to expect the first berths to be\n" +
            "ready by March, a spokeswoman for the authority said.\n";

        TextUnwrapper.Unwrap(text).ShouldBe(
            "The harbour authority said on Monday that the new container terminal would open in the spring, two years later than first planned, because of delays in dredging the approach channel.\n\n" +
            "Shipping lines had been told to expect the first berths to be ready by March, a spokeswoman for the authority said.");
    }

    [Fact]
    public void A_word_hyphenated_at_the_margin_is_one_word_again_but_a_hyphenated_name_keeps_its_hyphen()
    {
        const string text =
            "Ministers from the Association of South-\n" +
            "East Asian Nations resumed their negoti-\n" +
            "ations on a regional trade pact on Tuesday\n" +
            "after a two-day pause, officials in the host\n" +
            "city said.\n";

        TextUnwrapper.Unwrap(text).ShouldBe(
            "Ministers from the Association of South-East Asian Nations resumed their negotiations on a regional trade pact on Tuesday after a two-day pause, officials in the host city said.");
    }

    [Fact]
    public void E_mail_quoting_and_form_feeds_are_removed()
    {
        const string text =
            "> The council voted on Wednesday to close the old bridge to\n" +
            "> heavy lorries from next month, after engineers found cracks\n" +
            "> in two of its supporting piers during a routine inspection.\n" +
            ">\f\n" +
            "> Repairs are expected to take at least a year, the council's\n" +
            "> head of highways told a meeting of local business owners.\n";

        TextUnwrapper.Unwrap(text).ShouldBe(
            "The council voted on Wednesday to close the old bridge to heavy lorries from next month, after engineers found cracks in two of its supporting piers during a routine inspection.\n\n" +
            "Repairs are expected to take at least a year, the council's head of highways told a meeting of local business owners.");
    }

    [Fact]
    public void A_web_article_with_one_paragraph_per_line_is_left_exactly_as_it_is()
    {
        const string text =
            "Storm Closes Schools\n" +
            "Schools across the region were closed on Friday as a storm brought heavy snow and winds of up to 100 km/h, the education department said.\n" +
            "Officials expect classes to resume on Monday.\n";

        TextUnwrapper.Unwrap(text).ShouldBeSameAs(text);
    }

    [Fact]
    public void A_brief_of_two_wrapped_lines_is_joined_when_the_second_goes_on_in_lower_case()
    {
        var text = TextUnwrapper.Unwrap("    TORONTO, March 3 - Maple Mining Ltd said it expected higher\nfirst quarter profit on stronger copper prices.\n Reuter\n");

        text.ShouldBe("TORONTO, March 3 - Maple Mining Ltd said it expected higher first quarter profit on stronger copper prices.\nReuter");
    }

    [Fact]
    public void A_list_of_short_lines_is_not_taken_for_wrapped_text()
    {
        const string text = "Home\nWorld\nBusiness\nSport\nTalks resume in Geneva\nDelegates met on Monday.\nThey will meet again.\n";

        TextUnwrapper.Unwrap(text).ShouldBeSameAs(text);
    }

    [Fact]
    public void A_wrapped_story_is_enriched_as_if_its_lines_had_been_joined_by_hand()
    {
        var enricher = ArticleEnricher.CreateDefault();
        var wrapped = enricher.Enrich(new Articles.RawArticle(Articles.ArticleId.FromText(WrappedWireStory), WrappedWireStory, Articles.ArticleMetadata.None));

        wrapped.Actors.ShouldContain(a => a.Name == "Ellen Marsh" && a.Type == Articles.ActorType.Person);
        wrapped.Body.ShouldNotContain("the\ngovernment");
    }

    [Fact]
    public void A_closing_sign_off_stays_its_own_line_after_a_line_that_ends_in_a_link()
    {
        const string text =
            "The committee voted to keep the target range for the federal funds rate at 0 to 1/4\n" +
            "percent and will review its holdings of securities at its next meeting in January.\n" +
            "\n" +
            "[Statement Regarding Purchases of Treasury Securities and Agency\n" +
            "Securities](http://www.example.org/markets/operating_policy_121212.html)\n" +
            "Reuter\n";

        TextUnwrapper.Unwrap(text).TrimEnd().Split('\n')[^1].ShouldBe("Reuter");
    }

    [Fact]
    public void A_line_cut_after_a_word_that_needs_another_goes_on_and_a_bullet_opens_a_list_item()
    {
        const string text =
            "The central banks announced further measures to address\n" +
            "pressures in term funding markets, which have increased again\n" +
            "in recent weeks, and will continue to work together closely\n" +
            "and consult regularly on liquidity pressures in the markets.\n" +
            "\n" +
            "Statements by Other Central Banks\n" +
            "\n" +
            "* [Bank of\n" +
            "Japan](http://www.example.org/en/type/release/adhoc/un0803a.htm)\n" +
            "* [Sveriges Riksbank](http://www.example.org/press)\n";

        TextUnwrapper.Unwrap(text).Split('\n')[^2..].ShouldBe([
            "* [Bank of Japan](http://www.example.org/en/type/release/adhoc/un0803a.htm)",
            "* [Sveriges Riksbank](http://www.example.org/press)",
        ]);
    }
}
