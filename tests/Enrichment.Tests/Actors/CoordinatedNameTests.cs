using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>Names listed with a person's: "Romelu Lukaku, Yannick Carrasco, and Dries Mertens".</summary>
public sealed class CoordinatedNameTests
{
    private static List<string> People(string body) =>
        [.. ActorExtractor.CreateDefault().Extract(body).Where(a => a.Type == ActorType.Person).Select(a => a.Name)];

    [Fact]
    public void Names_listed_with_a_person_are_people()
    {
        var people = People("Belgium attacked early, with Yannick Carrasco, Romelu Lukaku, and Dries Mertens making attempts. Lukaku scored twice.");

        people.ShouldBe(["Yannick Carrasco", "Romelu Lukaku", "Dries Mertens"], ignoreOrder: true);
    }

    [Fact]
    public void A_name_joined_by_and_to_a_person_is_a_person() =>
        People("The delegation included Labour Minister Ana Lopez and Jessica Morales Rocketto of the workers' alliance.")
            .ShouldBe(["Ana Lopez", "Jessica Morales Rocketto"], ignoreOrder: true);

    [Fact]
    public void A_plural_title_is_no_part_of_the_names_after_it() =>
        People("U.S. Senators Bob Menendez and Dick Durbin also participated.").ShouldBe(["Bob Menendez", "Dick Durbin"], ignoreOrder: true);

    [Theory]
    [InlineData("Analyst Jane Holt, Goldman Sachs and Acme Widgets all expect lower rates.")]
    [InlineData("Eric Holder, Texas and Ohio pressed for changes.")]
    public void A_list_with_anything_but_names_of_two_or_three_words_adds_no_one(string body) =>
        People(body).Count.ShouldBe(1);
}
