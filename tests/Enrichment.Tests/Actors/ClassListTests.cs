using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>
/// Organisations named by the list a plural of their class introduces: "publications including …", "companies such as
/// …", "such bands as …" (Actors/ClassListPass.cs, Actors/README.md "Bodies from their context").
/// </summary>
public sealed class ClassListTests
{
    private static IReadOnlyList<ActorMention> Extract(string body) => ActorExtractor.CreateDefault().Extract(body);

    private static bool HasOrganisation(IReadOnlyList<ActorMention> actors, string name) =>
        actors.Any(a => a.Type == ActorType.Organisation && (a.Name == name || a.Aliases.Contains(name)));

    [Fact]
    public void Every_name_a_class_plural_lists_is_an_organisation()
    {
        var actors = Extract("The cocktail was covered by publications including; The Brooklyn Paper, Jezebel, Metro.us, EDGE on the Net, "
            + "and Instinct Magazine. The term gained dominance on Web search engines including Zorbix, Bing, and Quarlo.");

        foreach (var name in new[] { "Jezebel", "Metro.us", "EDGE on the Net", "Instinct Magazine", "Zorbix", "Bing", "Quarlo" })
        {
            HasOrganisation(actors, name).ShouldBeTrue(name);
        }
    }

    [Fact]
    public void Like_after_a_comma_and_such_before_the_class_introduce_a_list_too()
    {
        var actors = Extract("It seems some publications, like AM New York, always have a Britney Spears story. "
            + "The music was from such bands as The Velvet Underground. Such major banks as Brantwell and Corvex Savings raised rates.");

        HasOrganisation(actors, "AM New York").ShouldBeTrue();
        HasOrganisation(actors, "The Velvet Underground").ShouldBeTrue();
        HasOrganisation(actors, "Brantwell").ShouldBeTrue();
        HasOrganisation(actors, "Corvex Savings").ShouldBeTrue();
        actors.ShouldNotContain(a => a.Name == "New York");
    }

    [Fact]
    public void The_list_ends_at_its_last_and()
    {
        var actors = Extract("Oil companies such as Pembrook, Halvard and Ostrander, Norway said, raised prices. Firms like Quarlo in Houston, Texas, cut jobs.");

        HasOrganisation(actors, "Pembrook").ShouldBeTrue();
        HasOrganisation(actors, "Halvard").ShouldBeTrue();
        HasOrganisation(actors, "Ostrander").ShouldBeTrue();
        actors.ShouldContain(a => a.Name == "Norway" && a.Type == ActorType.Country);
        HasOrganisation(actors, "Quarlo").ShouldBeTrue();
        actors.ShouldNotContain(a => a.Name.Contains("Houston"));
    }

    [Fact]
    public void Included_among_them_and_and_other_introduce_a_list_too()
    {
        var actors = Extract("Other charitable fan-based groups included The Ontario Ghostbusters, Corvex Fans, and Klingon Assault Group. "
            + "Several companies, among them Halvard and Quarlo, cut jobs. In trading, Pembrook, Brantwell Savings and other major banks rose. "
            + "Ostrander and other U.S. oil companies cut prices.");

        foreach (var name in new[] { "The Ontario Ghostbusters", "Corvex Fans", "Halvard", "Quarlo", "Pembrook", "Brantwell Savings", "Ostrander" })
        {
            HasOrganisation(actors, name).ShouldBeTrue(name);
        }
    }

    [Fact]
    public void A_person_before_and_other_keeps_the_names_beside_it_out()
    {
        var actors = Extract("President Reagan, Pembrook and other companies met. Britain, Freedonia and other countries agreed.");

        actors.ShouldNotContain(a => a.Type == ActorType.Organisation);
    }

    [Theory]
    [InlineData("Countries such as Freedonia and Sylvania objected to the plan.")]
    [InlineData("Leaders like Brantwell and Halvard met on Monday.")]
    [InlineData("Sites such as Pembrook Hill were visited by the delegation.")]
    [InlineData("Ethnic minorities and ethnic groups such as the Halvards and Quarlos fled.")]
    [InlineData("Aircraft carriers such as the Brantwell and art movements such as Quarlism were shown.")]
    public void Names_after_a_class_that_is_not_a_body_or_outside_the_list_are_no_organisations(string text)
    {
        Extract(text).ShouldNotContain(a => a.Type == ActorType.Organisation);
    }

    [Fact]
    public void A_list_that_holds_a_person_or_only_places_is_not_read()
    {
        var people = Extract("Bands like Bob Dylan and Corvex Savings toured that year.");
        var countries = Extract("Teams such as Brazil and Germany qualified for the final round.");

        HasOrganisation(people, "Corvex Savings").ShouldBeFalse();
        people.ShouldContain(a => a.Name == "Bob Dylan" && a.Type == ActorType.Person);
        countries.ShouldNotContain(a => a.Type == ActorType.Organisation);
    }
}
