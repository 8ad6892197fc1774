namespace NewsSearch.Stories;

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
}
