using System.Text.Json.Nodes;
using NewsSearch.Articles;
using NewsSearch.SearchStore.Elasticsearch.Tests.Fakes;

namespace NewsSearch.SearchStore.Elasticsearch.Tests;

/// <summary>Stories on Elasticsearch: the story field, its filter and facet, and a story's details, against the specification.</summary>
public sealed class StoryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static FakeElasticsearch Cluster() => new FakeElasticsearch().WithIndex("news-v2", "news", Samples.CurrentMappings);

    private static JsonObject Terms(params JsonObject[] buckets) => new() { ["doc_count_error_upper_bound"] = 0, ["sum_other_doc_count"] = 0, ["buckets"] = new JsonArray(buckets) };

    private static JsonObject Story(string id, int count, string? label) => new()
    {
        ["key"] = id,
        ["doc_count"] = count,
        ["sterms#label"] = label is null ? Terms() : Terms(new JsonObject { ["key"] = label, ["doc_count"] = count }),
    };

    private static JsonObject Answer(long total, JsonObject aggregations) => new()
    {
        ["took"] = 3,
        ["timed_out"] = false,
        ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
        ["hits"] = new JsonObject { ["total"] = new JsonObject { ["value"] = total, ["relation"] = "eq" }, ["hits"] = new JsonArray() },
        ["aggregations"] = aggregations,
    };

    [Fact]
    public void The_index_maps_the_story_and_its_label_as_keywords()
    {
        var properties = Samples.CurrentMappings["properties"]!;

        properties["story"]!["type"]!.GetValue<string>().ShouldBe("keyword");
        properties["story_label"]!["type"]!.GetValue<string>().ShouldBe("keyword");
    }

    [Fact]
    public async Task A_story_filter_narrows_the_hits_and_the_other_facets_but_not_the_story_facet()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);

        await store.SearchAsync(new SearchRequest { Stories = [" c1 ", "c2", "c1"], Sources = ["Dawn"] }, Token);

        fake.RequestProblems().ShouldBeEmpty();
        var body = fake.For("search").Single().Json!;
        const string storyFilter = """{"terms":{"story":["c1","c2"]}}""";
        body["post_filter"]!["bool"]!["filter"]!.AsArray().Select(f => f!.ToJsonString()).ShouldContain(storyFilter);
        var aggregations = body["aggregations"]!.AsObject();
        aggregations["source"]!["filter"]!.ToJsonString().ShouldContain(storyFilter);
        aggregations["actor"]!["filter"]!.ToJsonString().ShouldContain(storyFilter);
        var story = aggregations["story"]!;
        story["filter"]!.ToJsonString().ShouldNotContain("\"story\"");
        story["filter"]!.ToJsonString().ShouldContain("Dawn");
        story["aggregations"]!["values"]!["terms"]!["field"]!.GetValue<string>().ShouldBe("story");
        story["aggregations"]!["values"]!["aggregations"]!["label"]!["terms"]!["field"]!.GetValue<string>().ShouldBe("story_label");
        story["aggregations"]!["selected"]!["filters"]!["filters"]!.AsArray().Select(f => f!.ToJsonString())
            .ShouldBe(["""{"term":{"story":{"value":"c1"}}}""", """{"term":{"story":{"value":"c2"}}}"""]);
        body["_source"]!["includes"]!.AsArray().Select(f => (string)f!).ShouldContain("story");
    }

    [Fact]
    public async Task The_story_facet_is_read_with_labels_and_a_selected_story_outside_the_top_from_its_own_bucket()
    {
        var answer = ResponseParsingTests.FacetedAnswer();
        answer["hits"]!["hits"]![0]!["_source"]!["story"] = "c1";
        answer["aggregations"]!["filter#story"] = new JsonObject
        {
            ["doc_count"] = 5,
            ["sterms#values"] = Terms(Story("c1", 4, "Khawaja Asif, Pakistan: istanbul, talks"), Story("c7", 1, "floods")),
            ["filters#selected"] = new JsonObject
            {
                ["buckets"] = new JsonArray(
                    new JsonObject { ["doc_count"] = 4, ["sterms#display"] = Terms(Story("c1", 4, "Khawaja Asif, Pakistan: istanbul, talks")) },
                    new JsonObject { ["doc_count"] = 0, ["sterms#display"] = Terms() }),
            },
        };
        var fake = Cluster().Enqueue("search", FakeResponse.Json(200, answer));
        using var store = Samples.Store(fake);

        var result = await store.SearchAsync(new SearchRequest { Stories = ["c1", "gone"] }, Token);

        fake.ResponseProblems.ShouldBeEmpty();
        result.Facets.Story.ShouldBe([
            new FacetValue("c1", 4, true, Label: "Khawaja Asif, Pakistan: istanbul, talks"),
            new FacetValue("c7", 1, false, Label: "floods"),
            new FacetValue("gone", 0, true),
        ]);
        result.Hits.Single().Story.ShouldBe("c1");
    }

    [Fact]
    public async Task A_story_is_read_from_aggregations_over_its_articles()
    {
        var fake = Cluster().Enqueue("search", FakeResponse.Json(200, Answer(5, new JsonObject
        {
            ["min#first"] = new JsonObject { ["value"] = 1761350400000, ["value_as_string"] = "2025-10-25" },
            ["max#last"] = new JsonObject { ["value"] = 1761955200000, ["value_as_string"] = "2025-11-01" },
            ["missing#undated"] = new JsonObject { ["doc_count"] = 1 },
            ["sterms#outlets"] = Terms(new JsonObject { ["key"] = "Reuters", ["doc_count"] = 1 }, new JsonObject { ["key"] = "Dawn", ["doc_count"] = 3 }, new JsonObject { ["key"] = "AP", ["doc_count"] = 1 }),
            ["sterms#label"] = Terms(new JsonObject { ["key"] = "Khawaja Asif: istanbul", ["doc_count"] = 5 }),
        })));
        using var store = Samples.Store(fake);

        var story = await store.StoryAsync(" c1 ", Token);

        ShouldBeValid(fake);
        var body = fake.For("search").Single().Json!;
        fake.For("search").Single().Path.ShouldBe("news/_search");
        body["query"]!.ToJsonString().ShouldBe("""{"term":{"story":{"value":"c1"}}}""");
        body["size"]!.GetValue<int>().ShouldBe(0);
        story.ShouldNotBeNull();
        (story.Id, story.Label, story.Size, story.First, story.Last, story.Undated)
            .ShouldBe(("c1", "Khawaja Asif: istanbul", 5L, (DateOnly?)new DateOnly(2025, 10, 25), (DateOnly?)new DateOnly(2025, 11, 1), 1L));
        story.Outlets.ShouldBe([new FacetValue("Dawn", 3, false), new FacetValue("AP", 1, false), new FacetValue("Reuters", 1, false)]);
    }

    [Fact]
    public async Task A_story_without_articles_is_null()
    {
        var fake = Cluster().Enqueue("search", FakeResponse.Json(200, Answer(0, new JsonObject
        {
            ["min#first"] = new JsonObject { ["value"] = null },
            ["max#last"] = new JsonObject { ["value"] = null },
            ["missing#undated"] = new JsonObject { ["doc_count"] = 0 },
            ["sterms#outlets"] = Terms(),
            ["sterms#label"] = Terms(),
        })));
        using var store = Samples.Store(fake);

        (await store.StoryAsync("nothing", Token)).ShouldBeNull();
        (await store.StoryAsync("  ", Token)).ShouldBeNull();

        ShouldBeValid(fake);
        fake.For("search").Count().ShouldBe(1); // a blank id asks nothing
    }

    [Fact]
    public async Task The_story_an_article_arrives_with_is_ignored_the_store_assigns_it_reading_the_index_first()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);

        await store.UpsertAsync([Samples.Article("a1") with { Story = "forged" }], Token);

        ShouldBeValid(fake);
        fake.Requests.Select(FakeElasticsearch.OperationId).ShouldBe(["open-point-in-time", "search-1", "close-point-in-time", "bulk-2"]);
        var document = fake.Documents["a1"];
        document["story"]!.GetValue<string>().ShouldBe("a1"); // alone, it begins its own story
        document["story_label"]!.GetValue<string>().ShouldContain("Pakistan");
        document["story_terms"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain("istanbul");
    }

    [Fact]
    public async Task Later_coverage_joins_the_story_and_its_earlier_articles_take_the_new_label()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);

        await store.UpsertAsync([Samples.Article("a1")], Token);
        await store.UpsertAsync([Samples.Article("a2", source: "Reuters") with { Actors = [.. Samples.Article("a2").Actors, Person("Khawaja Asif")] }], Token);

        ShouldBeValid(fake);
        fake.For("open-point-in-time").Count().ShouldBe(1); // the stories are read once, then kept up to date
        fake.Documents["a2"]["story"]!.GetValue<string>().ShouldBe("a1");
        var update = fake.For("update-by-query").ShouldHaveSingleItem();
        update.Path.ShouldBe("news/_update_by_query");
        update.QueryParameters["refresh"].ShouldBe("true");
        update.Json!["query"]!.ToJsonString().ShouldBe("""{"terms":{"story":["a1"]}}""");
        update.Json["script"]!["params"]!["moved"]!.AsObject().Count.ShouldBe(0);
        fake.Documents["a1"]["story_label"]!.GetValue<string>().ShouldBe(fake.Documents["a2"]["story_label"]!.GetValue<string>());
    }

    private static ActorMention Person(string name) => new(name, ActorType.Person, [], 1, 0);

    /// <summary>An article with actors and no story terms (every word too short), so only the actors link it.</summary>
    private static EnrichedArticle Named(string id, params string[] actors) => Samples.Article(id) with
    {
        Title = "On the go",
        Body = "It is so.",
        Actors = [.. actors.Select(Person)],
    };

    [Fact]
    public async Task An_article_that_links_two_stories_merges_them_and_the_absorbed_story_moves_in_one_update()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);
        await store.UpsertAsync([Named("x1", "Ann Ash", "Bo Birch", "Cy Cedar"), Named("y1", "Di Dew", "Ed Elm", "Fay Fir")], Token);
        fake.Documents["x1"]["story"]!.GetValue<string>().ShouldNotBe(fake.Documents["y1"]["story"]!.GetValue<string>());

        await store.UpsertAsync([Named("z1", "Ann Ash", "Bo Birch", "Cy Cedar", "Di Dew", "Ed Elm", "Fay Fir")], Token);

        ShouldBeValid(fake);
        var stories = new[] { "x1", "y1", "z1" }.Select(id => fake.Documents[id]["story"]!.GetValue<string>()).Distinct().ToList();
        stories.ShouldHaveSingleItem().ShouldBeOneOf("x1", "y1");
        new[] { "x1", "y1", "z1" }.Select(id => fake.Documents[id]["story_label"]!.GetValue<string>()).Distinct().ShouldHaveSingleItem();
        var moved = fake.For("update-by-query").ShouldHaveSingleItem().Json!["script"]!["params"]!["moved"]!.AsObject();
        moved.Single().Value!.GetValue<string>().ShouldBe(stories[0]);
    }

    [Fact]
    public async Task A_new_store_reads_the_stories_from_the_index_and_deleting_an_article_relabels_its_story()
    {
        var fake = Cluster();
        using (var first = Samples.Store(fake)) await first.UpsertAsync([Samples.Article("a1")], Token);
        using var second = Samples.Store(fake);

        await second.UpsertAsync([Samples.Article("a2", source: "Reuters")], Token);
        (await second.DeleteAsync("a2", Token)).ShouldBeTrue();

        ShouldBeValid(fake);
        fake.Documents.ContainsKey("a1").ShouldBeTrue();
        fake.For("update-by-query").Last().Json!["query"]!.ToJsonString().ShouldBe("""{"terms":{"story":["a1"]}}""");
        var joined = fake.For("bulk").Last().Body!.Split('\n')[1];
        System.Text.Json.Nodes.JsonNode.Parse(joined)!["story"]!.GetValue<string>().ShouldBe("a1");
    }

    [Fact]
    public async Task A_month_day_article_takes_its_year_from_its_story_when_written_and_an_earlier_one_is_dated_in_place()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);
        var undated = Samples.Article("m1", source: "Blog") with { Published = null, PublishedMonthDay = "--10-26" };

        await store.UpsertAsync([undated], Token);
        await store.UpsertAsync([Samples.Article("d1")], Token);
        await store.UpsertAsync([undated with { Id = "m2", PublishedMonthDay = "--10-27" }], Token);

        ShouldBeValid(fake);
        // Dated in place when the dated coverage arrived after it.
        var earlier = fake.Documents["m1"];
        earlier["published"]!.GetValue<string>().ShouldBe("2025-10-26");
        earlier["publishedEvidence"]!["method"]!.GetValue<string>().ShouldBe("story");
        fake.For("update-by-query").First().Json!["script"]!["params"]!["dated"]!["m1"]!["date"]!.GetValue<string>().ShouldBe("2025-10-26");
        // Written with its date when its story already had dated coverage.
        var later = System.Text.Json.Nodes.JsonNode.Parse(fake.For("bulk").Last().Body!.Split('\n')[1])!;
        later["published"]!.GetValue<string>().ShouldBe("2025-10-27");
        later["yearKnown"]!.GetValue<bool>().ShouldBeTrue();
        later["publishedEvidence"]!["text"]!.GetValue<string>().ShouldBe("October 27; 1 dated article of its story, 2025-10-25 to 2025-10-25");
    }

    private static void ShouldBeValid(FakeElasticsearch fake)
    {
        fake.RequestProblems().ShouldBeEmpty();
        fake.ResponseProblems.ShouldBeEmpty();
    }
}
