using NewsSearch.Articles;
using Shouldly;
using Xunit;

namespace NewsSearch.SearchStore.Conformance;

/// <summary>Stories: assigned by the store as articles are written, a filter, a facet with labels, and a resource.</summary>
public abstract partial class SearchStoreConformanceTests
{
    private static readonly DateOnly StoryDay = new(2025, 10, 28);

    private static EnrichedArticle Talks(int n, string source, DateOnly? published, string? monthDay = null) => new()
    {
        Id = $"e{n:x15}",
        Title = "Istanbul talks between Pakistan and Afghanistan collapse",
        Body = "The Istanbul talks collapsed. Khawaja Asif blamed Kabul for militants; Zabihullah Mujahid said the ceasefire holds. " +
               "Mediators from Qatar and Türkiye hosted the Istanbul talks on the ceasefire and the militants.",
        Source = source,
        Published = published,
        PublishedMonthDay = monthDay,
        Actors = [ConformanceCorpus.Country("Pakistan"), ConformanceCorpus.Country("Afghanistan"), ConformanceCorpus.Person("Khawaja Asif"), ConformanceCorpus.Person("Zabihullah Mujahid")],
        Topics = [ConformanceCorpus.Topic("Peace process")],
    };

    /// <summary>Articles with nothing in common: each word of its own (letters only, as story terms are).</summary>
    private static EnrichedArticle Unrelated(int n)
    {
        var letters = Letters(n);
        return new EnrichedArticle
        {
            Id = $"f{n:x15}",
            Title = $"Report {letters}alpha",
            Body = $"Farmers in {letters}beta counted {letters}gamma and {letters}delta; {letters}epsilon rose.",
            Source = "Farm Weekly",
            Published = StoryDay.AddDays(-300 + 10 * n),
            Actors = [ConformanceCorpus.Person($"Farmer {n}"), ConformanceCorpus.Country("United States")],
            Topics = [ConformanceCorpus.Topic("Agriculture")],
        };
    }

    private async Task<ISearchStore> WithStoriesAsync()
    {
        var store = await SeededAsync([.. Enumerable.Range(1, 20).Select(Unrelated)]);
        await store.UpsertAsync([Talks(1, "Dawn", StoryDay), Talks(2, "Al Jazeera", StoryDay.AddDays(1))], Ct);
        await store.UpsertAsync([Talks(3, "Geo News", StoryDay.AddDays(2))], Ct);
        await AfterWriteAsync(store);
        return store;
    }

    [Fact]
    public async Task Coverage_of_one_event_forms_a_story_named_by_its_first_article_that_is_a_filter_a_facet_and_a_resource()
    {
        var store = await WithStoriesAsync();
        var story = Talks(1, "", StoryDay).Id;

        (await store.GetAsync(Talks(3, "", StoryDay).Id, Ct))!.Story.ShouldBe(story);
        (await store.GetAsync(Unrelated(1).Id, Ct))!.Story.ShouldNotBe(story);
        var filtered = await Search(store, new SearchRequest { Stories = [story] });
        filtered.Total.ShouldBe(3);
        filtered.Hits.ShouldAllBe(h => h.Story == story);
        var facet = (await Search(store, new SearchRequest())).Facets.Story.First();
        (facet.Value, facet.Count).ShouldBe((story, 3L));
        facet.Label.ShouldNotBeNull().ShouldContain("Khawaja Asif");
        (await store.MatchesAsync(new SearchRequest { Stories = [story] }, Ct).ToListAsync(Ct)).ShouldAllBe(m => m.Story == story);

        var detail = (await store.StoryAsync(story, Ct)).ShouldNotBeNull();
        (detail.Size, detail.First, detail.Last, detail.Undated).ShouldBe((3L, (DateOnly?)StoryDay, (DateOnly?)StoryDay.AddDays(2), 0L));
        detail.Outlets.Select(o => o.Value).ShouldBe(["Al Jazeera", "Dawn", "Geo News"], ignoreOrder: true);
        detail.Label.ShouldBe(facet.Label);
        (await store.StoryAsync("ffffffffffffffff", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task The_story_facet_ignores_its_own_selection_and_keeps_a_selected_story_visible()
    {
        var store = await WithStoriesAsync();
        var story = Talks(1, "", StoryDay).Id;

        var result = await Search(store, new SearchRequest { Stories = [story, "no-such-story"], Sources = ["Farm Weekly", "Dawn"] });

        result.Total.ShouldBe(1);
        result.Facets.Story.Single(v => v.Value == story).ShouldBe(new FacetValue(story, 1, true, Label: result.Facets.Story.Single(v => v.Value == story).Label));
        // Ten values (the facet size): every story counts one match, and ties go by id, so the talks come before nine farm reports.
        result.Facets.Story.Count(v => !v.Selected).ShouldBe(9);
        result.Facets.Story.Single(v => v.Value == "no-such-story").ShouldBe(new FacetValue("no-such-story", 0, true));
    }

    [Fact]
    public async Task Deleting_an_article_shrinks_its_story_and_the_story_ends_with_its_last_article()
    {
        var store = await WithStoriesAsync();
        var story = Talks(1, "", StoryDay).Id;

        (await store.DeleteAsync(Talks(1, "", StoryDay).Id, Ct)).ShouldBeTrue();
        await AfterWriteAsync(store);
        (await store.StoryAsync(story, Ct)).ShouldNotBeNull().Size.ShouldBe(2); // the story keeps its id without its first article
        (await store.DeleteAsync(Talks(2, "", StoryDay).Id, Ct)).ShouldBeTrue();
        (await store.DeleteAsync(Talks(3, "", StoryDay).Id, Ct)).ShouldBeTrue();
        await AfterWriteAsync(store);

        (await store.StoryAsync(story, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task An_article_with_only_a_month_and_day_takes_its_year_from_its_story_now_or_when_dated_coverage_arrives()
    {
        var store = await SeededAsync([.. Enumerable.Range(1, 20).Select(Unrelated)]);
        await store.UpsertAsync([Talks(2, "Blog", null, "--10-29")], Ct);
        await AfterWriteAsync(store);
        (await store.GetAsync(Talks(2, "", null).Id, Ct))!.Published.ShouldBeNull();

        await store.UpsertAsync([Talks(1, "Dawn", StoryDay)], Ct);
        await store.UpsertAsync([Talks(3, "Forum", null, "--10-30")], Ct);
        await AfterWriteAsync(store);

        var earlier = (await store.GetAsync(Talks(2, "", null).Id, Ct))!;
        earlier.Published.ShouldBe(new DateOnly(2025, 10, 29));
        earlier.PublishedEvidence!.Method.ShouldBe("story");
        (await store.GetAsync(Talks(3, "", null).Id, Ct))!.Published.ShouldBe(new DateOnly(2025, 10, 30));
        (await Search(store, new SearchRequest { From = StoryDay, To = StoryDay.AddDays(2) })).Total.ShouldBe(3);
    }
}
