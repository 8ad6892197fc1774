using System.Text.RegularExpressions;
using NewsSearch.Articles;

namespace NewsSearch.Coverage.Comparison;

/// <summary>A day an article gives for an event: "the ceasefire signed on Oct. 19" is the ceasefire on 19 October.</summary>
public sealed record EventDate(string Event, DateOnly Date, string Text, string Sentence);

/// <summary>
/// Which event each day-precise date of an article is about: the event word nearest to the date in its sentence
/// (talks collapsed, ceasefire, attack, statement…). Dates with no event word nearby are left out: nothing to align them by.
/// </summary>
public static partial class EventDates
{
    private static readonly (string Event, Regex Words)[] Events =
    [
        ("talks collapsed", Collapse()),
        ("ceasefire", Ceasefire()),
        ("talks began", Start()),
        ("border closed", Closure()),
        ("attack", Attack()),
        ("statement", Statement()),
        ("agreement", Agreement()),
        ("talks or meeting", Meeting()),
        ("election", Election()),
        ("disaster", Disaster()),
    ];

    public static IReadOnlyList<EventDate> Of(EnrichedArticle article) =>
        [.. article.DatesMentioned.Where(d => d.Precision == DatePrecision.Day).Select(Classify).OfType<EventDate>().Distinct()];

    private static EventDate? Classify(DateMention mention)
    {
        var sentence = mention.Sentence;
        var at = sentence.IndexOf(mention.Text, StringComparison.Ordinal);
        if (at < 0) at = 0;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (name, words) in Events)
            foreach (Match match in words.Matches(sentence))
            {
                var distance = match.Index < at ? at - (match.Index + match.Length) : match.Index - (at + mention.Text.Length);
                if (distance < bestDistance) (best, bestDistance) = (name, distance);
            }
        return best is null ? null : new EventDate(best, mention.Date, mention.Text, sentence);
    }

    [GeneratedRegex(@"\b(?:collaps\w*|broke down|breakdown|ended|stalled|failed|failure|concluded|impasse|deadlock)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Collapse();

    [GeneratedRegex(@"\b(?:cease-?fires?|truces?|armistice)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ceasefire();

    [GeneratedRegex(@"\b(?:began|begun|begin|started|opened|kicked off|launched|resumed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Start();

    [GeneratedRegex(@"\b(?:sealed|closed|closure|shut)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Closure();

    [GeneratedRegex(@"\b(?:attack\w*|(?:air)?strikes?|explosions?|blasts?|bombings?|clash\w*|shelling|exchanged fire|raids?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Attack();

    [GeneratedRegex(@"\b(?:statement|briefing|announced|declared|press conference)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Statement();

    // "collapsed without agreement on 8 November" is about the collapse, not an agreement.
    [GeneratedRegex(@"(?<!\b(?:without|no|any)\s)\b(?:agreement|deal|accord)\b|\bsigned\b", RegexOptions.IgnoreCase)]
    private static partial Regex Agreement();

    [GeneratedRegex(@"\b(?:talks|negotiations|meeting|summit|round|dialogue|visit)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Meeting();

    [GeneratedRegex(@"\b(?:elections?|vote|polls)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Election();

    [GeneratedRegex(@"\b(?:earthquakes?|quakes?|landslides?|floods?|flooding|storms?|cyclones?|hurricanes?|typhoons?|eruptions?|wildfires?|crash(?:ed)?|derail\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Disaster();
}
