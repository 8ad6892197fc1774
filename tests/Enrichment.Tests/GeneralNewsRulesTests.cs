using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Tests;

/// <summary>Crafted sentences for the rules that carry the enricher past the seed story: other layouts, names and dates.</summary>
public sealed class GeneralNewsRulesTests
{
    private static readonly ArticleEnricher Enricher = ArticleEnricher.CreateDefault();

    private const string Filler = " The committee will meet again in the spring to review the figures and publish a report for lawmakers.";

    private static EnrichedArticle Enrich(string text) =>
        Enricher.Enrich(new RawArticle(ArticleId.FromText(text), text, new ArticleMetadata(AsOf: new DateOnly(2025, 6, 1))));

    [Fact]
    public void A_wire_dateline_under_a_byline_and_a_date_line_names_the_wire()
    {
        var article = Enrich("Grain prices climb as harvest forecasts are cut\n\nBy Jane Doe\nMay 2, 2024 4:10 PM UTC\n\nLONDON (Reuters) - Wheat futures rose on Thursday after forecasters cut their harvest estimates." + Filler);

        article.Source.ShouldBe("Reuters");
        article.Title.ShouldBe("Grain prices climb as harvest forecasts are cut");
        article.Body.ShouldNotContain("(Reuters)");
    }

    [Fact]
    public void A_dateline_with_a_place_in_title_case_names_the_agency()
    {
        Enrich("Cape Town (AFP) – Firefighters contained a blaze on the slopes of the mountain on Sunday." + Filler).Source.ShouldBe("Agence France-Presse");
    }

    [Fact]
    public void A_press_release_wire_between_slashes_is_the_publisher()
    {
        var article = Enrich("Acme Robotics Opens New Plant\n\nDETROIT, Jan. 5, 2024 /PRNewswire/ -- Acme Robotics today opened a factory that will employ 400 people." + Filler);

        article.Source.ShouldBe("PR Newswire");
        article.Published.ShouldBe(new DateOnly(2024, 1, 5));
    }

    [Fact]
    public void The_desk_line_under_a_byline_names_the_outlet()
    {
        var article = Enrich("Kenya floods: Thousands flee rising water\n\nBy Peter Mwangi\nBBC News, Nairobi\n\nThousands of families have fled their homes as rivers burst their banks across the country." + Filler);

        article.Source.ShouldBe("BBC");
        article.Body.ShouldNotContain("BBC News, Nairobi");
    }

    [Fact]
    public void A_blog_named_over_its_own_address_is_the_publisher_and_not_the_title()
    {
        var article = Enrich("Garden Notes\nhttps://gardennotes-uk.blogspot.com/\nHome | About | Archive\n\nWhy my tomatoes failed this year\n\nI planted them too early, and a late frost did the rest." + Filler);

        article.Source.ShouldBe("Garden Notes");
        article.Title.ShouldBe("Why my tomatoes failed this year");
    }

    [Fact]
    public void A_lower_case_article_before_a_cited_outlet_is_not_part_of_its_name()
    {
        Enrich("A shop owner told the Yorkshire Evening Post that he heard shouting outside." + Filler).Cites.ShouldContain("Yorkshire Evening Post");
    }

    [Fact]
    public void A_country_name_after_a_given_name_is_a_surname()
    {
        var article = Enrich("The coalition, led by Carlos Jordan, said on Monday it would vote against the budget. Mr Jordan said the cuts went too far." + Filler);

        article.Actors.ShouldContain(a => a.Name == "Carlos Jordan" && a.Type == ActorType.Person);
        article.Actors.ShouldNotContain(a => a.Name == "Jordan" && a.Type == ActorType.Country);
    }

    [Fact]
    public void An_organisation_word_takes_its_of_or_for_complement()
    {
        var article = Enrich("Researchers at the University of Nairobi and the National Agency for Road Safety published the study on Monday." + Filler);

        article.Actors.ShouldContain(a => a.Name == "University of Nairobi" && a.Type == ActorType.Organisation);
        article.Actors.ShouldContain(a => a.Name == "National Agency for Road Safety" && a.Type == ActorType.Organisation);
    }

    [Fact]
    public void A_law_named_with_an_organisation_word_inside_is_not_an_organisation()
    {
        var article = Enrich("The statement contains forward-looking statements within the meaning of the Private Securities Litigation Reform Act of 1995." + Filler);

        article.Actors.ShouldNotContain(a => a.Name.Contains("Securities"));
    }

    [Fact]
    public void A_name_whose_surname_later_stands_alone_is_a_person()
    {
        var article = Enrich("Maria Lopez scored twice in the first half as the visitors were overwhelmed. Lopez now has ten goals this season." + Filler);

        article.Actors.ShouldContain(a => a.Name == "Maria Lopez" && a.Type == ActorType.Person && a.Aliases.Contains("Lopez"));
    }

