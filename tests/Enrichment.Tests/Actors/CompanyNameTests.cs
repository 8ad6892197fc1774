using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>Company names as wire copy writes them: legal forms, possessives, "and", subsidiaries, names of the time.</summary>
public sealed class CompanyNameTests
{
    private static IEnumerable<string> Organisations(string body) =>
        ActorExtractor.CreateDefault().Extract(body).Where(a => a.Type == ActorType.Organisation).Select(a => a.Name);

    [Theory]
    [InlineData("General Motors Corp said it would close two plants.", "General Motors")]
    [InlineData("Moody's Investors Service Inc said it may lower the rating.", "Moody's Investors Service")]
    [InlineData("Standard and Poor's Corp downgraded the debt on Monday.", "Standard and Poor's")]
    [InlineData("Nippon Telegraph and Telephone Corp shares rose in Tokyo.", "Nippon Telegraph and Telephone")]
    [InlineData("NEC Corp said it would cut chip exports.", "NEC")]
    [InlineData("The buyer is a unit of RJR Nabisco Inc, the company said.", "RJR Nabisco")]
    [InlineData("Analysts said AT&T Co would gain share.", "AT&T")]
    [InlineData("First Union Corp said it agreed to buy the bank.", "First Union")]
    [InlineData("Saab-Scania AB said car sales rose in March.", "Saab-Scania")]
    [InlineData("Shares of Fiat SpA fell in Milan.", "Fiat")]
    [InlineData("Sime Darby Bhd shares rose in Kuala Lumpur.", "Sime Darby")]
    [InlineData("Dresdner Bank AG led the share issue.", "Dresdner Bank")]
    [InlineData("Montedison SpA said profits rose.", "Montedison")]
    [InlineData("Robert Bosch GmbH said it would hire.", "Robert Bosch")]
    [InlineData("Whitman Cos said it would sell the unit.", "Whitman")]
    [InlineData("Boral Pty Ltd made a bid.", "Boral")]
    [InlineData("Hoechst AG said sales rose.", "Hoechst")]
    [InlineData("Akzo NV said sales rose.", "Akzo")]
    public void A_legal_form_makes_the_capitalised_words_before_it_one_company(string body, string company)
    {
        Organisations(body).ShouldBe([company]);
    }

    [Fact]
    public void Two_companies_with_their_legal_forms_joined_by_and_stay_two()
    {
        Organisations("General Motors Corp and Toyota Motor Corp formed a venture.").ShouldBe(["General Motors", "Toyota Motor"], ignoreOrder: true);
    }

    [Fact]
    public void A_possessive_that_opens_the_run_is_the_owners_not_part_of_the_name()
    {
        Organisations("Iacocca's Chrysler Corp said it would buy the unit. Allentown's Mack Trucks Inc fell.").ShouldBe(["Chrysler", "Mack Trucks"], ignoreOrder: true);
    }

    [Fact]
    public void Every_legal_form_at_the_end_goes_and_a_known_alias_is_the_known_company()
    {
        var bp = ActorExtractor.CreateDefault().Extract("British Petroleum Co Plc said its offer had been accepted.").ShouldHaveSingleItem();

        bp.Name.ShouldBe("BP");
        bp.Aliases.ShouldContain("British Petroleum Co Plc");
    }

    [Fact]
    public void A_known_company_before_a_country_and_a_legal_form_is_its_subsidiary_not_the_country()
    {
        var organisations = Organisations("Gulf Canada Ltd said it would buy Texaco Canada Inc from Texaco Inc.");

        organisations.ShouldBe(["Gulf Canada", "Texaco Canada", "Texaco"], ignoreOrder: true);
    }

    [Fact]
    public void A_body_named_without_the_article_inside_its_name_is_the_same_body()
    {
        var opec = ActorExtractor.CreateDefault().Extract("The Organization of Petroleum Exporting Countries meets in June. OPEC output rose.")
            .Where(a => a.Type == ActorType.Organisation).ToList();

        opec.Count.ShouldBe(1);
        opec[0].Name.ShouldBe("Organization of the Petroleum Exporting Countries");
    }

    [Fact]
    public void A_known_body_whose_legal_form_the_text_abbreviates_is_the_known_body()
    {
        Organisations("The Federal Deposit Insurance Corp closed the bank on Friday.").ShouldBe(["Federal Deposit Insurance Corporation"]);
    }

    [Theory]
    [InlineData("The ICO said coffee export quotas would stay suspended.", "International Coffee Organization")]
    [InlineData("Traders said the ICCO buffer stock manager bought cocoa.", "International Cocoa Organization")]
    [InlineData("LIFFE volume rose to a record in March, the exchange said.", "London International Financial Futures Exchange")]
    [InlineData("Gold on Comex rose four dlrs an ounce.", "Comex")]
    [InlineData("NASDAQ volume was heavy, traders said.", "Nasdaq")]
    [InlineData("Volume on the NYSE was 180 mln shares, traders said.", "New York Stock Exchange")]
    [InlineData("Copper on the LME fell ten stg a tonne.", "London Metal Exchange")]
    [InlineData("The CCC accepted bids for bonus wheat to Egypt, the agency said.", "Commodity Credit Corporation")]
    [InlineData("The FSLIC will pay depositors of the failed thrift.", "Federal Savings and Loan Insurance Corporation")]
    [InlineData("Finance ministers of the G-5 met in Paris on Sunday.", "Group of Five")]
    public void Commodity_bodies_and_exchanges_of_wire_copy_are_known_by_their_short_names(string body, string organisation)
    {
        Organisations(body).ShouldBe([organisation]);
    }

