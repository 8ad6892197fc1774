using System.Globalization;
using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Places;

/// <summary>
/// States that have since split or been renamed (Data/historical-states.tsv): a story of 1987 filed from Bonn or Moscow
/// was filed from West Germany or the Soviet Union, and its "Germany" is West Germany. The country facet names the state
/// of the story's time, as its readers knew it, not today's map.
/// </summary>
public sealed class HistoricalStates
{
    private static readonly Lazy<HistoricalStates> Shared = new(Load);

    private readonly IReadOnlyList<Era> _eras;

    private HistoricalStates(IReadOnlyList<Era> eras) => _eras = eras;

    public static HistoricalStates Default => Shared.Value;

    /// <summary>
    /// The state a place in today's <paramref name="country"/> lay in on <paramref name="date"/> (the country itself when
    /// the date is unknown: a story that recalls "the collapse of the Soviet Union" is no story of its time).
    /// </summary>
    public string StateOf(string country, string? place, DateOnly? date) => EraOf(country, place, date)?.State ?? country;

    private Era? EraOf(string country, string? place, DateOnly? date) =>
        date is not { } day ? null : _eras.FirstOrDefault(era => era.Today == country && era.From <= day && day < era.Until
            && (era.Places is null || (place is not null && era.Places.Contains(place))));

    /// <summary>
    /// Countries the text names by a name that was no state's on <paramref name="date"/> ("Germany" in 1987) as the state it
    /// meant (West Germany). Names of states that existed then stay, republics of a union too ("Lithuania" in 1990); without
    /// a date nothing changes, as the text's time is not known.
    /// </summary>
    public IReadOnlyList<ActorMention> OfTheTime(IReadOnlyList<ActorMention> actors, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(actors);
        if (date is null || !actors.Any(a => a.Type == ActorType.Country && TextStateOf(a.Name, date) != a.Name))
        {
            return actors;
        }
        var merged = new List<ActorMention>();
        foreach (var actor in actors)
        {
            var name = actor.Type == ActorType.Country ? TextStateOf(actor.Name, date) : actor.Name;
            var index = merged.FindIndex(m => m.Type == ActorType.Country && m.Name == name);
            if (actor.Type != ActorType.Country || index < 0)
            {
                merged.Add(name == actor.Name ? actor : actor with { Name = name, Aliases = [.. actor.Aliases.Append(actor.Name).Distinct()] });
                continue;
            }
            var into = merged[index];
            merged[index] = into with
            {
                Aliases = [.. into.Aliases.Concat(actor.Aliases).Append(actor.Name).Where(n => n != name).Distinct()],
                Mentions = into.Mentions + actor.Mentions,
                FirstPosition = Math.Min(into.FirstPosition, actor.FirstPosition),
            };
        }
        return [.. merged.OrderByDescending(a => a.Mentions).ThenBy(a => a.FirstPosition)];
    }

    private string TextStateOf(string country, DateOnly? date) => EraOf(country, null, date) is { TextName: true } era ? era.State : country;

    private static HistoricalStates Load()
    {
        var eras = new List<Era>();
        foreach (var line in DataFile.Lines("historical-states.tsv"))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length != 6)
            {
                throw new InvalidDataException($"historical-states.tsv: expected six fields in \"{line}\".");
            }
            var places = fields[4].Length == 0 ? null : new HashSet<string>(fields[4].Split('|'), StringComparer.OrdinalIgnoreCase);
            eras.Add(new Era(fields[0], fields[1], Day(fields[2]), Day(fields[3]), places, fields[5] == "yes"));
        }
        // A state of some places only (East Germany) is asked before the state of the whole country (West Germany).
        return new HistoricalStates([.. eras.OrderBy(e => e.Places is null)]);
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <param name="TextName">Whether the text's own name for today's country means the state then ("Germany" in 1987).</param>
    private sealed record Era(string Today, string State, DateOnly From, DateOnly Until, HashSet<string>? Places, bool TextName);
}
