using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>Where a body's name ends, and the capitalised phrases that name no body at all.</summary>
public sealed class BodyBoundaryTests
{
    private static IReadOnlyList<ActorMention> Extract(string body) => ActorExtractor.CreateDefault().Extract(body);

    private static IEnumerable<string> Organisations(IReadOnlyList<ActorMention> actors) =>
        actors.Where(a => a.Type == ActorType.Organisation).Select(a => a.Name);

    [Fact]
    public void A_name_that_holds_its_place_is_not_of_a_country_as_well()
    {
        var actors = Extract("A team from Colorado State University of the US and the Bank of Canada published the study.");

        Organisations(actors).ShouldContain("Colorado State University");
        Organisations(actors).ShouldContain("Bank of Canada");
        actors.ShouldContain(a => a.Name == "United States" && a.Type == ActorType.Country);
    }

    [Fact]
    public void A_direction_in_a_bodys_complement_is_part_of_its_name()
    {
        Organisations(Extract("The exhibit opened at the University of Southern Indiana on Monday.")).ShouldBe(["University of Southern Indiana"]);
    }

    [Fact]
    public void A_country_after_a_name_without_a_place_stays_in_the_name()
    {
        Organisations(Extract("Delegates of the Communist Party of the Soviet Union met in Moscow.")).ShouldContain("Communist Party of the Soviet Union");
    }

    [Theory]
    [InlineData("The trainer went to Wright-Patterson Air Force Base in Ohio last week.")]
    [InlineData("Protesters gathered outside Union Station on Monday.")]
    [InlineData("The shop on Church Street closed on Monday.")]
    public void A_place_named_after_a_body_is_no_body(string text)
    {
        Organisations(Extract(text)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("The Canadian garrison of 501st Legion returned with their setup.", "501st Legion")]
    [InlineData("The 2nd Circuit Court of Appeals ruled on Monday.", "2nd Circuit Court of Appeals")]
    public void An_ordinal_opens_a_units_or_a_courts_name(string text, string body)
    {
        Organisations(Extract(text)).ShouldBe([body]);
    }

    [Fact]
    public void An_ordinal_before_an_event_makes_no_body()
    {
        Organisations(Extract("Delegates arrived for the 19th Party Congress in Beijing.")).ShouldBeEmpty();
    }

    [Fact]
    public void A_programme_is_no_body_but_a_known_body_named_programme_is()
    {
        var actors = Extract("Under the Export Enhancement Program, the World Food Programme will receive bonus wheat.");

        Organisations(actors).ShouldBe(["World Food Programme"]);
    }

    [Fact]
    public void A_generic_board_or_committee_is_no_actor_but_the_body_it_serves_is()
    {
        var actors = Extract("The Board approved the request submitted by the Board of Directors of the Federal Reserve Bank of Richmond. " +
            "Spain joined the Blue Dot Network's Executive Steering Committee.");

        Organisations(actors).ShouldContain("Federal Reserve Bank of Richmond");
        Organisations(actors).ShouldNotContain("Board of Directors");
        Organisations(actors).ShouldNotContain(n => n.Contains("Steering Committee"));
    }

    [Fact]
    public void A_partys_members_in_a_legislature_are_a_body_of_their_own()
    {
        Organisations(Extract("As Senate Democrats united around the bill, Senate Republicans voted against it."))
            .ShouldBe(["Senate Democrats", "Senate Republicans"], ignoreOrder: true);
    }

    [Fact]
    public void A_body_named_for_its_matter_with_on_keeps_it_but_a_day_after_on_is_no_part_of_a_name()
    {
        var organisations = Organisations(Extract("The Task Force on Energy Security met. The Council on Foreign Relations agreed. The Board on Monday approved it."));

        organisations.ShouldContain("Task Force on Energy Security");
        organisations.ShouldContain("Council on Foreign Relations");
        organisations.ShouldNotContain(n => n.Contains("Monday"));
    }

    [Theory]
    [InlineData("She joined the Congressional Black Caucus in 1993.", "Congressional Black Caucus")]
    [InlineData("Today, SEIU reunited with the AFL-CIO.", "AFL-CIO")]
    [InlineData("Iran and its proxies, Hamas, Hezbollah and Kataib Hezbollah, attacked the base.", "Kataib Hezbollah")]
    public void Caucuses_unions_and_armed_groups_are_organisations(string text, string organisation)
    {
        Organisations(Extract(text)).ShouldContain(organisation);
    }

    [Theory]
    [InlineData("Executive director of the Dallas chapter of the Council on American - Islamic Relations Alia Salem said the boy was welcome.",
        "Council on American - Islamic Relations", "Alia Salem")]
    [InlineData("A student at University of Texas Arlington Amneh Jafari heard of it. Jafari said she was upset.",
        "University of Texas Arlington", "Amneh Jafari")]
    [InlineData("They met the Director of the Office of Intergovernmental Affairs. Deputy Director of the Office of Intergovernmental Affairs Gabe Amo spoke.",
        "Office of Intergovernmental Affairs", "Gabe Amo")]
    public void A_body_that_runs_into_the_person_it_titles_ends_before_the_persons_name(string text, string organisation, string person)
    {
        var actors = Extract(text);

        Organisations(actors).ShouldBe([organisation]);
        actors.ShouldContain(a => a.Name == person && a.Type == ActorType.Person);
    }

    [Fact]
    public void A_body_whose_last_words_are_only_its_matter_keeps_them()
    {
        Organisations(Extract("The Council on Foreign Relations said it would. The Department of Veterans Affairs said no. The Institute of Peace Studies agreed."))
            .ShouldBe(["Council on Foreign Relations", "Department of Veterans Affairs", "Institute of Peace Studies"], ignoreOrder: true);
    }

    [Fact]
    public void A_hyphen_or_dash_between_words_of_a_complement_keeps_the_name_whole()
    {
        Organisations(Extract("The Council on American–Islamic Relations condemned the arrest.")).ShouldBe(["Council on American–Islamic Relations"]);
    }

    [Fact]
    public void A_school_district_is_a_body_but_a_bare_one_or_a_reserve_district_is_none()
    {
        var organisations = Organisations(Extract("Both the Irving Independent School District and the Irving Police Department declined. " +
            "The School District said no. The Acme Water District raised rates."));

        organisations.ShouldContain("Irving Independent School District");
        organisations.ShouldContain("Acme Water District");
        organisations.ShouldNotContain("School District");
    }

    [Fact]
    public void A_rank_that_qualifies_bodies_names_one_before_an_organisation_word_but_not_after_a_role()
    {
        var organisations = Organisations(Extract("In Virginia’s General Assembly he was tireless. The Attorney General Office said no."));

        organisations.ShouldBe(["General Assembly"]);
    }

    [Fact]
    public void A_capitalised_stopword_before_a_lone_organisation_word_makes_a_longer_name_no_part_of_which_is_a_body()
    {
        var organisations = Organisations(Extract("Fans from the Doctor Who Society of Canada came. The Society of Jesus met."));

        organisations.ShouldBe(["Society of Jesus"]);
    }

    [Fact]
    public void A_word_after_a_lower_case_prefix_and_a_hyphen_is_an_adjective_before_the_name()
    {
        Organisations(Extract("The pro-Beijing New People Party won. The Make-A-Wish Foundation helped."))
            .ShouldBe(["New People Party", "Make-A-Wish Foundation"], ignoreOrder: true);
    }
}