    [Theory]
    [InlineData("Growth in the MENA region slowed as oil prices fell.")]
    [InlineData("Patients given CBT recovered faster, the study found.")]
    [InlineData("Kirstjen Nielsen said the border was secure. Ms. Nielsen said more would follow.")]
    [InlineData("John Zogby said the race was close.")]
    public void A_short_name_that_is_also_a_word_or_a_surname_counts_only_as_a_source_speaking(string text)
    {
        Organisations(text).ShouldBeEmpty();
    }

    [Fact]
    public void An_ordinary_word_spelt_like_a_short_name_is_not_that_body()
    {
        // Names match by a spelling-tolerant key that merges doubled letters: "Liffe" would be "Life".
        Organisations("Life on the trading floor went on as before, dealers said.").ShouldBeEmpty();
    }

    [Fact]
    public void A_company_named_in_full_is_later_called_by_its_first_word()
    {
        var company = ActorExtractor.CreateDefault().Extract("Shares of Allegheny International Inc rose. Allegheny said its lenders agreed.")
            .ShouldHaveSingleItem();

        company.Name.ShouldBe("Allegheny International");
        company.Mentions.ShouldBe(2);
    }

    [Fact]
    public void A_first_word_that_qualifies_many_names_does_not_stand_for_the_company()
    {
        var actors = ActorExtractor.CreateDefault().Extract("General Motors Corp said sales rose. General Dynamics was unchanged.");

        actors.Single(a => a.Name == "General Motors").Mentions.ShouldBe(1);
    }

    [Fact]
    public void Citicorp_stays_Citicorp()
    {
        Organisations("Its creditors include Citicorp and Manufacturers Hanover Trust Co.").ShouldBe(["Citicorp", "Manufacturers Hanover"], ignoreOrder: true);
    }

    [Fact]
    public void Home_qualifies_a_body_like_Federal_does()
    {
        Organisations("The Federal Home Loan Bank Board closed the thrift on Friday.").ShouldBe(["Federal Home Loan Bank Board"]);
    }

    [Fact]
    public void A_known_company_and_its_legal_form_is_the_known_company_however_the_text_spells_it()
    {
        Organisations("Societe Generale SA said it would lend.").ShouldBe(["Société Générale"]);
    }

    [Theory]
    [InlineData("Merrill Lynch and Co Inc was among the underwriters.", "Merrill Lynch")]
    [InlineData("Goldman, Sachs and Co declined comment.", "Goldman Sachs")]
    [InlineData("Kidder, Peabody and Co managed the issue.", "Kidder Peabody")]
    public void A_partnership_written_with_its_comma_and_and_Co_is_the_known_firm(string body, string firm)
    {
        Organisations(body).ShouldBe([firm]);
    }

    [Theory]
    [InlineData("Texas AG Ken Paxton sued the company on Monday.")]
    [InlineData("The New York AG said it would appeal.")]
    [InlineData("He lives in Las Vegas NV now.")]
    [InlineData("The photo is licensed under CC BY-SA 4.0.")]
    public void Capitals_that_spell_a_legal_form_but_are_none_make_no_company(string body)
    {
        Organisations(body).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Chrysler Corp agreed to buy American Motors Corp from Renault. AMC president Joseph Cappy declined comment.", "American Motors")]
    [InlineData("Kuwait Petroleum Corp raised its prices. KPC said demand was strong.", "Kuwait Petroleum")]
    public void A_body_named_in_full_answers_to_its_initials_in_capitals(string body, string organisation)
    {
        ActorExtractor.CreateDefault().Extract(body).Single(a => a.Name == organisation).Mentions.ShouldBe(2);
    }

    [Fact]
    public void Initials_that_are_a_known_name_stay_that_name()
    {
        // "United Steelworkers" has the initials of the United States.
        var actors = ActorExtractor.CreateDefault().Extract("The United Steelworkers Union said talks resumed. The US Labor Department said jobs rose.");

        actors.ShouldContain(a => a.Name == "United States" && a.Type == ActorType.Country);
    }

    [Theory]
    [InlineData("Shamrock Holdings Inc, controlled by the Roy E. Disney family, raised its stake.", "Roy E. Disney")]
    [InlineData("The company was founded by Walter Chrysler in 1925.", "Walter Chrysler")]
    public void A_one_word_company_after_a_given_name_is_the_persons_surname(string body, string person)
    {
        var actors = ActorExtractor.CreateDefault().Extract(body);
        var surname = person.Split(' ').Last();

        actors.ShouldContain(a => a.Name == person && a.Type == ActorType.Person);
        actors.ShouldNotContain(a => a.Aliases.Contains(surname) && a.Type == ActorType.Organisation);
    }

    [Fact]
    public void A_one_word_company_matches_only_as_spelt_not_a_surname_its_key_forgives()
    {
        var organisations = Organisations("Phillips Petroleum Co cut its budget. Phillips said output would fall. Electronics group Philips said sales rose.");

        organisations.ShouldBe(["Phillips Petroleum", "Philips"], ignoreOrder: true);
    }
}
