using System.Text.Json.Nodes;
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
    public async Task The_story_an_article_arrives_with_is_not_indexed_the_store_decides_it()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);

        await store.UpsertAsync([Samples.Article("a1") with { Story = "forged" }], Token);

        ShouldBeValid(fake);
        fake.Documents["a1"].ContainsKey("story").ShouldBeFalse();
    }

    private static void ShouldBeValid(FakeElasticsearch fake)
    {
        fake.RequestProblems().ShouldBeEmpty();
        fake.ResponseProblems.ShouldBeEmpty();
    }
}
