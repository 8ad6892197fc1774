using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>
/// Organisations no list knows, read from the words around them: a person's affiliation, a class noun before the name,
/// a founder or member (Actors/README.md, "Bodies from their context").
/// </summary>
public sealed class OrganisationContextTests
{
    private static IReadOnlyList<ActorMention> Extract(string body) => ActorExtractor.CreateDefault().Extract(body);

    private static bool HasOrganisation(IReadOnlyList<ActorMention> actors, string name) =>
        actors.Any(a => a.Type == ActorType.Organisation && (a.Name == name || a.Aliases.Contains(name)));

    [Fact]
    public void A_person_of_an_unknown_name_belongs_to_that_body()
    {
        var actors = Extract("The exhibit includes Polaroids of musician Nick Rhodes of Duran Duran and of actor Dennis Hopper.");

        HasOrganisation(actors, "Duran Duran").ShouldBeTrue();
        actors.ShouldContain(a => a.Name == "Nick Rhodes" && a.Type == ActorType.Person);
    }

    [Fact]
    public void A_person_of_a_place_makes_no_body()
    {
        var actors = Extract("Rep. John Smith of Texas said the bill would pass. Mayor Jane Roe of Smallville agreed, and analyst Bob Jones of Fairhaven, Virginia, disagreed. Tom Clark of Chicago left. Ann Lee of Greenwich, Conn., said prices would rise.");

        actors.ShouldNotContain(a => a.Type == ActorType.Organisation);
    }

    [Fact]
    public void A_body_whose_possessive_comes_before_a_person_is_an_organisation_but_a_person_before_a_role_is_not()
    {
        var parties = Extract("The pro-Beijing candidates elected were DAB's Ben Chan and FTU's Alice Mak. Labour's Shadow Home Secretary Yvette Cooper said her party agreed.");
        var adviser = Extract("Critics say Obama's national security advisor James Jones wants NATO to grow.");

        HasOrganisation(parties, "DAB").ShouldBeTrue();
        HasOrganisation(parties, "FTU").ShouldBeTrue();
        HasOrganisation(parties, "Labour").ShouldBeTrue();
        HasOrganisation(adviser, "Obama").ShouldBeFalse();
    }

    [Fact]
    public void A_class_noun_before_a_name_makes_it_an_organisation()
    {
        var actors = Extract("The secularist magazine MicroMega described the judgement as historic. The Internet security firm Secunia.com said IE6 has 277 vulnerabilities. Localist group Youngspiration won two seats. The Idaho firm Morrison Knudsen had bid.");

        HasOrganisation(actors, "MicroMega").ShouldBeTrue();
        actors.ShouldContain(a => a.Type == ActorType.Organisation && a.Name.StartsWith("Secunia", StringComparison.Ordinal));
        HasOrganisation(actors, "Youngspiration").ShouldBeTrue();
        HasOrganisation(actors, "Morrison Knudsen").ShouldBeTrue();
    }

    [Fact]
    public void After_a_class_nouns_possessive_or_a_role_the_name_is_a_person()
    {
        var actors = Extract("The group's leader John Smith said they would appeal. The company chairman Peter Brown agreed.");

        actors.ShouldNotContain(a => a.Type == ActorType.Organisation);
        actors.Count(a => a.Type == ActorType.Person).ShouldBe(2);
    }

    [Fact]
    public void A_founder_or_member_names_the_body()
    {
        var actors = Extract("We spoke to LibriVox founder Hugh McGuire. Daniel Montalvo, 19, a member of Scientology all his life, was arrested.");

        HasOrganisation(actors, "LibriVox").ShouldBeTrue();
        HasOrganisation(actors, "Scientology").ShouldBeTrue();
        actors.ShouldContain(a => a.Name == "Hugh McGuire" && a.Type == ActorType.Person);
    }

    [Theory]
    [InlineData("Reagan's Commerce Secretary Malcolm Baldrige said the deficit would fall.")]
    [InlineData("Restaurant owner Jane Doe said sales fell in the spring.")]
    [InlineData("Bob Jones of Fairhaven said prices rose again.")]
    public void One_ordinary_word_before_a_role_or_tie_or_after_of_is_no_body(string text)
    {
        Extract(text).ShouldNotContain(a => a.Type == ActorType.Organisation);
    }

    [Fact]
    public void A_page_of_title_case_words_after_a_possessive_is_read_without_running_out_of_stack()
    {
        var text = "Acme's " + string.Join(' ', Enumerable.Repeat("Grand", 20_000)) + " Ben Chan said.";

        Should.NotThrow(() => Extract(text));
    }

    [Fact]
    public void A_person_of_the_body_and_a_person_of_a_body_in_a_list_belong_to_it()
    {
        var actors = Extract("Councillors Fernando Cheung of the Labour Party, Raymond Chan of People Power, and Leung Kwok-hung of LSD were elected. " +
            "Gary Fan of the Neo Democrats failed to get re-elected.");

        HasOrganisation(actors, "People Power").ShouldBeTrue();
        HasOrganisation(actors, "Neo Democrats").ShouldBeTrue();
        actors.ShouldNotContain(a => a.Name == "People Power" && a.Type == ActorType.Person);
        actors.ShouldContain(a => a.Name == "Gary Fan" && a.Type == ActorType.Person);
    }

    [Fact]
    public void A_role_modifier_inside_a_name_after_a_class_noun_is_part_of_it()
    {
        HasOrganisation(Extract("The study was published in journal Nature Climate Change yesterday."), "Nature Climate Change").ShouldBeTrue();
    }
}
