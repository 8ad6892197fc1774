using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>Names that begin with a common given name (Data/given-names.txt), and where such a name begins.</summary>
public sealed class GivenNameTests
{
    private static List<string> People(string body) =>
        [.. ActorExtractor.CreateDefault().Extract(body).Where(a => a.Type == ActorType.Person).Select(a => a.Name)];

    [Theory]
    [InlineData("His direction to Eric Holder to enforce some laws and not others is another example.", "Eric Holder")]
    [InlineData("England started the match with attempts from Jesse Lingard and a header that went wide.", "Jesse Lingard")]
    [InlineData("The Vice President heard from two recipients, Gloria Elizabeth Blanco among them.", "Gloria Elizabeth Blanco")]
    public void A_two_word_name_that_begins_with_a_common_given_name_is_a_person_without_another_cue(string body, string name) =>
        People(body).ShouldBe([name]);

    [Theory]
    [InlineData("Since July I have been to the Jeff McBride Experience in Eureka Springs.")]
    [InlineData("The expedition reached the Ross Sea after a month at sea.")]
    [InlineData("She was there to launch a novel shortlisted for the Margaret Prize this year.")]
    [InlineData("The Santa Clara County board met in the evening.")]
    [InlineData("The shares were placed by Merrill Lynch & Co in New York.")]
    [InlineData("Analysts at Dean Witter Reynolds Inc expect lower rates.")]
    public void A_given_name_inside_a_longer_name_or_before_a_place_or_prize_word_is_no_person(string body) =>
        People(body).ShouldBeEmpty();

    [Fact]
    public void A_name_after_a_title_and_its_complement_begins_at_the_given_name()
    {
        var people = People("The mayors met Secretary of Housing and Urban Development Marcia Fudge and Secretary of Transportation Pete Buttigieg.");

        people.ShouldBe(["Marcia Fudge", "Pete Buttigieg"], ignoreOrder: true);
    }

    [Fact]
    public void A_name_after_a_body_and_a_title_word_begins_at_the_given_name() =>
        People("The War Cabinet met on Monday. Later he met with War Cabinet Member Benny Gantz. Gantz said little.").ShouldBe(["Benny Gantz"]);

    [Theory]
    [InlineData("After the match, Hernan Dario Gomez, Panama coach, said the team had learned a lot.", "Hernan Dario Gomez")]
    [InlineData("Security analyst Farid Ahmad Rahimi said talks would fail.", "Farid Ahmad Rahimi")]
    public void Outside_a_title_a_name_keeps_the_words_before_a_given_name(string body, string name) =>
        People(body).ShouldBe([name]);

    [Theory]
    [InlineData("I am grateful to Congresswoman Judy Chu for her leadership.", "Judy Chu")]
    [InlineData("California Assemblymember Phil Ting joined the call.", "Phil Ting")]
    [InlineData("The Vice President spoke with Taoiseach Micheál Martin of Ireland.", "Micheál Martin")]
    public void Legislators_and_heads_of_government_named_by_their_title_are_people(string body, string name) =>
        People(body).ShouldContain(name);

    [Theory]
    [InlineData("Jill and I extend our warmest wishes to the community.", "Jill")]
    [InlineData("Our world is a better place because of him. Doug and I send our love and prayers to the family.", "Doug")]
    public void A_given_name_the_writer_couples_with_I_is_a_person(string body, string name) =>
        People(body).ShouldContain(name);

    [Fact]
    public void A_given_name_alone_elsewhere_is_no_person() =>
        People("Jill said nothing. Doug and his friends left early.").ShouldBeEmpty();
}
