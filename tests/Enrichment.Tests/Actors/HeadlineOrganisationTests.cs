using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>Organisations a text names only in its headline or in a line in capitals (a letterhead, a wire headline).</summary>
public sealed class HeadlineOrganisationTests
{
    private static IReadOnlyList<string> Organisations(string body, string? headline = null) =>
        [.. ActorExtractor.CreateDefault().Extract(body, headline).Where(a => a.Type == ActorType.Organisation).Select(a => a.Name)];

    [Fact]
    public void A_letterhead_in_capitals_names_the_known_bodies_in_it()
    {
        var names = Organisations("EXECUTIVE OFFICE OF THE PRESIDENT OFFICE OF MANAGEMENT AND BUDGET WASHINGTON, D.C. 20503 January 23, 2025\n\n"
            + "The Administration strongly supports the bill and applauds the House for its efforts.");

        names.ShouldContain("Executive Office of the President");
        names.ShouldContain("Office of Management and Budget");
    }

    [Fact]
    public void A_wire_headline_in_capitals_gives_the_known_bodies_in_it_and_no_longer_name()
    {
        var names = Organisations("BANK OF JAPAN INTERVENES IN MARKET\n\nThe central bank bought dollars in Tokyo on Tuesday, dealers said.");
        var texaco = Organisations("TEXACO SAYS IT WILL APPEAL\n\nThe oil company said it would ask a higher court to review the judgment.");

        names.ShouldBe(["Bank of Japan"]);
        texaco.ShouldBe(["Texaco"]);
    }

    [Fact]
    public void A_headline_names_a_body_by_its_place_and_an_organisation_word()
    {
        var names = Organisations("Millions of Arizonans will soon live under an extreme abortion ban.", "Statement from President Joe Biden on Arizona Supreme Court Decision to Uphold Abortion Ban from 1864");

        names.ShouldBe(["Arizona Supreme Court"]);
        Organisations("The court ruled on Tuesday.", "Arizona Supreme Court Upholds Ban").ShouldBe(["Arizona Supreme Court"]);
    }

    [Theory]
    [InlineData("Statement on the Maturity Extension Program and Treasury Securities")]
    [InlineData("Readout of the Meeting on Texas Court Of Appeals Ruling")]
    [InlineData("Statement on Joe Biden Supreme Court Pick")]
    public void A_headline_name_not_opened_by_a_place_or_with_a_complement_is_no_body(string headline)
    {
        Organisations("The ruling came on Tuesday after months of argument.", headline).ShouldBeEmpty();
    }

    [Fact]
    public void A_name_the_headline_ties_to_a_person_is_a_body_when_the_body_writes_it_capitalised_too()
    {
        var tied = Organisations("I launched LibriVox and emailed some friends. LibriVox was my first experience recording audio.", "Interview with LibriVox founder Hugh McGuire");
        var member = Organisations("What is Heaven Sent Gaming?\n\nHeaven Sent Gaming is basically me and Isabel.", "Wikinews interviews Mario J. Lucero and Isabel Ruiz of Heaven Sent Gaming");

        tied.ShouldBe(["LibriVox"]);
        member.ShouldBe(["Heaven Sent Gaming"]);
    }

    [Theory]
    [InlineData("Interview with Acme founder Hugh Jones", "Acme was founded in 1990 and sells tools.")]
    [InlineData("Interview with Jane Doe of Heaven Sent Gaming", "She spoke about her work and her plans.")]
    [InlineData("Readout of the Call with Jane Doe of Guatemala City", "Guatemala City hosted the talks.")]
    public void A_headline_tie_gives_no_body_for_one_ordinary_word_a_place_or_a_name_the_body_never_writes(string headline, string body)
    {
        Organisations(body, headline).ShouldBeEmpty();
    }

    [Fact]
    public void A_headline_body_with_an_of_or_for_phrase_ends_before_a_cases_v_or_at_the_headlines_end()
    {
        var party = Organisations("Today's unprecedented decision threatens the rights of women nationwide.", "Statement from Vice President Harris on Decision in Alliance for Hippocratic Medicine v. FDA");
        var report = Organisations("The report shows that the economy grew.", "Statement on Council for Economic Advisers Report on Jobs");
        var ending = Organisations("The report shows that the economy grew.", "Statement on the Findings of Council for Economic Advisers Report");

        party.ShouldContain("Alliance for Hippocratic Medicine");
        report.ShouldBeEmpty();
        ending.ShouldBeEmpty();
    }

    [Fact]
    public void A_headline_name_after_a_role_ends_where_the_body_names_the_person()
    {
        var people = ActorExtractor.CreateDefault()
            .Extract("Allegheny International Inc said its chairman, John Smith, resigned on Monday.", "Allegheny International Inc Chairman John Smith Resigns")
            .Where(a => a.Type == ActorType.Person).Select(a => a.Name);

        people.ShouldBe(["John Smith"]);
    }
}
