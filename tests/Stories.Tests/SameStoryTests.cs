using NewsSearch.Stories;

namespace NewsSearch.Stories.Tests;

public sealed class SameStoryTests
{
    private static double Weight(int feature) => 1.0;

    [Fact]
    public void Identical_features_on_the_same_day_are_as_similar_as_can_be() =>
        SameStory.Similarity([1, 2, 3, 4], [4, 3, 2, 1], Weight, 0).ShouldBe(1, 1e-9);

    [Fact]
    public void Fewer_shared_features_than_the_minimum_are_not_the_same_story() =>
        SameStory.Similarity([1, 2], [1, 2], Weight, 0).ShouldBe(0);

    [Fact]
    public void Days_apart_lower_the_similarity_and_weeks_apart_end_it()
    {
        var near = SameStory.Similarity([1, 2, 3], [1, 2, 3], Weight, SameStory.SameDays);
        var later = SameStory.Similarity([1, 2, 3], [1, 2, 3], Weight, 10);
        var far = SameStory.Similarity([1, 2, 3], [1, 2, 3], Weight, SameStory.MaxGapDays + 1);
        near.ShouldBe(1, 1e-9);
        later.ShouldBeLessThan(near);
        later.ShouldBeGreaterThanOrEqualTo(0.5);
        far.ShouldBe(0);
    }

    [Fact]
    public void The_gap_between_month_days_goes_the_short_way_round_the_year() =>
        SameStory.GapDays(null, new MonthDay(12, 30), new DateOnly(2026, 1, 2), null).ShouldBe(3);

    [Fact]
    public void An_article_without_any_date_has_no_gap() =>
        SameStory.GapDays(null, null, new DateOnly(2026, 1, 2), null).ShouldBeNull();
}
