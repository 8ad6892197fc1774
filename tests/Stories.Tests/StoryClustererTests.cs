using NewsSearch.Stories;

namespace NewsSearch.Stories.Tests;

public sealed class StoryClustererTests
{
    private static readonly DateOnly Day = new(2025, 10, 28);

    private static StoryArticle Talks(long doc, string source, int dayOffset, params string[] extraTerms) => new(
        doc, source, Day.AddDays(dayOffset), null,
        ["Pakistan", "Afghanistan", "Khawaja Asif", "Zabihullah Mujahid"],
        ["istanbul", "talks", "ceasefire", "militant", .. extraTerms]);

    private static StoryArticle Storm(long doc, string source, int dayOffset) => new(
        doc, source, Day.AddDays(dayOffset), null,
        ["Philippines", "National Disaster Risk Reduction and Management Council"],
        ["typhoon", "landfall", "evacuation", "luzon", "flooding"]);

    /// <summary>Background articles so that the features carry weight, as they do in a real index.</summary>
    private static StoryClusterer WithBackground(int count = 30)
    {
        var clusterer = new StoryClusterer();
        for (var i = 0; i < count; i++)
            clusterer.Assign(new StoryArticle(1000 + i, "Wire", Day.AddDays(-200 + 5 * i), null, [$"Person {i}", "United States"], [$"word{i}a", $"word{i}b", "market"]));
        return clusterer;
    }

    [Fact]
    public void Articles_about_one_event_from_different_outlets_form_one_story_named_by_the_first()
    {
        var clusterer = WithBackground();
        clusterer.Assign(Talks(1, "Dawn", 0)).Story.ShouldBe(1);
        clusterer.Assign(Talks(2, "Al Jazeera", 1)).Story.ShouldBe(1);
        clusterer.Assign(Talks(3, "Geo News", 2, "doha")).Story.ShouldBe(1);
        clusterer.Members(1).Count.ShouldBe(3);
    }

    [Fact]
    public void An_article_about_another_event_begins_its_own_story()
    {
        var clusterer = WithBackground();
        clusterer.Assign(Talks(1, "Dawn", 0));
        clusterer.Assign(Storm(2, "Rappler", 0)).Story.ShouldBe(2);
        clusterer.StoryOf(1).ShouldBe(1);
    }

    [Fact]
    public void The_same_names_weeks_apart_are_another_story()
    {
        var clusterer = WithBackground();
        clusterer.Assign(Talks(1, "Dawn", 0));
        clusterer.Assign(Talks(2, "Dawn", SameStory.MaxGapDays + 1)).Story.ShouldBe(2);
    }

    [Fact]
    public void A_late_article_that_matches_two_stories_merges_them_into_the_larger()
    {
        var clusterer = WithBackground();
        // Two halves of one event that share too little to join by themselves.
        StoryArticle Half(long doc, int offset, string[] actors, string[] terms) => new(doc, "Outlet" + doc, Day.AddDays(offset), null, actors, terms);
        string[] leftActors = ["Khawaja Asif", "Pakistan"], rightActors = ["Zabihullah Mujahid", "Afghanistan"];
        string[] leftTerms = ["islamabad", "militant", "border"], rightTerms = ["kabul", "sovereignty", "taliban"];
        clusterer.Assign(Half(1, 0, leftActors, leftTerms)).Story.ShouldBe(1);
        clusterer.Assign(Half(2, 0, leftActors, leftTerms)).Story.ShouldBe(1);
        clusterer.Assign(Half(3, 1, rightActors, rightTerms)).Story.ShouldBe(3);
        clusterer.Members(1).Count.ShouldBe(2);
        clusterer.Members(3).Count.ShouldBe(1);

        var bridge = clusterer.Assign(Half(4, 1, [.. leftActors, .. rightActors], [.. leftTerms, .. rightTerms]));

        bridge.Story.ShouldBe(1);
        bridge.Absorbed.ShouldBe([3L]);
        clusterer.StoryOf(3).ShouldBe(1);
        clusterer.Members(1).Count.ShouldBe(4);
        clusterer.Members(3).ShouldBeEmpty();
    }

    [Fact]
    public void Re_assigning_a_changed_article_moves_it_to_the_story_it_now_matches()
    {
        var clusterer = WithBackground();
        clusterer.Assign(Talks(1, "Dawn", 0));
        clusterer.Assign(Storm(2, "Rappler", 0));
        clusterer.Assign(Talks(3, "Geo News", 0)).Story.ShouldBe(1);

        // Re-enriched, the article turns out to be about the storm.
        clusterer.Assign(Storm(3, "Geo News", 0)).Story.ShouldBe(2);
        clusterer.Members(1).Select(m => m.Doc).ShouldBe([1L]);
        clusterer.Count.ShouldBe(33);
    }

    [Fact]
    public void A_restored_assignment_is_kept_and_new_articles_join_it()
    {
        var clusterer = WithBackground();
        clusterer.Restore(Talks(7, "Dawn", 0), story: 5);
        clusterer.Assign(Talks(8, "Reuters", 1)).Story.ShouldBe(5);
    }

    [Fact]
    public void Removing_an_article_keeps_its_story_for_the_others()
    {
        var clusterer = WithBackground();
        clusterer.Assign(Talks(1, "Dawn", 0));
        clusterer.Assign(Talks(2, "Reuters", 0));
        clusterer.Remove(1).ShouldBe(1);
        clusterer.StoryOf(2).ShouldBe(1);
        clusterer.Assign(Talks(3, "AP", 1)).Story.ShouldBe(1);
    }

    [Fact]
    public void An_article_known_only_by_month_and_day_joins_the_story_of_its_days()
    {
        var clusterer = WithBackground();
        clusterer.Assign(Talks(1, "Dawn", 0));
        var undated = Talks(2, "Blog", 0) with { Published = null, MonthDay = new MonthDay(10, 29) };
        clusterer.Assign(undated).Story.ShouldBe(1);
    }

    [Fact]
    public void A_label_names_what_the_story_shares_rarest_first()
    {
        var clusterer = WithBackground();
        clusterer.Assign(Talks(1, "Dawn", 0));
        clusterer.Assign(Talks(2, "Reuters", 0, "doha"));
        var label = clusterer.Label(1);
        label.ShouldStartWith("Afghanistan, Khawaja Asif, Pakistan: ");
        label.ShouldNotContain("doha");
    }
}
