using NewsSearch.Articles;
using NewsSearch.Enrichment.Cleaning;

namespace NewsSearch.Enrichment.Places;

/// <summary>
/// "TOKYO (Reuters) -": the story was filed from Japan, so Japan is one of its places even when the body never names
/// the country. The dateline counts as one mention of the country, at the start of the story. The country is the state
/// of the story's time: "BONN, March 3 -" in 1987 is West Germany (<see cref="HistoricalStates"/>).
/// </summary>
public static class DatelineCountry
{
    /// <param name="date">The story's date when known (given with it, its <c>asOf</c>, or read from the text).</param>
    public static IReadOnlyList<ActorMention> Add(IReadOnlyList<ActorMention> actors, Dateline? dateline, CityGazetteer cities, HistoricalStates states, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(cities);
        ArgumentNullException.ThrowIfNull(states);
        if (dateline?.Place is not { } place || cities.CountryOf(place) is not { } today)
        {
            return actors;
        }

        var country = states.StateOf(today, place, date);

        var named = actors.FirstOrDefault(a => a.Type == ActorType.Country && a.Name == country);
        var withCountry = named is null
            ? actors.Append(new ActorMention(country, ActorType.Country, [], 1, 0))
            : actors.Select(a => ReferenceEquals(a, named) ? a with { Mentions = a.Mentions + 1, FirstPosition = 0 } : a);
        return [.. withCountry.OrderByDescending(a => a.Mentions).ThenBy(a => a.FirstPosition)];
    }
}
