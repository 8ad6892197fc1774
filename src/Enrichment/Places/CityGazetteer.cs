using System.Collections.Frozen;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Places;

/// <summary>
/// World cities and the country each lies in (Data/cities.tsv, from GeoNames; see Data/README.md), for the place a
/// dateline names: "NEW YORK", "Tokyo", "BUENOS AIRES". A name shared by several cities is the most populous one's,
/// which is the one a dateline means unless it says otherwise. A country's own name is that country.
/// </summary>
public sealed class CityGazetteer
{
    private static readonly Lazy<CityGazetteer> Shared = new(Load);

    private readonly FrozenDictionary<string, string> _countryByPlace;

    private CityGazetteer(FrozenDictionary<string, string> countryByPlace) => _countryByPlace = countryByPlace;

    public static CityGazetteer Default => Shared.Value;

    /// <summary>The canonical country name (as the actor facet spells it) of a place, or null when the place is unknown.</summary>
    public string? CountryOf(string place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return _countryByPlace.GetValueOrDefault(Key(place));
    }

    /// <summary>Case, accents and punctuation do not matter: wires print "SAO PAULO" for São Paulo.</summary>
    private static string Key(string place) => string.Join(' ', NameKey.Fold(place).Split([' ', '.', '\''], StringSplitOptions.RemoveEmptyEntries));

    private static CityGazetteer Load()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var country in EntityData.Default.Countries)
        {
            map.TryAdd(Key(country.Name), country.Name);
            foreach (var alias in country.Aliases ?? [])
            {
                map.TryAdd(Key(alias), country.Name);
            }
        }

        // The file lists the most populous city of a name first, so the first entry of a name wins.
        foreach (var line in DataFile.Lines("cities.tsv"))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            map.TryAdd(Key(fields[0]), fields[1]);
        }

        return new CityGazetteer(map.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
