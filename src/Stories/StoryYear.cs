using System.Globalization;

namespace NewsSearch.Stories;

/// <summary>A publication date taken from an article's story, the reason shown as its evidence, and how sure it is.</summary>
/// <param name="IsBound">Only the story's first day (the text gives no day): it dates no other article.</param>
public sealed record CoverageDate(DateOnly Date, string Reason, double Confidence, bool IsBound);

/// <summary>
/// The year of a day given without one ("October 28"), from the dated articles of its story: the year that puts the
/// day nearest them. Coverage of one event spans days or weeks, so a day more than <see cref="MaxGapDays"/> from every
/// dated article is not trusted to belong to the same year.
/// </summary>
public static class StoryYear
{
    public const int MaxGapDays = 45;
    /// <summary>How sure a year taken from the story is: moderate, below a year the text or its metadata gives.</summary>
    public const double Confidence = 0.6;

    /// <summary>How sure a date is when the text gives no day at all (<see cref="Earliest"/>): low, the day is a bound.</summary>
    public const double EarliestConfidence = 0.3;

    /// <summary>
    /// The date of an article whose text gives no day at all: the first day of its story's dated coverage. Coverage of
    /// an event is not published before the event, so this is a lower bound whose year is right (a blog that discusses
    /// "the talks this week" among articles of 28 October to 9 November 2025 is from 2025), and the evidence says so.
    /// </summary>
    public static DateOnly? Earliest(IReadOnlyCollection<DateOnly> storyDates) => storyDates.Count == 0 ? null : storyDates.Min();

    public static DateOnly? Resolve(MonthDay day, IReadOnlyCollection<DateOnly> storyDates)
    {
        DateOnly? best = null;
        var bestGap = int.MaxValue;
        foreach (var year in storyDates.Select(d => d.Year).Distinct().SelectMany(y => new[] { y - 1, y, y + 1 }).Distinct().Order())
        {
            if (day.In(year) is not { } candidate) continue;
            var gap = storyDates.Min(d => Math.Abs(d.DayNumber - candidate.DayNumber));
            if (gap < bestGap)
            {
                best = candidate;
                bestGap = gap;
            }
        }
        return bestGap <= MaxGapDays ? best : null;
    }

    /// <summary>
    /// The date of an undated article from its story's confidently dated articles (not those whose date was itself taken
    /// from the story: a month-day article's year, a day-less article's bound): <paramref name="day"/> in their year, or,
    /// without a day, the first day of their coverage (<see cref="Earliest"/>). Both stores date articles with this.
    /// </summary>
    public static CoverageDate? FromCoverage(IEnumerable<StoryArticle> members, long doc, MonthDay? day)
    {
        var dates = members
            .Where(m => m.Doc != doc && m.Published is not null && m.MonthDay is null && !m.DateIsBound)
            .Select(m => m.Published!.Value)
            .ToList();
        var date = day is { } given ? Resolve(given, dates) : Earliest(dates);
        if (date is not { } found) return null;
        var coverage = string.Create(CultureInfo.InvariantCulture,
            $"{dates.Count} dated article{(dates.Count == 1 ? "" : "s")} of its story, {dates.Min():yyyy-MM-dd} to {dates.Max():yyyy-MM-dd}");
        return day is null
            ? new CoverageDate(found, $"no day in the text; not before the first of {coverage}", EarliestConfidence, IsBound: true)
            : new CoverageDate(found, string.Create(CultureInfo.InvariantCulture, $"{found:MMMM d}; {coverage}"), Confidence, IsBound: false);
    }
}
