using NewsSearch.Stories;

namespace NewsSearch.Stories.Tests;

public sealed class StoryYearTests
{
    [Fact]
    public void A_day_without_a_year_takes_the_year_of_its_storys_coverage() =>
        StoryYear.Resolve(new MonthDay(10, 28), [new DateOnly(2025, 10, 28), new DateOnly(2025, 10, 29), new DateOnly(2025, 11, 9)])
            .ShouldBe(new DateOnly(2025, 10, 28));

    [Fact]
    public void Late_December_among_early_January_coverage_is_the_year_before() =>
        StoryYear.Resolve(new MonthDay(12, 30), [new DateOnly(2026, 1, 2)]).ShouldBe(new DateOnly(2025, 12, 30));

    [Fact]
    public void A_day_far_from_all_of_its_storys_coverage_gets_no_year() =>
        StoryYear.Resolve(new MonthDay(5, 1), [new DateOnly(2025, 10, 28)]).ShouldBeNull();

    [Fact]
    public void A_story_without_dated_articles_gives_no_year() =>
        StoryYear.Resolve(new MonthDay(10, 28), []).ShouldBeNull();

    [Fact]
    public void The_29th_of_February_only_lands_in_a_leap_year() =>
        StoryYear.Resolve(new MonthDay(2, 29), [new DateOnly(2024, 3, 1)]).ShouldBe(new DateOnly(2024, 2, 29));

    [Theory]
    [InlineData("--10-28", 10, 28)]
    [InlineData("--02-29", 2, 29)]
    public void Month_days_are_read_as_iso_8601(string text, int month, int day) =>
        MonthDay.Parse(text).ShouldBe(new MonthDay(month, day));

    [Theory]
    [InlineData(null)]
    [InlineData("2025-10-28")]
    [InlineData("--13-01")]
    [InlineData("--02-30")]
    public void Anything_else_is_not_a_month_day(string? text) => MonthDay.Parse(text).ShouldBeNull();
}

public sealed class EarliestCoverageTests
{
    [Fact]
    public void Without_any_day_an_article_is_dated_no_earlier_than_its_storys_first_coverage() =>
        StoryYear.Earliest([new DateOnly(2025, 11, 9), new DateOnly(2025, 10, 28)]).ShouldBe(new DateOnly(2025, 10, 28));

    [Fact]
    public void Without_dated_coverage_there_is_no_date() => StoryYear.Earliest([]).ShouldBeNull();
}
