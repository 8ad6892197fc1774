using NewsSearch.Enrichment.Text;

namespace NewsSearch.Enrichment.Dates;

/// <summary>
/// Whether the days a story reports date the story itself. A full date in the text is mostly context: an event looked
/// back to ("On April 24, 1915, …"), a deadline ("remain set at June 30, 2010"), an earlier agreement ("the cessation of
/// hostilities announced on November 26, 2024"). It is the day of publication, or close to it, only when the text ties
/// it to its own present.
/// </summary>
public static partial class DateAnalyzer
{
    /// <summary>How far after a day its lead reports a story may still be told (news names weekdays within a week).</summary>
    private const int LeadDays = 7;

    /// <summary>
    /// The lead's weekday ("fined Apple on Wednesday") names the day of the story's event; it dates the story from a
    /// reported day only when that day is the weekday's own ("on Wednesday … announced on April 23, 2025", a Wednesday),
    /// when the text counts from that day to the event ("10 days after … Oct. 19", "after three days of talks") or tells a
    /// weekday after it in the same sentence ("the ceasefire of October 19 holds, new clashes … over the weekend"). Any
    /// weekday falls within a week of any date, so a weekday alone ties nothing to a date.
    /// </summary>
    private static bool CountedFrom(DatedMention latest, DateOnly lowerBound, List<DayReference> references, DateOnly? chosen) =>
        chosen is not null && references.Any(r => r.Strong)
        && (lowerBound > latest.Date
            || references.Any(r => r.After == latest.Date)
            || references.Any(r => r is { Strong: true, Kind: RefKind.Weekday } && r.Day == latest.Date.DayOfWeek));

    /// <summary>
    /// Otherwise a reported day dates the story only when the lead reports it ("The talks
    /// collapsed on March 3, 2025", a letterhead's date) and does not speak of an undated "today" instead ("spoke today
    /// with … The Presidents agreed to implement the ceasefire announced on November 26, 2024").
    /// </summary>
    private static bool ReportedInLead(string body, IReadOnlyList<Sentence> sentences, List<DatedMention> past, DatedMention latest)
    {
        var lead = LeadSentences(body, sentences);
        var today = lead.Where(s => DatePatterns.PresentDay().IsMatch(s.Text)).Select(s => s.Start).ToList();
        return past.Any(d => lead.Any(s => s.Start == d.Sentence.Start)
            && (today.Count == 0 || today.Contains(d.Sentence.Start))
            && latest.Date.DayNumber - d.Date.DayNumber <= LeadDays);
    }

    /// <summary>The lead: the first paragraph, at most three sentences.</summary>
    private static List<Sentence> LeadSentences(string body, IReadOnlyList<Sentence> sentences)
    {
        var leadEnd = sentences.Count > 0 && body.IndexOf('\n', sentences[0].Start) is var end and >= 0 ? end : body.Length;
        return sentences.Take(3).Where(s => s.Start < leadEnd).ToList();
    }
}
