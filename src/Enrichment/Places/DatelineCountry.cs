using NewsSearch.Articles;
using NewsSearch.Enrichment.Cleaning;

namespace NewsSearch.Enrichment.Places;

/// <summary>
/// "TOKYO (Reuters) -": the story was filed from Japan, so Japan is one of its places even when the body never names
/// the country. The dateline counts as one mention of the country, at the start of the story.
/// </summary>
public static class DatelineCountry
{
    public static IReadOnlyList<ActorMention> Add(IReadOnlyList<ActorMention> actors, Dateline? dateline, CityGazetteer cities)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(cities);
        if (dateline?.Place is not { } place || cities.CountryOf(place) is not { } country)
        {
            return actors;
        }

        var named = actors.FirstOrDefault(a => a.Type == ActorType.Country && a.Name == country);
        var withCountry = named is null
            ? actors.Append(new ActorMention(country, ActorType.Country, [], 1, 0))
            : actors.Select(a => ReferenceEquals(a, named) ? a with { Mentions = a.Mentions + 1, FirstPosition = 0 } : a);
        return [.. withCountry.OrderByDescending(a => a.Mentions).ThenBy(a => a.FirstPosition)];
    }
}
