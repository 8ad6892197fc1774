using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;
using NewsSearch.Enrichment.Quotes;

namespace NewsSearch.Enrichment.Tests.Quotes;

public sealed class QuoteExtractorTests
{
    private static IReadOnlyList<Quote> Extract(string body) =>
        QuoteExtractor.CreateDefault().Extract(body, ActorExtractor.CreateDefault().Extract(body));

    [Fact]
    public void Said_after_the_quote_with_the_name_after_it_resolves_the_speaker()
    {
        var quote = Extract("“The border will stay closed until further notice,” said Haji Rahmatullah.").ShouldHaveSingleItem();

        quote.Text.ShouldBe("The border will stay closed until further notice");
        quote.Speaker.ShouldBe("Haji Rahmatullah");
        quote.Outlet.ShouldBeNull();
    }

    [Fact]
    public void A_surname_before_said_resolves_to_the_canonical_name_given_earlier()
    {
        var quotes = Extract("Journalist Omid Sherzai covered the talks. “Nobody trusts the other side any more,” Sherzai said.");

        quotes.ShouldHaveSingleItem().Speaker.ShouldBe("Omid Sherzai");
    }

    [Fact]
    public void Told_an_outlet_gives_the_speaker_and_the_outlet()
    {
        var quote = Extract("“We were not consulted at any stage,” Farid Rahimi told Al Jazeera.").ShouldHaveSingleItem();

        quote.Speaker.ShouldBe("Farid Rahimi");
        quote.Outlet.ShouldBe("Al Jazeera");
    }

    [Fact]
    public void Wrote_on_X_names_the_platform_as_the_outlet_not_the_speaker()
    {
        var quote = Extract("Defence Minister Khawaja Asif spoke late. “Pakistan will defend every inch of its soil,” Asif wrote on X.").ShouldHaveSingleItem();

        quote.Speaker.ShouldBe("Khawaja Asif");
        quote.Outlet.ShouldBe("X");
    }

    [Fact]
    public void He_said_goes_to_the_nearest_person_named_before_the_pronoun()
    {
        var quotes = Extract("Security analyst Zarmina Qadir stated that the links run deep. “The two groups depend on each other for survival,” he said.");

        quotes.ShouldHaveSingleItem().Speaker.ShouldBe("Zarmina Qadir");
    }

    [Fact]
    public void A_speaker_who_is_not_named_is_described_as_written()
    {
        var quote = Extract("“They kept changing their position every hour,” said one senior Pakistani official to Al Jazeera.").ShouldHaveSingleItem();

        quote.Speaker.ShouldBe("senior Pakistani official");
        quote.Outlet.ShouldBe("Al Jazeera");
    }

    [Fact]
    public void A_speech_verb_before_the_quote_gives_its_subject()
    {
        var quote = Extract("An unnamed Pakistani official told Reuters that “instructions received from Kabul” had complicated matters.").ShouldHaveSingleItem();

        quote.Speaker.ShouldBe("unnamed Pakistani official");
        quote.Outlet.ShouldBe("Reuters");
    }

    [Fact]
    public void A_participle_after_a_comma_takes_the_subject_of_the_sentence()
    {
        var quote = Extract("Journalist Omid Sherzai agreed, saying that “the prospects of a deal now look remote.”").ShouldHaveSingleItem();

        quote.Speaker.ShouldBe("Omid Sherzai");
    }

    [Fact]
    public void According_to_a_person_makes_that_person_the_speaker()
    {
        var quote = Extract("According to Information Minister Attaullah Tarar, the talks “failed to bring about any workable solution.”").ShouldHaveSingleItem();

        quote.Speaker.ShouldBe("Attaullah Tarar");
    }

    [Fact]
    public void An_organisation_can_be_the_speaker()
    {
        var quote = Extract("In a statement, the Pakistani Foreign Ministry said, “Pakistan remains committed to dialogue with its neighbours.”").ShouldHaveSingleItem();

        quote.Speaker.ShouldBe("Pakistan Ministry of Foreign Affairs");
    }

    [Fact]
    public void A_quote_that_continues_after_the_attribution_keeps_the_speaker()
    {
        var quotes = Extract("“The Taliban survive under pressure,” Journalist Omid Sherzai explained. “Any large-scale attack could enhance their legitimacy.”");

        quotes.Count.ShouldBe(2);
        quotes.ShouldAllBe(q => q.Speaker == "Omid Sherzai");
    }

    [Fact]
    public void A_quote_introduced_by_a_line_ending_in_a_colon_takes_the_speaker_of_that_line()
    {
        var quote = Extract("A senior Afghan security source, speaking anonymously to Reuters, echoed this sentiment:\n“The delegation refused to commit to anything at all.”").ShouldHaveSingleItem();

        quote.Speaker.ShouldBe("senior Afghan security source");
        quote.Outlet.ShouldBe("Reuters");
    }

    [Fact]
    public void Straight_double_quotes_are_quotes_too()
    {
        Extract("\"We will not accept these terms at all,\" said Haji Rahmatullah.").ShouldHaveSingleItem().Speaker.ShouldBe("Haji Rahmatullah");
    }

    [Fact]
    public void Single_quotes_are_quotes_when_they_open_after_a_space_and_apostrophes_are_not()
    {
        var quotes = Extract("Pakistan's Information Minister Attaullah Tarar warned that Pakistan's 'patience has run its course' with Kabul's rulers.");

        var quote = quotes.ShouldHaveSingleItem();
        quote.Text.ShouldBe("patience has run its course");
        quote.Speaker.ShouldBe("Attaullah Tarar");
    }

    [Fact]
    public void A_closing_mark_without_an_opening_one_quotes_from_the_start_of_the_paragraph()
    {
        var quote = Extract("Journalist Omid Sherzai spoke.\nIf the bombing goes on, civilians will turn against Islamabad,” Sherzai stated.").ShouldHaveSingleItem();

        quote.Text.ShouldStartWith("If the bombing goes on");
        quote.Speaker.ShouldBe("Omid Sherzai");
    }

    [Fact]
    public void Scare_quotes_of_a_word_or_two_without_a_speech_verb_are_not_quotations()
    {
        Extract("The ministry called the claims “baseless” and described the raids as a “payback” for past support.").ShouldBeEmpty();
    }

    [Fact]
    public void A_quoted_heading_is_not_a_quotation()
    {
        Extract("Pakistan's Position: “Afghanistan Must Take Responsibility”\nThe talks went on.").ShouldBeEmpty();
    }

    [Fact]
    public void Text_without_quotation_marks_has_no_quotes()
    {
        Extract("Officials said the talks would resume next week in Doha.").ShouldBeEmpty();
    }
}

public sealed class MultiParagraphQuoteTests
{
    [Fact]
    public void A_quote_running_over_two_paragraphs_is_two_quotes_by_the_same_speaker()
    {
        const string body = "Journalist Omid Sherzai was blunt. “The talks were doomed from the start, because nobody trusted anybody.\n“Both sides came only to blame the other,” Sherzai said.";
        var quotes = QuoteExtractor.CreateDefault().Extract(body, ActorExtractor.CreateDefault().Extract(body));

        quotes.Count.ShouldBe(2);
        quotes[0].Text.ShouldStartWith("The talks were doomed");
        quotes.ShouldAllBe(q => q.Speaker == "Omid Sherzai");
    }
}
