using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>Chinese and Korean names written family name first with a hyphenated given name.</summary>
public sealed class HyphenatedGivenNameTests
{
    private static IReadOnlyList<ActorMention> Extract(string body) => ActorExtractor.CreateDefault().Extract(body);

    [Theory]
    [InlineData("Pan-democrats Alvin Yeung and Leung Kwok-hung were elected.", "Leung Kwok-hung")]
    [InlineData("The talks between the two Koreas stalled after Moon Jae-in left office.", "Moon Jae-in")]
    [InlineData("Supporters of Ma Ying-jeou gathered in Taipei on Saturday.", "Ma Ying-jeou")]
    public void A_family_name_before_a_hyphenated_given_name_is_a_person(string body, string name)
    {
        Extract(body).ShouldContain(a => a.Name == name && a.Type == ActorType.Person);
    }

    [Fact]
    public void The_person_names_the_body_after_of()
    {
        var actors = Extract("Raymond Chan of People Power and Leung Yiu-chung of NWSC were elected.");

        actors.ShouldContain(a => a.Name == "Leung Yiu-chung" && a.Type == ActorType.Person);
        actors.ShouldContain(a => a.Name == "NWSC" && a.Type == ActorType.Organisation);
    }

    [Theory]
    [InlineData("A Hong Kong-based fund bought the shares.")]
    [InlineData("Wong Pik-wan Studio opened a new branch.")]
    [InlineData("The long-term plan of the Self-help group was praised.")]
    public void No_person_without_a_family_name_or_inside_a_longer_name(string body)
    {
        Extract(body).ShouldNotContain(a => a.Type == ActorType.Person);
    }
}
