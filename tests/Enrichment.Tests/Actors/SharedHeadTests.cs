using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>Two bodies that share one organisation word in the plural ("the State and Homeland Security Departments").</summary>
public sealed class SharedHeadTests
{
    private static IEnumerable<string> Organisations(string body) =>
        ActorExtractor.CreateDefault().Extract(body).Where(a => a.Type == ActorType.Organisation).Select(a => a.Name);

    [Fact]
    public void Each_body_is_the_one_the_singular_names_the_known_one_when_known()
    {
        Organisations("After some interplay between the State and Homeland Security Departments, the girls were granted parole.")
            .ShouldBe(["State Department", "Department of Homeland Security"], ignoreOrder: true);
    }

    [Fact]
    public void A_body_already_found_may_be_the_first_part()
    {
        Organisations("The Treasury and Commerce Departments disagreed on the plan.")
            .ShouldBe(["Department of the Treasury", "Department of Commerce"], ignoreOrder: true);
    }

    [Fact]
    public void A_plural_after_a_longer_name_or_a_single_name_is_no_pair_of_bodies()
    {
        Organisations("The Federal Reserve Banks of Boston and New York reported. Several State Departments of Education objected.")
            .ShouldNotContain(name => name.EndsWith("Department", StringComparison.Ordinal) || name.EndsWith("Bank", StringComparison.Ordinal));
    }
}
