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
}
