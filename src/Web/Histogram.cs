using System.Globalization;
using NewsSearch.Articles;

namespace NewsSearch.Web;

/// <summary>One bar of the date histogram: the bucket's date range, its count and its place in the SVG.</summary>
public sealed record HistogramBar(DateOnly From, DateOnly To, string Label, long Count, double X, double Width, double Height, bool Selected);

/// <summary>
/// The date histogram as the page draws it: the API's buckets on a continuous axis (empty days or months
/// filled in, so distance means time), scaled into a fixed view box so the SVG reserves its space.
/// </summary>
public sealed record Histogram(IReadOnlyList<HistogramBar> Bars, long MaxCount, DateInterval Interval)
{
    public const double ViewWidth = 600;
    public const double ViewHeight = 100;
    private const double MinBarHeight = 3;
    private const int MaxFilledSlots = 400;
    private const int MinSlots = 10;

    public bool IsEmpty => Bars.Count == 0;

    public static Histogram From(SearchFacets facets, SearchState state)
    {
        var interval = facets.DateInterval;
        var buckets = facets.Date
            .Select(bucket => (Range: Parse(bucket.Value, interval), bucket.Count))
            .Where(bucket => bucket.Range is not null)
            .Select(bucket => (From: bucket.Range!.Value.From, To: bucket.Range.Value.To, bucket.Count))
            .OrderBy(bucket => bucket.From)
            .ToList();
        if (buckets.Count == 0) return new([], 0, interval);

        var slots = Fill(buckets, interval);
        var max = Math.Max(1, slots.Max(slot => slot.Count));
        // A few bars stay bar-shaped rather than filling the whole width; they are centred instead.
        var width = Math.Min(ViewWidth / slots.Count, ViewWidth / MinSlots);
        var offset = (ViewWidth - width * slots.Count) / 2;
        var bars = slots.Select((slot, index) => new HistogramBar(
            slot.From,
            slot.To,
            Label(slot.From, interval),
            slot.Count,
            offset + index * width,
            width,
            slot.Count == 0 ? 0 : Math.Max(MinBarHeight, (ViewHeight - 4) * slot.Count / max),
            IsSelected(slot.From, slot.To, state)));
        return new([.. bars], max, interval);
    }

    public static string Label(DateOnly from, DateInterval interval) =>
        interval == DateInterval.Month ? from.ToString("MMM yyyy", CultureInfo.InvariantCulture) : Display.Date(from);

    /// <summary>A bar is marked when the chosen range reaches into it: a few days inside a month still mark that month.</summary>
    private static bool IsSelected(DateOnly from, DateOnly to, SearchState state) =>
        (state.FromDate is not null || state.ToDate is not null)
        && to >= (state.FromDate ?? DateOnly.MinValue)
        && from <= (state.ToDate ?? DateOnly.MaxValue);

    private static List<(DateOnly From, DateOnly To, long Count)> Fill(List<(DateOnly From, DateOnly To, long Count)> buckets, DateInterval interval)
    {
        var first = buckets[0].From;
        var last = buckets[^1].From;
        var span = interval == DateInterval.Month
            ? (last.Year - first.Year) * 12 + last.Month - first.Month
            : last.DayNumber - first.DayNumber;
        if (span >= MaxFilledSlots) return buckets;

        var counts = buckets.GroupBy(b => b.From).ToDictionary(g => g.Key, g => g.Sum(b => b.Count));
        var slots = new List<(DateOnly From, DateOnly To, long Count)>(span + 1);
        for (var slot = first; slot <= last; slot = interval == DateInterval.Month ? slot.AddMonths(1) : slot.AddDays(1))
        {
            var to = interval == DateInterval.Month ? slot.AddMonths(1).AddDays(-1) : slot;
            slots.Add((slot, to, counts.GetValueOrDefault(slot)));
        }
        return slots;
    }

    private static (DateOnly From, DateOnly To)? Parse(string value, DateInterval interval)
    {
        var culture = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", culture, DateTimeStyles.None, out var day))
            return interval == DateInterval.Month
                ? (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1))
                : (day, day);
        if (DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", culture, DateTimeStyles.None, out var month))
            return (month, month.AddMonths(1).AddDays(-1));
        return null;
    }
}
