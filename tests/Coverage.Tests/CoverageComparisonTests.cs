using NewsSearch.Articles;
using NewsSearch.Coverage.Comparison;

namespace NewsSearch.Coverage.Tests;

public sealed class CoverageComparisonTests
{
    private static EnrichedArticle Article(string id, string source, DateOnly? published, string body, IReadOnlyList<DateMention>? dates = null, IReadOnlyList<Quote>? quotes = null) => new()
    {
        Id = id,
        Title = $"Report {id}",
        Body = body,
        Source = source,
        Published = published,
        Actors = [new ActorMention("Kenya", ActorType.Country, [], 2, 0), new ActorMention($"Minister {id}", ActorType.Person, [], 1, 9)],
        DatesMentioned = dates ?? [],
        Quotes = quotes ?? [],
    };

    private static DateMention Day(int day, string text, string sentence) => new(new DateOnly(2025, 11, day), DatePrecision.Day, text, sentence);

    private static readonly CoverageComparison Comparison = CoverageComparison.Build(
    [
        Article("a1", "Daily Nation", new DateOnly(2025, 11, 10),
            "A landslide killed 70 people in the hills, the Red Cross said. The road was closed for 3 days.",
            [Day(8, "8 November", "The landslide struck on 8 November after heavy rain.")],
            [new Quote("We have recovered 70 bodies so far", "Red Cross")]),
        Article("b2", "The Standard", new DateOnly(2025, 11, 9),
            "Officials said 100 people were killed. The road was closed for 3 days.",
            [Day(9, "9 November", "The landslide struck on 9 November.")]),
        Article("c3", EnrichedArticle.UnknownSource, null, "Residents said dozens of people died."),
        Article("c4", EnrichedArticle.UnknownSource, null, "No figures were given."),
    ], truncated: false);

    [Fact]
    public void Outlets_are_columns_in_order_of_first_publication_and_each_unattributed_article_is_its_own()
    {
        Comparison.Outlets.Select(o => o.Name).ShouldBe(["The Standard", "Daily Nation", "Unknown: Report c3", "Unknown: Report c4"]);
    }

    [Fact]
    public void Different_tolls_for_the_same_thing_are_marked_and_vague_ones_do_not_disagree()
    {
        var killed = Comparison.Claims.Single(row => row.Key == "people killed");

        killed.Differs.ShouldBeTrue();
        killed.Cells.Select(cells => string.Join(";", cells.Select(c => c.Text))).ShouldBe(["100 people", "70 people", "dozens of people", ""]);
        killed.Cells[1].Single().AssertedBy.ShouldBe("The Red Cross");
        Comparison.Claims.Single(row => row.Key == "days").Differs.ShouldBeFalse();
    }

    [Fact]
    public void Different_days_for_the_same_event_are_marked()
    {
        var landslide = Comparison.Dates.ShouldHaveSingleItem();

        landslide.Event.ShouldBe("disaster");
        landslide.Differs.ShouldBeTrue();
        landslide.Cells.Select(cells => cells.SingleOrDefault()?.Date.Day).ShouldBe([9, 8, null, null]);
    }

    [Fact]
    public void Actors_named_by_every_outlet_come_before_those_only_one_names()
    {
        Comparison.Actors[0].ShouldSatisfyAllConditions(
            row => row.Name.ShouldBe("Kenya"),
            row => row.Outlets.ShouldBe(4));
        Comparison.Actors.Skip(1).ShouldAllBe(row => row.Outlets == 1);
    }
}
