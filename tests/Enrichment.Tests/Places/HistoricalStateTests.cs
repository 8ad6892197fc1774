using NewsSearch.Articles;
using NewsSearch.Enrichment.Places;

namespace NewsSearch.Enrichment.Tests.Places;

/// <summary>A story names the states of its own time: Bonn in 1987 is West Germany, Moscow the Soviet Union.</summary>
public sealed class HistoricalStateTests
{
    private static IEnumerable<string> Countries(string text, DateOnly? asOf = null) =>
        ArticleEnricher.CreateDefault().Enrich(new RawArticle(ArticleId.FromText(text), text, new ArticleMetadata(AsOf: asOf)))
            .Actors.Where(a => a.Type == ActorType.Country).Select(a => a.Name);

    [Theory]
    [InlineData("BONN, March 3 - The government cut its growth forecast for the year, officials said.", 1987, "West Germany")]
    [InlineData("BONN, March 3 - The government cut its growth forecast for the year, officials said.", 2005, "Germany")]
    [InlineData("EAST BERLIN, March 3 - The government said industrial output rose four pct.", 1987, "East Germany")]
    [InlineData("MOSCOW, March 3 - The government said grain imports would rise this year.", 1987, "Soviet Union")]
    [InlineData("MOSCOW, March 3 - The government said grain imports would rise this year.", 1995, "Russia")]
    [InlineData("PRAGUE, March 3 - The government said exports to the West rose.", 1987, "Czechoslovakia")]
    [InlineData("ZAGREB, March 3 - Shipyard workers went on strike for higher pay.", 1987, "Yugoslavia")]
    [InlineData("KINSHASA, March 3 - Copper output rose, the state mining company said.", 1987, "Zaire")]
    public void A_dateline_city_lies_in_the_state_of_the_storys_date(string text, int year, string country)
    {
        Countries(text, new DateOnly(year, 4, 15)).ShouldBe([country]);
    }

    [Fact]
    public void Without_a_date_a_dateline_city_lies_in_todays_country_even_where_the_text_recalls_the_old_state()
    {
        Countries("KIEV, March 3 - Ukraine has changed much since the collapse of the Soviet Union, officials said.")
            .ShouldBe(["Ukraine", "Soviet Union"], ignoreOrder: true);
    }

    [Fact]
    public void The_republics_of_a_union_keep_their_names_in_a_story_of_their_time()
    {
        Countries("VILNIUS, March 12 - Lithuania declared its independence, and Latvia and Estonia were expected to follow, officials said.",
            new DateOnly(1990, 3, 12)).ShouldBe(["Lithuania", "Latvia", "Estonia", "Soviet Union"], ignoreOrder: true);
    }

    [Fact]
    public void Todays_name_in_a_story_of_the_time_is_the_state_of_the_time_one_actor_with_its_other_names()
    {
        var text = "West German Economics Minister Martin Bangemann said Germany's exports would grow. Germany is the largest exporter.";
        var countries = ArticleEnricher.CreateDefault().Enrich(new RawArticle(ArticleId.FromText(text), text, new ArticleMetadata(AsOf: new DateOnly(1987, 4, 15))))
            .Actors.Where(a => a.Type == ActorType.Country).ToList();

        var west = countries.ShouldHaveSingleItem();
        west.Name.ShouldBe("West Germany");
        west.Aliases.ShouldContain("Germany");
        west.Mentions.ShouldBe(3);
    }

    [Fact]
    public void Without_a_date_todays_name_stays()
    {
        Countries("Officials said Germany's exports would grow this year.").ShouldBe(["Germany"]);
    }

    [Fact]
    public void The_states_of_the_time_are_countries_by_their_names_and_demonyms()
    {
        Countries("Yugoslav officials met Czechoslovak officials and a delegation from Zaire.").ShouldBe(["Yugoslavia", "Czechoslovakia", "Zaire"], ignoreOrder: true);
    }

    [Fact]
    public void A_state_of_some_places_only_is_not_the_whole_country()
    {
        HistoricalStates.Default.StateOf("Germany", "HAMBURG", new DateOnly(1987, 1, 1)).ShouldBe("West Germany");
        HistoricalStates.Default.StateOf("Germany", "LEIPZIG", new DateOnly(1987, 1, 1)).ShouldBe("East Germany");
        HistoricalStates.Default.StateOf("Germany", "LEIPZIG", new DateOnly(1991, 1, 1)).ShouldBe("Germany");
    }
}
