using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>
/// Ordinary sentences shaped like the cues that name an organisation (a class list, a medium's noun, a legal form, a
/// headline's place and organisation word, an apposition) that name none: each once made a false organisation.
/// </summary>
public sealed class LookalikeCueTests
{
    private static IEnumerable<string> Organisations(string body, string? headline = null) =>
        ActorExtractor.CreateDefault().Extract(body, headline).Where(a => a.Type == ActorType.Organisation).Select(a => a.Name);

    [Theory]
    [InlineData("The strike hit businesses including Christmas shoppers.")]
    [InlineData("Voters in groups such as Hispanics and Catholics moved right.")]
    [InlineData("Hispanics and other groups protested on Monday.")]
    [InlineData("He went to parties like Christmas and Halloween with friends.")]
    [InlineData("Millions of Muslims pray to Allah daily.")]
    [InlineData("Patients must take Prozac daily, doctors said.")]
    [InlineData("The Gujarati daily said the minister resigned.")]
    [InlineData("After Christmas, the agency, which had been closed, reopened.")]
    [InlineData("In Brantwell, the company, which employs 500 people, said profits rose.")]
    [InlineData("SHARES IN FRANKFURT ROSE AFTER HOECHST AG, BASF AG AND BAYER AG REPORTED.")]
    [InlineData("He said THE QUICK BROWN FOX AG.")]
    public void An_ordinary_sentence_shaped_like_a_cue_names_no_organisation(string body)
    {
        Organisations(body).ShouldBeEmpty();
    }

    [Fact]
    public void A_possessive_in_a_class_list_is_the_owners_name_not_a_member()
    {
        var organisations = Organisations("Investors backed companies including Musk's Tesla and Bezos's Blue Origin.").ToList();

        organisations.ShouldNotContain("Musk");
        organisations.ShouldNotContain("Bezos");
    }

    [Theory]
    [InlineData("Suspect Arrested in California Bank Robbery", "Police arrested a man after a robbery on Main Street.")]
    [InlineData("Paris Museum Fire Destroys Paintings", "A fire destroyed paintings at a museum on Sunday.")]
    public void A_place_and_an_organisation_word_in_a_headline_are_a_body_only_with_a_modifier_or_when_the_body_names_it(string headline, string body)
    {
        Organisations(body, headline).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Council of")]
    [InlineData("talks with Council for")]
    public void A_headline_ending_in_an_organisation_word_and_of_over_an_empty_body_is_read_without_error(string headline)
    {
        Organisations("", headline).ShouldBeEmpty();
    }

    [Fact]
    public void A_headline_name_is_not_found_inside_a_longer_word_of_the_body()
    {
        var people = ActorExtractor.CreateDefault()
            .Extract("John Smithson, a spokesman, said John Smith Resigns was the title of a play.", "Chairman John Smith Resigns")
            .Where(a => a.Type == ActorType.Person).Select(a => a.Name);

        people.ShouldNotContain("John Smith");
    }
}
