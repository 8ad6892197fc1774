using System.Globalization;
using NewsSearch.Articles;
using NewsSearch.Coverage.Analysis;

namespace NewsSearch.Web;

/// <summary>One bar of one outlet's strip: the bucket's dates, its count, its place, and the search for it (none for "other outlets").</summary>
public sealed record AttentionBar(string Label, long Count, double X, double Width, double Height, string? Href);

/// <summary>One outlet's strip of the small multiples.</summary>
public sealed record AttentionStrip(string Source, long Total, double Y, IReadOnlyList<AttentionBar> Bars);

/// <summary>
/// Attention over time as small multiples: a strip per outlet on one shared time axis and one shared scale, so
/// both when each outlet wrote and how much it wrote compare at a glance.
/// </summary>
public sealed record AttentionChart(IReadOnlyList<AttentionStrip> Strips, long MaxCount, string FirstLabel, string LastLabel, DateInterval Interval)
{
    public const double LabelWidth = 190;
    public const double PlotWidth = 560;
    public const double StripHeight = 36;
    private const double MinBarHeight = 2;

    public double Width => LabelWidth + PlotWidth;
    public double Height => Strips.Count * StripHeight;
    public bool IsEmpty => Strips.Count == 0;

    public static AttentionChart From(AttentionOverTime attention, SearchState state)
    {
        if (attention.Buckets.Count == 0) return new([], 0, "", "", attention.Interval);
        var ranges = attention.Buckets.Select(bucket => Range(bucket, attention.Interval)).ToList();
        var max = Math.Max(1, attention.Series.SelectMany(series => series.Counts).Max());
        var width = PlotWidth / ranges.Count;
        var strips = attention.Series.Select((series, row) => new AttentionStrip(
            series.Source,
            series.Total,
            row * StripHeight,
            [.. series.Counts.Select((count, i) => new AttentionBar(
                Histogram.Label(ranges[i].From, attention.Interval),
                count,
                LabelWidth + i * width,
                width,
                count == 0 ? 0 : Math.Max(MinBarHeight, (StripHeight - 6) * count / max),
                count == 0 || series.Source == AttentionOverTime.OtherOutlets
                    ? null
                    : state.With(Facet.Source, series.Source).WithDates(Display.IsoDate(ranges[i].From), Display.IsoDate(ranges[i].To)).Href))]));
        return new([.. strips], max, Histogram.Label(ranges[0].From, attention.Interval), Histogram.Label(ranges[^1].From, attention.Interval), attention.Interval);
    }

    private static (DateOnly From, DateOnly To) Range(string bucket, DateInterval interval)
    {
        if (interval == DateInterval.Day)
        {
            var day = DateOnly.ParseExact(bucket, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return (day, day);
        }
        var month = DateOnly.ParseExact(bucket + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (month, month.AddMonths(1).AddDays(-1));
    }
}
