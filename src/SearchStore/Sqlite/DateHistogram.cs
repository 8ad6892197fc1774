using System.Globalization;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>The date facet's bars: one a day over a short span of results, one a month beyond.</summary>
internal static class DateHistogram
{
    /// <summary>Bars from the first counted day to the last, zeros included.</summary>
    /// <param name="dayCounts">Counts by day number minus <paramref name="firstDay"/>.</param>
    public static (IReadOnlyList<DateBucket>, DateInterval) Buckets(SparseCounts dayCounts, int firstDay)
    {
        var touched = dayCounts.Touched;
        if (touched.IsEmpty) return ([], DateInterval.Day);
        int low = int.MaxValue, high = int.MinValue;
        foreach (var offset in touched)
        {
            low = Math.Min(low, offset);
            high = Math.Max(high, offset);
        }
        var buckets = new List<DateBucket>();
        if (high - low <= SearchEvaluation.MaxDaySpan)
        {
            for (var offset = low; offset <= high; offset++)
                buckets.Add(new DateBucket(DateOnly.FromDayNumber(firstDay + offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dayCounts[offset]));
            return (buckets, DateInterval.Day);
        }
        var start = DateOnly.FromDayNumber(firstDay + low);
        var end = DateOnly.FromDayNumber(firstDay + high);
        var months = new long[MonthIndex(end) - MonthIndex(start) + 1];
        foreach (var offset in touched)
            months[MonthIndex(DateOnly.FromDayNumber(firstDay + offset)) - MonthIndex(start)] += dayCounts[offset];
        var month = new DateOnly(start.Year, start.Month, 1);
        foreach (var count in months)
        {
            buckets.Add(new DateBucket(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), count));
            month = month.AddMonths(1);
        }
        return (buckets, DateInterval.Month);
    }

    private static int MonthIndex(DateOnly date) => date.Year * 12 + date.Month - 1;
}