    [Fact]
    public void A_title_before_a_name_does_not_cut_the_speaker_off()
    {
        var article = Enrich("\"We have never seen so many cases in one week,\" said Dr. Grace Otieno, a physician at the district hospital." + Filler);

        article.Quotes.ShouldContain(q => q.Speaker == "Grace Otieno");
    }

    [Fact]
    public void The_page_date_gives_the_year_of_a_day_the_story_names_without_one()
    {
        var article = Enrich("Voters head to the polls\n\nPublished 3 March 2024\n\nThe last election, in January 2021, had a low turnout. The vote takes place on 10 March, and counting starts at once." + Filler);

        article.Published.ShouldBe(new DateOnly(2024, 3, 3));
        article.DatesMentioned.ShouldContain(d => d.Date == new DateOnly(2024, 3, 10) && d.Precision == DatePrecision.Day);
    }

    [Theory]
    [InlineData("The incident was logged on 25/04/2024 by the control room.", true)]
    [InlineData("The incident was logged on 03/04/2024 by the control room.", false)]
    public void A_numeric_date_is_read_only_when_its_first_number_cannot_be_a_month(string sentence, bool read)
    {
        var article = Enrich(sentence + Filler);

        article.DatesMentioned.Any(d => d.Text.Contains('/')).ShouldBe(read);
        if (read)
        {
            article.DatesMentioned.ShouldContain(d => d.Date == new DateOnly(2024, 4, 25));
        }
    }

    [Fact]
    public void A_name_the_text_calls_a_party_or_a_firm_is_an_organisation_but_a_member_of_one_is_not()
    {
        var article = Enrich("The centrist Renewal party gained seats. Harbor Analytics, a small data firm, ran the poll. Jane Roe, a member of the party, said little." + Filler);

        article.Actors.ShouldContain(a => a.Name == "Renewal" && a.Type == ActorType.Organisation);
        article.Actors.ShouldContain(a => a.Name == "Harbor Analytics" && a.Type == ActorType.Organisation);
        article.Actors.ShouldNotContain(a => a.Name == "Jane Roe" && a.Type == ActorType.Organisation);
    }

    [Fact]
    public void A_name_in_apposition_with_the_and_an_organisation_noun_is_one_but_not_before_a_role()
    {
        var article = Enrich("Exportkhleb, the Soviet grain trading agency, declined comment. John Smith, the company chairman, agreed. " +
            "Peter Brown, the party's leader, left. Petroleos de Venezuela SA, the state oil company, raised output." + Filler);

        article.Actors.ShouldContain(a => a.Name == "Exportkhleb" && a.Type == ActorType.Organisation);
        article.Actors.ShouldNotContain(a => a.Name == "John Smith" && a.Type == ActorType.Organisation);
        article.Actors.ShouldNotContain(a => a.Name == "Peter Brown" && a.Type == ActorType.Organisation);
        article.Actors.ShouldNotContain(a => a.Name == "SA");
    }

    [Theory]
    [InlineData("Georgia Hale, a spokeswoman for the council, declined to comment.", "Georgia Hale", "Georgia")]
    [InlineData("Chad Miller said the road would reopen on Friday.", "Chad Miller", "Chad")]
    public void A_country_name_as_a_given_name_before_a_person_cue_is_a_person(string sentence, string person, string country)
    {
        var article = Enrich(sentence + Filler);

        article.Actors.ShouldContain(a => a.Name == person && a.Type == ActorType.Person);
        article.Actors.ShouldNotContain(a => a.Name == country && a.Type == ActorType.Country);
    }

    [Fact]
    public void A_country_before_an_organisation_word_stays_a_country()
    {
        var article = Enrich("Georgia Airways said on Monday that flights to Tbilisi would resume, and Georgia welcomed the decision." + Filler);

        article.Actors.ShouldContain(a => a.Name == "Georgia" && a.Type == ActorType.Country);
    }

    [Fact]
    public void An_outlet_cited_in_the_next_sentence_is_not_where_the_quote_was_said()
    {
        var article = Enrich("\"Nobody got everything they wanted,\" Mary Holt said. Colleagues were divided, according to Politico." + Filler);

        article.Quotes.ShouldContain(q => q.Text.StartsWith("Nobody") && q.Outlet == null);
    }

    [Fact]
    public void A_word_inside_a_title_is_not_a_name_and_a_post_nominal_does_not_hide_one()
    {
        var article = Enrich("Dr. Ravi Menon, Chief Medical Officer, added that the trial would continue. The barrister, Joanna Reid KC, told the court her client was innocent." + Filler);

        article.Actors.ShouldNotContain(a => a.Name == "Medical");
        article.Actors.ShouldContain(a => a.Name == "Ravi Menon" && a.Type == ActorType.Person);
        article.Actors.ShouldContain(a => a.Name == "Joanna Reid" && a.Type == ActorType.Person);
    }
}
