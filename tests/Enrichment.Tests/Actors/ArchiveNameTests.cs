using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>Names as wire copy of any era writes them: titles before names, initials, particles, blocs, parties.</summary>
public sealed class ArchiveNameTests
{
    private static IReadOnlyList<ActorMention> Extract(string body) => ActorExtractor.CreateDefault().Extract(body);

    [Theory]
    [InlineData("Chancellor of the Exchequer Nigel Lawson said the budget would cut income tax by two pence.", "Nigel Lawson", "Chancellor of the Exchequer")]
    [InlineData("Treasury Secretary James Baker told a House committee that the dollar had fallen far enough.", "James Baker", "Treasury Secretary")]
    [InlineData("House Speaker Jim Wright said the trade bill would reach the floor next month.", "Jim Wright", "House Speaker")]
    [InlineData("Bank of Japan Governor Satoshi Sumita said the central bank would keep credit easy.", "Satoshi Sumita", "Governor")]
    [InlineData("Canadian Energy Minister Marcel Masse said oil exports would be reviewed.", "Marcel Masse", "Energy Minister")]
    public void A_job_title_before_a_name_is_the_persons_role_not_part_of_the_name(string body, string name, string role)
    {
        var person = Extract(body).Where(a => a.Type == ActorType.Person).ShouldHaveSingleItem();

        person.Name.ShouldBe(name);
        person.Role.ShouldNotBeNull();
        person.Role.ShouldContain(role);
    }

    [Fact]
    public void A_surname_after_a_title_in_a_headline_is_a_person_unless_the_body_writes_the_word_in_lower_case()
    {
        var people = ActorExtractor.CreateDefault().Extract("Today's decision threatens the rights of women nationwide.", "Statement from Vice President Harris on Decision in Court Case")
            .Where(a => a.Type == ActorType.Person).Select(a => a.Name);
        var visit = ActorExtractor.CreateDefault().Extract("The official's travel took him to three countries.", "Readout of Senior Administration Official Travel to Djibouti")
            .Where(a => a.Type == ActorType.Person);

        people.ShouldBe(["Harris"]);
        visit.ShouldBeEmpty();
    }

    [Fact]
    public void A_name_with_St_and_a_full_stop_stays_whole()
    {
        var actors = Extract("Representative Fernand St. Germain, chairman of the House Banking Committee, said the bill would pass. St. Germain said hearings would start in May.");

        actors.ShouldContain(a => a.Name == "Fernand St. Germain" && a.Type == ActorType.Person);
        actors.ShouldNotContain(a => a.Name == "Germain" || a.Name == "Fernand St");
    }

    [Fact]
    public void A_hyphenated_name_of_a_body_of_states_is_one_organisation()
    {
        var actors = Extract("Ministers of the Association of South-East Asian Nations met in Manila on Monday to discuss a regional trade pact.");

        actors.ShouldContain(a => a.Name == "Association of Southeast Asian Nations" && a.Type == ActorType.Organisation && a.Aliases.Contains("Association of South-East Asian Nations"));
    }

    [Fact]
    public void A_bloc_of_states_is_an_organisation_and_never_a_person()
    {
        var actors = Extract("The European Community said on Tuesday it would cut farm subsidies. European Community farm ministers will meet in Brussels.");

        actors.ShouldContain(a => a.Name == "European Community" && a.Type == ActorType.Organisation);
        actors.ShouldNotContain(a => a.Type == ActorType.Person);
    }

    [Fact]
    public void The_Soviet_Union_is_a_country()
    {
        var actors = Extract("The Soviet Union bought two million tonnes of wheat, the Agriculture Department said. Soviet officials declined to comment.");

        actors.ShouldContain(a => a.Name == "Soviet Union" && a.Type == ActorType.Country);
        actors.ShouldNotContain(a => a.Name == "Russia");
    }

    [Fact]
    public void Parties_with_democratic_in_their_names_stay_distinct()
    {
        var actors = Extract(
            "The ruling Liberal Democratic Party of Japan lost seats in the upper house. In Bonn, the Free Democrats said they would stay in the coalition " +
            "led by the Christian Democratic Union.");

        actors.ShouldContain(a => a.Name == "Liberal Democratic Party" && a.Type == ActorType.Organisation);
        actors.ShouldContain(a => a.Name == "Free Democratic Party" && a.Type == ActorType.Organisation);
        actors.ShouldContain(a => a.Name == "Christian Democratic Union" && a.Type == ActorType.Organisation);
        actors.ShouldNotContain(a => a.Name == "Democratic Party");
    }

