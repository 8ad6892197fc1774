using NewsSearch.Articles;
using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore.Tests;

public sealed class DateHistogramTests
{
    private static readonly int First = new DateOnly(2024, 11, 20).DayNumber;

    [Fact]
    public void Nothing_counted_gives_no_bars()
    {
        using var counts = new SparseCounts(400);
        var (buckets, interval) = DateHistogram.Buckets(counts, First);
        buckets.ShouldBeEmpty();
        interval.ShouldBe(DateInterval.Day);
    }

    [Fact]
    public void A_short_span_has_a_bar_a_day_from_the_first_counted_day_to_the_last_with_zeros_between()
    {
        using var counts = new SparseCounts(400);
        Count(counts, new DateOnly(2024, 12, 3), new DateOnly(2024, 11, 30), new DateOnly(2024, 12, 3));

        var (buckets, interval) = DateHistogram.Buckets(counts, First);

        interval.ShouldBe(DateInterval.Day);
        buckets.Select(b => (b.Value, b.Count)).ShouldBe(
            [("2024-11-30", 1L), ("2024-12-01", 0L), ("2024-12-02", 0L), ("2024-12-03", 2L)]);
    }

    [Fact]
    public void A_long_span_has_a_bar_a_month_across_the_year_with_empty_months_kept()
    {
        using var counts = new SparseCounts(400);
        Count(counts, new DateOnly(2025, 3, 31), new DateOnly(2024, 11, 20), new DateOnly(2024, 11, 29), new DateOnly(2025, 1, 1));

        var (buckets, interval) = DateHistogram.Buckets(counts, First);

        interval.ShouldBe(DateInterval.Month);
        buckets.Select(b => (b.Value, b.Count)).ShouldBe(
            [("2024-11", 2L), ("2024-12", 0L), ("2025-01", 1L), ("2025-02", 0L), ("2025-03", 1L)]);
    }

    private static void Count(SparseCounts counts, params DateOnly[] days)
    {
        foreach (var day in days) counts.Increment(day.DayNumber - First);
    }
}
