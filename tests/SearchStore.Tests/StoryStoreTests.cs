using Microsoft.Data.Sqlite;
using NewsSearch.Articles;
using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore.Tests;

/// <summary>Stories in the embedded store: assigned as articles are written, kept in the file, filtered, counted and described.</summary>
public sealed class StoryStoreTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Day = new(2025, 10, 28);

    private string DatabasePath => _directory.File("search.db");

    private static EnrichedArticle Talks(int n, string source, DateOnly? published, string? monthDay = null) => new()
    {
        Id = n.ToString("x16"),
        Title = "Istanbul talks between Pakistan and Afghanistan collapse",
        Body = "The Istanbul talks collapsed. Khawaja Asif blamed Kabul for militants; Zabihullah Mujahid said the ceasefire holds. " +
               "Mediators from Qatar and Türkiye hosted the Istanbul talks on the ceasefire and the militants.",
        Source = source,
        Published = published,
        PublishedMonthDay = monthDay,
        PublishedEvidence = monthDay is null ? null : new Evidence("dateline", "October 28", 0.5),
        Actors = [Actor("Pakistan", ActorType.Country), Actor("Afghanistan", ActorType.Country), Actor("Khawaja Asif", ActorType.Person), Actor("Zabihullah Mujahid", ActorType.Person)],
        Topics = [new TopicScore("Peace process", 0.9)],
    };

    /// <summary>Articles about nothing in common: each word of its own (letters only, as story terms are).</summary>
    private static EnrichedArticle Other(int n, DateOnly published) => new()
    {
        Id = n.ToString("x16"),
        Title = $"Report {Letters(n)}alpha",
        Body = $"Farmers in {Letters(n)}beta counted {Letters(n)}gamma and {Letters(n)}delta; {Letters(n)}epsilon rose.",
        Source = "Farm Weekly",
        Published = published,
        Actors = [Actor($"Farmer {n}", ActorType.Person), Actor("United States", ActorType.Country)],
        Topics = [new TopicScore("Agriculture", 0.9)],
    };

    private static string Letters(int n) => string.Concat(n.ToString().Select(c => (char)('k' + c - '0')));

    private static ActorMention Actor(string name, ActorType type) => new(name, type, [], 2, 0);

    private async Task<SqliteSearchStore> StoreWithBackgroundAsync()
    {
        var store = new SqliteSearchStore(DatabasePath);
        await store.InitializeAsync(Ct);
        await store.UpsertAsync(Enumerable.Range(100, 20).Select(n => Other(n, Day.AddDays(-300 + 10 * n))).ToList(), Ct);
        return store;
    }

    [Fact]
    public async Task Coverage_of_one_event_forms_a_story_that_is_a_filter_a_facet_and_a_resource()
    {
        using var store = await StoreWithBackgroundAsync();
        await store.UpsertAsync([Talks(1, "Dawn", Day), Talks(2, "Al Jazeera", Day.AddDays(1))], Ct);
        await store.UpsertAsync([Talks(3, "Geo News", Day.AddDays(2))], Ct);

        var story = (await store.GetAsync(Talks(1, "", null).Id, Ct))!.Story;
        story.ShouldBe(Talks(1, "", null).Id);
        (await store.GetAsync(Talks(3, "", null).Id, Ct))!.Story.ShouldBe(story);
        (await store.GetAsync(Other(100, Day).Id, Ct))!.Story.ShouldNotBe(story);

        var filtered = await store.SearchAsync(new SearchRequest { Stories = [story!] }, Ct);
        filtered.Total.ShouldBe(3);
        filtered.Hits.ShouldAllBe(h => h.Story == story);
        var everything = await store.SearchAsync(new SearchRequest(), Ct);
        var facet = everything.Facets.Story.First();
        facet.Value.ShouldBe(story);
        facet.Count.ShouldBe(3);
        facet.Label.ShouldNotBeNullOrEmpty();
        facet.Label.ShouldContain("Khawaja Asif");

        var detail = (await store.StoryAsync(story!, Ct))!;
        detail.Size.ShouldBe(3);
        detail.First.ShouldBe(Day);
        detail.Last.ShouldBe(Day.AddDays(2));
        detail.Outlets.Select(o => o.Value).ShouldBe(["Al Jazeera", "Dawn", "Geo News"], ignoreOrder: true);
        detail.Label.ShouldBe(facet.Label);
        (await store.StoryAsync("ffffffffffffffff", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task An_article_with_only_a_month_and_day_takes_its_year_from_the_dated_coverage_of_its_story()
    {
        using var store = await StoreWithBackgroundAsync();
        await store.UpsertAsync([Talks(1, "Dawn", Day)], Ct);
        await store.UpsertAsync([Talks(2, "Blog", null, "--10-29")], Ct);

        var blog = (await store.GetAsync(Talks(2, "", null).Id, Ct))!;
        blog.Published.ShouldBe(new DateOnly(2025, 10, 29));
        blog.PublishedEvidence!.Method.ShouldBe("story");
        blog.PublishedEvidence.Confidence.ShouldBeLessThan(0.9);
    }

    [Fact]
    public async Task An_article_without_any_day_is_dated_no_earlier_than_its_story_with_low_confidence()
    {
        using var store = await StoreWithBackgroundAsync();
        await store.UpsertAsync([Talks(1, "Dawn", Day.AddDays(1)), Talks(3, "Reuters", Day)], Ct);
        await store.UpsertAsync([Talks(2, "Blog", null)], Ct);

        var blog = (await store.GetAsync(Talks(2, "", null).Id, Ct))!;
        blog.Published.ShouldBe(Day);
        blog.PublishedEvidence!.Method.ShouldBe("story");
        blog.PublishedEvidence.Confidence.ShouldBeLessThan(0.5);
    }

    [Fact]
    public async Task A_date_that_is_only_the_first_day_of_its_story_dates_no_other_article()
    {
        using (var store = await StoreWithBackgroundAsync())
        {
            await store.UpsertAsync([Talks(1, "Dawn", Day.AddDays(1)), Talks(2, "Blog", null)], Ct);
            (await store.GetAsync(Talks(2, "", null).Id, Ct))!.Published.ShouldBe(Day.AddDays(1));
            // The blog's date is now only a bound taken from the story: with Dawn gone, the story has no dated coverage.
            await store.DeleteAsync(Talks(1, "", null).Id, Ct);

            await store.UpsertAsync([Talks(3, "Forum", null, "--10-28")], Ct);
            var forum = (await store.GetAsync(Talks(3, "", null).Id, Ct))!;
            forum.Story.ShouldBe(Talks(1, "", null).Id);
            forum.Published.ShouldBeNull();
        }
        SqliteConnection.ClearAllPools();
        using var reopened = new SqliteSearchStore(DatabasePath);
        await reopened.InitializeAsync(Ct);
        await reopened.UpsertAsync([Talks(4, "Radio", null)], Ct);
        var radio = (await reopened.GetAsync(Talks(4, "", null).Id, Ct))!;
        radio.Story.ShouldBe(Talks(1, "", null).Id);
        radio.Published.ShouldBeNull();
    }

    [Fact]
    public async Task Undated_articles_get_their_year_when_dated_coverage_of_their_story_arrives_later()
    {
        using var store = await StoreWithBackgroundAsync();
        await store.UpsertAsync([Talks(2, "Blog", null, "--10-29"), Talks(3, "Forum", null, "--10-28")], Ct);
        (await store.GetAsync(Talks(2, "", null).Id, Ct))!.Published.ShouldBeNull();
        (await store.SearchAsync(new SearchRequest(), Ct)).Facets.Undated.ShouldBe(2);

        await store.UpsertAsync([Talks(1, "Dawn", Day)], Ct);

        (await store.GetAsync(Talks(2, "", null).Id, Ct))!.Published.ShouldBe(new DateOnly(2025, 10, 29));
        (await store.GetAsync(Talks(3, "", null).Id, Ct))!.Published.ShouldBe(new DateOnly(2025, 10, 28));
        var all = await store.SearchAsync(new SearchRequest { From = Day, To = Day.AddDays(1) }, Ct);
        all.Total.ShouldBe(3);
    }

    [Fact]
    public async Task Stories_survive_a_restart_and_later_articles_join_them()
    {
        string? story;
        using (var first = await StoreWithBackgroundAsync())
        {
            await first.UpsertAsync([Talks(1, "Dawn", Day)], Ct);
            story = (await first.GetAsync(Talks(1, "", null).Id, Ct))!.Story;
        }
        SqliteConnection.ClearAllPools();
        using var second = new SqliteSearchStore(DatabasePath);
        await second.InitializeAsync(Ct);
        await second.UpsertAsync([Talks(2, "Reuters", Day)], Ct);
        (await second.GetAsync(Talks(2, "", null).Id, Ct))!.Story.ShouldBe(story);
    }

    [Fact]
    public async Task A_re_enriched_article_that_is_about_something_else_leaves_its_story()
    {
        using var store = await StoreWithBackgroundAsync();
        await store.UpsertAsync([Talks(1, "Dawn", Day), Talks(2, "Reuters", Day)], Ct);
        var story = (await store.GetAsync(Talks(1, "", null).Id, Ct))!.Story!;

        await store.UpsertAsync([Other(2, Day) with { Id = Talks(2, "", null).Id }], Ct);

        (await store.StoryAsync(story, Ct))!.Size.ShouldBe(1);
        (await store.GetAsync(Talks(2, "", null).Id, Ct))!.Story.ShouldNotBe(story);
    }

    [Fact]
    public async Task Deleting_an_article_shrinks_its_story_and_the_last_one_ends_it()
    {
        using var store = await StoreWithBackgroundAsync();
        await store.UpsertAsync([Talks(1, "Dawn", Day), Talks(2, "Reuters", Day)], Ct);
        var story = Talks(1, "", null).Id;

        await store.DeleteAsync(Talks(1, "", null).Id, Ct);
        (await store.StoryAsync(story, Ct))!.Size.ShouldBe(1);
        await store.DeleteAsync(Talks(2, "", null).Id, Ct);
        (await store.StoryAsync(story, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task A_file_from_before_stories_is_upgraded_and_its_articles_are_grouped()
    {
        // A version 4 file: the schema without story columns, written as version 4 wrote its rows.
        using (var old = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            old.Open();
            SqliteSchema.Apply(old, targetVersion: 4);
        }
        SqliteConnection.ClearAllPools();
        using (var v4 = new SqliteSearchStore(DatabasePath))
        {
            // Only the writer's story statements need the new columns, so the rows go in with plain SQL.
            using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
            connection.Open();
            var n = 0;
            foreach (var article in new[] { Talks(1, "Dawn", Day), Talks(2, "Reuters", Day.AddDays(1)), Other(3, Day) })
            {
                n++;
                using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT OR IGNORE INTO source(name) VALUES ($source);
                    INSERT INTO article(doc, id, source_id, published, seq, actors, topics)
                        VALUES ($doc, $id, (SELECT id FROM source WHERE name = $source), $day, 1, '', '');
                    INSERT INTO article_json(doc, title, json) VALUES ($doc, $title, $json);
                    INSERT INTO article_fts(rowid, title, actors, topics, body) VALUES ($doc, $title, '', '', $body);
                    """;
                insert.Parameters.AddWithValue("$doc", n);
                insert.Parameters.AddWithValue("$id", article.Id);
                insert.Parameters.AddWithValue("$source", article.Source);
                insert.Parameters.AddWithValue("$day", article.Published!.Value.DayNumber);
                insert.Parameters.AddWithValue("$title", article.Title);
                insert.Parameters.AddWithValue("$json", PreparedArticle.JsonOf(article with { Body = "" }));
                insert.Parameters.AddWithValue("$body", article.Body);
                insert.ExecuteNonQuery();
            }
        }
        SqliteConnection.ClearAllPools();

        using var upgraded = new SqliteSearchStore(DatabasePath);
        await upgraded.InitializeAsync(Ct);

        var first = (await upgraded.GetAsync(Talks(1, "", null).Id, Ct))!.Story;
        first.ShouldBe(Talks(1, "", null).Id);
        (await upgraded.GetAsync(Talks(2, "", null).Id, Ct))!.Story.ShouldBe(first);
        (await upgraded.GetAsync(Other(3, Day).Id, Ct))!.Story.ShouldBe(Other(3, Day).Id);
        (await upgraded.SearchAsync(new SearchRequest { Stories = [first!] }, Ct)).Total.ShouldBe(2);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
