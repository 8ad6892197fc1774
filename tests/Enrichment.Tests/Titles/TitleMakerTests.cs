using NewsSearch.Enrichment.Titles;

namespace NewsSearch.Enrichment.Tests.Titles;

public sealed class TitleMakerTests
{
    [Fact]
    public void The_headline_line_is_the_title()
    {
        TitleMaker.Make("Istanbul Negotiations End Without Resolution", "Peace talks ended.").ShouldBe("Istanbul Negotiations End Without Resolution");
    }

    [Fact]
    public void A_short_lead_sentence_becomes_the_title_without_its_full_stop()
    {
        TitleMaker.Make(null, "Floods forced thousands from their homes on Friday. Rescue teams used boats.")
            .ShouldBe("Floods forced thousands from their homes on Friday");
    }

    [Fact]
    public void A_long_lead_loses_its_attribution_and_side_clauses()
    {
        const string lead = "The high-stakes talks between the two governments in Geneva, aimed at resolving a long border dispute and a trade row, have stalled after three days of negotiations, officials said on Tuesday.";

        TitleMaker.Make(null, lead).ShouldBe("The high-stakes talks between the two governments in Geneva have stalled after three days of negotiations");
    }

    [Fact]
    public void A_long_lead_is_cut_at_a_clause_so_that_it_fits_in_120_characters()
    {
        const string lead = "Efforts to ease the escalating tensions between the neighbouring states have hit a wall, as two days of high-stakes peace talks collapsed without agreement on November 8, 2025.";

        TitleMaker.Make(null, lead).ShouldBe("Efforts to ease the escalating tensions between the neighbouring states have hit a wall");
    }

    [Fact]
    public void A_lead_without_clauses_is_cut_on_a_word_and_never_ends_on_a_dangling_word()
    {
        var lead = string.Join(' ', Enumerable.Repeat("ministers met and talked about the future of the region", 4)) + ".";

        var title = TitleMaker.Make(null, lead);

        title.Length.ShouldBeLessThanOrEqualTo(TitleMaker.MaxLength);
        lead.ShouldStartWith(title);
        title.Split(' ')[^1].ShouldNotBeOneOf("and", "the", "of", "about");
    }

    [Fact]
    public void An_abbreviated_month_does_not_end_the_lead_sentence()
    {
        TitleMaker.Make(null, "A ceasefire was signed on Oct. 19 in Doha. It held.").ShouldBe("A ceasefire was signed on Oct. 19 in Doha");
    }
}

public sealed class TitleFallbackTests
{
    [Theory]
    [InlineData("")]
    [InlineData("– – –")]
    [InlineData(", , ,")]
    public void Text_with_nothing_to_make_a_title_from_is_untitled_never_empty(string body)
    {
        TitleMaker.Make(null, body).ShouldBe(TitleMaker.Untitled);
    }
}
