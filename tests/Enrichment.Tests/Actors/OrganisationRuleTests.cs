using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>The organisation rules for news text in general: legislatures, listed bodies, known agencies and companies.</summary>
public sealed class OrganisationRuleTests
{
    private static IReadOnlyList<ActorMention> Extract(string body) => ActorExtractor.CreateDefault().Extract(body);

    private static bool HasOrganisation(IReadOnlyList<ActorMention> actors, string name) =>
        actors.Any(a => a.Type == ActorType.Organisation && (a.Name == name || a.Aliases.Contains(name)));

    [Fact]
    public void A_one_word_legislature_is_an_organisation_inside_a_sentence_but_not_as_its_first_word()
    {
        HasOrganisation(Extract("The President urged Congress to pass the bill before the recess."), "Congress").ShouldBeTrue();
        HasOrganisation(Extract("Knesset members met on Monday. The vote was close."), "Knesset").ShouldBeFalse();
    }

    [Fact]
    public void A_list_of_bodies_one_a_line_names_each_body_and_not_the_country_in_its_name()
    {
        var actors = Extract("Other central banks announced steps today.\n\nStatements by Other Central Banks\n\n* [Bank of Canada](http://www.example.org/a.htm)\n* [Reserve Bank of Australia](http://www.example.org/b.htm)\n");

        HasOrganisation(actors, "Bank of Canada").ShouldBeTrue();
        HasOrganisation(actors, "Reserve Bank of Australia").ShouldBeTrue();
        actors.ShouldNotContain(a => a.Type == ActorType.Country);
    }

    [Fact]
    public void A_list_run_into_one_line_still_names_each_body()
    {
        var actors = Extract("Other central banks announced steps today.\n\n* [Bank of Canada](http://www.example.org/a.htm) * [Swiss National Bank](http://www.example.org/b.htm)\n");

        HasOrganisation(actors, "Bank of Canada").ShouldBeTrue();
        HasOrganisation(actors, "Swiss National Bank").ShouldBeTrue();
        actors.ShouldNotContain(a => a.Type == ActorType.Country);
    }

    [Fact]
    public void A_title_line_or_a_link_to_a_statement_is_no_organisation()
    {
        var actors = Extract("Readout of the Joint Planning Group\n\nThe officials met in the capital on Tuesday and agreed to meet again.\n\n[Statement Regarding Purchases of Treasury Securities and Agency Mortgage-Backed Securities](http://www.example.org/markets/open-market-operations/policy/statement-regarding-purchases-2014-01-29.html)\n");

        actors.ShouldNotContain(a => a.Type == ActorType.Organisation);
    }

    [Theory]
    [InlineData("The NASA probe reached orbit on Friday, engineers said.", "National Aeronautics and Space Administration")]
    [InlineData("Shares fell after the Securities and Exchange Commission opened an inquiry.", "Securities and Exchange Commission")]
    [InlineData("Ministers met at the OECD headquarters in Paris on Monday.", "Organisation for Economic Co-operation and Development")]
    [InlineData("The deal leaves Chrysler with two plants in the state, the union said.", "Chrysler")]
    public void A_well_known_agency_international_body_or_company_is_an_organisation(string text, string name)
    {
        Extract(text).ShouldContain(a => a.Name == name && a.Type == ActorType.Organisation);
    }

    [Fact]
    public void A_known_agency_name_after_a_state_names_the_state_body()
    {
        var actors = Extract("The fund was set up within the California Department of Justice last year.");

        HasOrganisation(actors, "California Department of Justice").ShouldBeTrue();
        actors.ShouldNotContain(a => a.Name == "Department of Justice");
    }

    [Theory]
    [InlineData("The complaint was filed by the Church of Scientology on Monday.", "Church of Scientology")]
    [InlineData("Engineers at the Jet Propulsion Laboratory tracked the craft.", "Jet Propulsion Laboratory")]
    [InlineData("The general briefed reporters at Joint Logistics Command in the capital.", "Joint Logistics Command")]
    [InlineData("She has written for Instinct Magazine since 2004.", "Instinct Magazine")]
    public void Churches_laboratories_commands_and_magazines_are_organisations(string text, string name)
    {
        HasOrganisation(Extract(text), name).ShouldBeTrue();
    }