    [Fact]
    public void A_word_is_not_linked_to_a_person_by_a_loose_spelling_alone()
    {
        var actors = Extract("U.S. Trade Representative Clayton Yeutter said Japan must open its markets. Yeutter spoke to Reuter in Geneva, Reuter said.");

        var yeutter = actors.Where(a => a.Name == "Clayton Yeutter").ShouldHaveSingleItem();
        yeutter.Aliases.ShouldNotContain("Reuter");
        yeutter.Mentions.ShouldBe(2);
    }

    [Fact]
    public void An_old_company_name_is_not_modernised()
    {
        var actors = Extract("Exxon Corp said on Monday it would cut its crude oil postings by 50 cts a barrel. Exxon said the cut was effective today.");

        actors.ShouldContain(a => a.Name == "Exxon" && a.Type == ActorType.Organisation);
        actors.ShouldNotContain(a => a.Name == "ExxonMobil");
    }

    [Fact]
    public void A_state_or_province_is_a_place_never_a_person_or_the_country_in_its_name()
    {
        var actors = Extract("Governor Mark White of Texas and officials in New Mexico and South Carolina agreed. "
            + "Alberta Premier Don Getty and Nova Scotia officials welcomed it.");

        actors.Select(a => a.Name).ShouldBe(["Mark White", "Don Getty"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("Dean Witter Reynolds analyst John Smith said the offering would sell out.", "Dean Witter")]
    [InlineData("Drexel Burnham Lambert and Smith Barney were co-managers of the issue.", "Drexel Burnham Lambert")]
    public void A_brokerage_named_after_its_founders_is_an_organisation(string body, string firm)
    {
        var actors = Extract(body);

        actors.ShouldContain(a => a.Name == firm && a.Type == ActorType.Organisation);
        actors.ShouldNotContain(a => a.Type == ActorType.Person && a.Name.Contains(firm.Split(' ')[0]));
    }

    [Fact]
    public void A_demonym_before_a_ministers_portfolio_names_the_state()
    {
        var countries = Extract("West German Finance Minister Gerhard Stoltenberg met Saudi Arabian Oil Minister Hisham Nazer on Friday. "
            + "Indonesian Mines and Energy Minister Subroto and Japanese Economics Minister Tetsuo Kondo joined them.")
            .Where(a => a.Type == ActorType.Country).Select(a => a.Name);

        countries.ShouldBe(["West Germany", "Saudi Arabia", "Indonesia", "Japan"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("The official news agency Tass said the harvest was poor.", "TASS")]
    [InlineData("The Nihon Keizai Shimbun said Honda would raise output.", "Nikkei")]
    [InlineData("The Middle East Economic Survey (MEES) said Saudi output rose.", "Middle East Economic Survey")]
    [InlineData("The owner remarked to The Harbour Paper that the drink would stay.", "The Harbour Paper")]
    public void News_agencies_and_papers_of_wire_copy_are_organisations_never_people(string body, string outlet)
    {
        var actors = Extract(body);

        actors.ShouldContain(a => a.Name == outlet && a.Type == ActorType.Organisation);
        actors.ShouldNotContain(a => a.Type == ActorType.Person);
    }

    [Theory]
    [InlineData("Iraqi planes attacked oil installations on Tuesday.", "Iraq")]
    [InlineData("Traders said Colombian exports rose in February.", "Colombia")]
    [InlineData("Analysts said Japanese banks had cut their lending.", "Japan")]
    public void A_demonym_before_a_states_aircraft_trade_or_banks_names_the_state(string text, string country)
    {
        Extract(text).ShouldContain(a => a.Name == country && a.Type == ActorType.Country);
    }

    [Fact]
    public void A_regions_demonym_is_no_country()
    {
        Extract("Central American and Latin American exports rose, while North American officials met.").ShouldNotContain(a => a.Type == ActorType.Country);
    }

    [Fact]
    public void The_bodies_of_the_wire_era_go_by_their_names_of_the_time()
    {
        var organisations = Extract("EC farm ministers met in Brussels. EC Commission President Jacques Delors said the Bundesbank "
            + "and the Bank of Japan had cut rates.").Where(a => a.Type == ActorType.Organisation).Select(a => a.Name);

        organisations.ShouldBe(["European Community", "European Commission", "Deutsche Bundesbank", "Bank of Japan"], ignoreOrder: true);
    }
}
