namespace NewsSearch.Stories;

/// <summary>
/// Whether two articles report the same event. Their shared actors and terms, each weighted by how rare it is in the
/// index (a shared "Pakistan" says little, a shared "Khawaja Asif" or "istanbul" much), are compared with everything
/// each article holds (a cosine over those weights), and the result is discounted by the days between them: coverage of
/// one event is published within days, follow-ups (the next round of the same talks) within three weeks.
/// </summary>
public static class SameStory
{
    /// <summary>The similarity at or above which two articles are the same story (chosen on the labelled set and the seeds).</summary>
    public const double Threshold = 0.30;
    /// <summary>One shared name is a coincidence; the same story shares at least this many actors or terms.</summary>
    public const int MinShared = 3;
    /// <summary>
    /// Within this many days of each other, the date does not lower the similarity. Five, not three: the seeds' talks
    /// end on 29 October and their follow-up of 9 November is the same story; on the labelled set 3 and 5 score alike,
    /// 7 joins FOMC statements of different meetings.
    /// </summary>
    public const int SameDays = 5;
    /// <summary>Beyond this many days two articles are never the same story.</summary>
    public const int MaxGapDays = 21;
    /// <summary>An article whose date is unknown is neither near nor far: its similarity is lowered a little.</summary>
    public const double UndatedFactor = 0.85;

    /// <summary>The similarity of two articles' weighted features (see the class summary), 0 when they are too far apart in time.</summary>
    public static double Similarity(IReadOnlyList<int> a, IReadOnlyList<int> b, Func<int, double> weight, int? gapDays)
    {
        var factor = DateFactor(gapDays);
        if (factor == 0) return 0;
        // The clusterer passes arrays: read as spans, the scans below (run for every candidate of every assignment) are not interface calls.
        return a is int[] x && b is int[] y ? Score(factor, x, y, weight) : Score(factor, [.. a], [.. b], weight);
    }

    private static double Score(double factor, ReadOnlySpan<int> a, ReadOnlySpan<int> b, Func<int, double> weight)
    {
        double shared = 0, normA = 0, normB = 0;
        var sharedCount = 0;
        foreach (var f in a) normA += weight(f);
        foreach (var f in b)
        {
            var w = weight(f);
            normB += w;
            if (a.Contains(f))
            {
                shared += w;
                sharedCount++;
            }
        }
        if (sharedCount < MinShared || normA == 0 || normB == 0) return 0;
        return factor * shared / Math.Sqrt(normA * normB);
    }

    public static bool IsSame(double similarity) => similarity >= Threshold;

    /// <summary>1 within <see cref="SameDays"/>, falling to a half at <see cref="MaxGapDays"/>, 0 beyond.</summary>
    public static double DateFactor(int? gapDays) => gapDays switch
    {
        null => UndatedFactor,
        <= SameDays => 1,
        > MaxGapDays => 0,
        { } gap => 1 - 0.5 * (gap - SameDays) / (MaxGapDays - SameDays),
    };

    /// <summary>
    /// Days between two articles: by their dates when both are known; by month and day when one or both know only
    /// those (the nearer way round the year); null when either has neither.
    /// </summary>
    public static int? GapDays(DateOnly? aDate, MonthDay? aDay, DateOnly? bDate, MonthDay? bDay)
    {
        if (aDate is { } a && bDate is { } b) return Math.Abs(a.DayNumber - b.DayNumber);
        var first = aDay ?? (aDate is { } ad ? new MonthDay(ad.Month, ad.Day) : null);
        var second = bDay ?? (bDate is { } bd ? new MonthDay(bd.Month, bd.Day) : null);
        if (first is not { } x || second is not { } y) return null;
        var dx = x.In(2024)!.Value.DayOfYear;
        var dy = y.In(2024)!.Value.DayOfYear;
        var gap = Math.Abs(dx - dy);
        return Math.Min(gap, 366 - gap);
    }
}