    [Fact]
    public void A_name_runs_back_over_of_only_from_another_organisation_word()
    {
        var actors = Extract("The review was written by Troy Patterson of Bellmore Magazine, who visited in May.");

        HasOrganisation(actors, "Bellmore Magazine").ShouldBeTrue();
        actors.ShouldNotContain(a => a.Name.Contains("Patterson of", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_bodies_joined_by_and_stay_two()
    {
        var actors = Extract("Researchers at the Massachusetts Institute of Technology and Colorado State University led the study.");

        HasOrganisation(actors, "Massachusetts Institute of Technology").ShouldBeTrue();
        HasOrganisation(actors, "Colorado State University").ShouldBeTrue();
    }

    [Theory]
    [InlineData("Staff at the Northern Centre for Control of Coastal Erosion Studies warned of floods.", "Northern Centre for Control of Coastal Erosion Studies")]
    [InlineData("She studied at the University of North Carolina at Greensboro before moving west.", "University of North Carolina at Greensboro")]
    [InlineData("Donations went to the Make-A-Wish Foundation last year.", "Make-A-Wish Foundation")]
    public void A_name_keeps_a_second_complement_a_campus_and_a_hyphenated_word(string text, string name)
    {
        HasOrganisation(Extract(text), name).ShouldBeTrue();
    }

    [Fact]
    public void A_place_after_a_body_says_where_it_is()
    {
        var actors = Extract("Scientists at the University of Sheffield of the UK analysed the data.");

        HasOrganisation(actors, "University of Sheffield").ShouldBeTrue();
        actors.ShouldContain(a => a.Name == "United Kingdom" && a.Type == ActorType.Country);
    }

    [Fact]
    public void An_alliance_of_two_countries_and_a_call_sign_are_no_bodies()
    {
        var actors = Extract("The leaders praised the U.S.-Germany Alliance and later flew home aboard Air Force One.");

        actors.ShouldNotContain(a => a.Type == ActorType.Organisation);
    }

    [Fact]
    public void The_House_is_a_legislature_but_a_named_house_is_a_building()
    {
        HasOrganisation(Extract("The bill now goes to the House, where a vote is expected on Friday."), "House").ShouldBeTrue();
        Extract("The gala was held at the Sydney Opera House on Friday.").ShouldNotContain(a => a.Type == ActorType.Organisation);
    }

    [Fact]
    public void A_presidents_name_names_the_administration_and_the_person_stays()
    {
        var actors = Extract("Donald Trump spoke on Monday. The Trump Administration is declaring the groups terrorists, officials said.");

        HasOrganisation(actors, "Trump Administration").ShouldBeTrue();
        actors.ShouldContain(a => a.Name == "Donald Trump" && a.Type == ActorType.Person);
    }

    [Theory]
    [InlineData("Troops of the Korean People's Army crossed the line, the ministry said.", "Korean People's Army")]
    [InlineData("Shares of Harlow Textile Corp fell 4 percent in early trading.", "Harlow Textile Corp")]
    [InlineData("The merger with Tanfield Brewing Plc was approved on Tuesday.", "Tanfield Brewing Plc")]
    public void A_possessive_of_people_and_a_corporate_suffix_are_part_of_a_name(string text, string name)
    {
        HasOrganisation(Extract(text), name).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Shares of Bethlehem Steel rose 2 percent on Tuesday, traders said.", "Bethlehem Steel")]
    [InlineData("The plant will close in June, a Kaiser Aluminum spokesman said.", "Kaiser Aluminum")]
    [InlineData("Environment Canada spokeswoman Sujata Raisinghani said the department would look into it.", "Environment Canada")]
    public void Shares_of_a_name_or_its_spokesman_make_it_a_company_or_body(string text, string name)
    {
        HasOrganisation(Extract(text), name).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Police spokesman Ali Khan said two men were arrested.")]
    [InlineData("A Pakistani spokesman said the talks would resume.")]
    public void A_lone_word_opening_a_sentence_or_a_demonym_before_spokesman_is_no_body(string text)
    {
        Extract(text).ShouldNotContain(a => a.Type == ActorType.Organisation);
    }

    [Fact]
    public void A_lower_case_party_after_a_known_party_name_is_that_party()
    {
        Extract("His ties to the Republican party date back to 1979.").ShouldContain(a => a.Name == "Republican Party" && a.Type == ActorType.Organisation);
    }

    [Fact]
    public void A_company_goes_by_its_name_without_the_legal_form_and_its_later_bare_name_is_the_same_company()
    {
        var organisations = Extract("Harlow Textile Corp said it would cut prices. Harlow Textile also said sales rose. "
            + "The unit of American Express Co said it agreed.").Where(a => a.Type == ActorType.Organisation).ToList();

        var harlow = organisations.Where(a => a.Name == "Harlow Textile").ShouldHaveSingleItem();
        harlow.Mentions.ShouldBe(2);
        harlow.Aliases.ShouldContain("Harlow Textile Corp");
        organisations.Select(a => a.Name).ShouldBe(["Harlow Textile", "American Express"], ignoreOrder: true);
    }

    [Fact]
    public void A_body_named_before_a_person_without_a_comma_ends_where_the_persons_given_name_or_title_begins()
    {
        var actors = Extract("The call included White House Office of Intergovernmental Affairs Julie Chavez Rodriguez; "
            + "also Department of Treasury Counselor Mark Brenner, officials said.");
        var organisations = actors.Where(a => a.Type == ActorType.Organisation).Select(a => a.Name).ToList();

        organisations.ShouldContain("White House Office of Intergovernmental Affairs");
        string.Join(" | ", organisations).ShouldNotContain("Julie");
        string.Join(" | ", organisations).ShouldNotContain("Counselor");
        actors.ShouldContain(a => a.Type == ActorType.Person && a.Name == "Mark Brenner");
    }
}
