using System.Globalization;
using NewsSearch.Articles;

namespace NewsSearch.Coverage.Analysis;

/// <summary>One outlet's articles per bucket of <see cref="AttentionOverTime.Buckets"/>.</summary>
public sealed record AttentionSeries(string Source, long Total, IReadOnlyList<long> Counts);

/// <summary>
/// The date histogram of a search split by outlet: the outlets with the most matches each get a series, the rest
/// are summed under <see cref="OtherOutlets"/>. Buckets are days up to about two months between the first and the
/// last article, months beyond (as the search's own histogram); every bucket in the span is present, empty or not.
/// </summary>
public sealed record AttentionOverTime(DateInterval Interval, IReadOnlyList<string> Buckets, IReadOnlyList<AttentionSeries> Series, long Undated)
{
    public const string OtherOutlets = "Other outlets";
    public const int DefaultOutlets = 8;
    public const int MaxOutlets = 30;
    private const int MaxDaySpan = 62;

    public static async Task<AttentionOverTime> BuildAsync(IAsyncEnumerable<MatchedArticle> matches, int outlets, CancellationToken cancellationToken)
    {
        var days = new Dictionary<(string Source, DateOnly Day), long>();
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        long undated = 0;
        await foreach (var match in matches.WithCancellation(cancellationToken))
        {
            if (match.Published is not { } day)
            {
                undated++;
                continue;
            }
            days[(match.Source, day)] = days.GetValueOrDefault((match.Source, day)) + 1;
            totals[match.Source] = totals.GetValueOrDefault(match.Source) + 1;
        }
        if (days.Count == 0) return new(DateInterval.Day, [], [], undated);

        var first = days.Keys.Min(key => key.Day);
        var last = days.Keys.Max(key => key.Day);
        var interval = last.DayNumber - first.DayNumber <= MaxDaySpan ? DateInterval.Day : DateInterval.Month;
        var starts = BucketStarts(first, last, interval);
        var position = starts.Select((start, index) => (start, index)).ToDictionary(pair => pair.start, pair => pair.index);
        var shown = totals.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .Take(outlets).Select(pair => pair.Key).ToList();
        var series = shown.Concat(totals.Count > shown.Count ? [OtherOutlets] : Array.Empty<string>())
            .ToDictionary(source => source, _ => new long[starts.Count]);
        foreach (var ((source, day), count) in days)
        {
            var name = series.ContainsKey(source) && source != OtherOutlets ? source : OtherOutlets;
            series[name][position[BucketStart(day, interval)]] += count;
        }
        var format = interval == DateInterval.Day ? "yyyy-MM-dd" : "yyyy-MM";
        return new(
            interval,
            [.. starts.Select(start => start.ToString(format, CultureInfo.InvariantCulture))],
            [.. series.Select(pair => new AttentionSeries(pair.Key, pair.Value.Sum(), pair.Value))],
            undated);
    }

    private static DateOnly BucketStart(DateOnly day, DateInterval interval) =>
        interval == DateInterval.Day ? day : new DateOnly(day.Year, day.Month, 1);

    private static List<DateOnly> BucketStarts(DateOnly first, DateOnly last, DateInterval interval)
    {
        var starts = new List<DateOnly>();
        for (var start = BucketStart(first, interval); start <= last; start = interval == DateInterval.Day ? start.AddDays(1) : start.AddMonths(1))
            starts.Add(start);
        return starts;
    }
}
