using System.Text.Json.Nodes;
using NewsSearch.SearchStore.Elasticsearch.Tests.Fakes;

namespace NewsSearch.SearchStore.Elasticsearch.Tests;

public sealed class IndexLifecycleTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Initializing_an_empty_cluster_creates_the_versioned_index_and_points_the_alias_at_it()
    {
        var fake = new FakeElasticsearch();
        using var store = Samples.Store(fake);

        await store.InitializeAsync(Token);

        fake.Indices.ShouldBe(["news-v2"]);
        fake.Aliases["news"].ShouldBe(["news-v2"]);
        fake.Requests.Select(FakeElasticsearch.OperationId).ShouldBe(["indices-get-alias-1", "indices-exists", "indices-create", "indices-update-aliases"]);
        fake.RequestProblems().ShouldBeEmpty();
        fake.ResponseProblems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Initializing_when_the_alias_already_points_at_the_current_index_only_looks()
    {
        var fake = new FakeElasticsearch().WithIndex("news-v2", "news");
        using var store = Samples.Store(fake);

        await store.InitializeAsync(Token);

        fake.Requests.Select(FakeElasticsearch.OperationId).ShouldBe(["indices-get-alias-1"]);
    }

    [Fact]
    public async Task Initializing_when_another_instance_just_created_the_index_still_adds_the_alias()
    {
        var fake = new FakeElasticsearch();
        fake.Enqueue("indices-create", FakeResponse.Json(400, new JsonObject
        {
            ["error"] = new JsonObject { ["type"] = "resource_already_exists_exception", ["reason"] = "index [news-v2] already exists" },
            ["status"] = 400,
        }));
        using var store = Samples.Store(fake);

        await store.InitializeAsync(Token);

        fake.Aliases["news"].ShouldBe(["news-v2"]);
    }

    [Fact]
    public async Task A_schema_version_bump_copies_the_articles_into_the_new_index_and_swaps_the_alias_in_one_call()
    {
        var fake = new FakeElasticsearch().WithIndex("news-v1", "news");
        var old = Samples.Article("0123456789abcdef");
        var source = System.Text.Json.JsonSerializer.SerializeToNode(old, NewsSearch.Articles.ArticleJson.Options)!.AsObject();
        source["story"] = "fedcba9876543210";
        source["story_label"] = "Pakistan: istanbul";
        source["story_terms"] = new JsonArray("istanbul", "talk");
        fake.Enqueue("search-3", _ => FakeResponse.Json(200, SearchAnswer(
            new JsonObject
            {
                ["_index"] = "news-v1", ["_id"] = old.Id, ["_score"] = null,
                ["_source"] = source,
                ["sort"] = new JsonArray(old.Id),
            })));
        using var store = Samples.Store(fake);

        await store.InitializeAsync(Token);

        var operations = fake.Requests.Select(r => $"{FakeElasticsearch.OperationId(r)} {r.Path}").ToList();
        operations.ShouldBe(
        [
            "indices-get-alias-1 _alias/news",
            "indices-exists news-v2",
            "indices-create news-v2",
            "search-3 news-v1/_search",
            "bulk-2 news-v2/_bulk",
            "indices-refresh-2 news-v2/_refresh",
            "indices-update-aliases _aliases",
        ]);
        fake.Documents.Keys.ShouldBe([old.Id]);
        fake.Documents[old.Id]["actor_names"]!.AsArray().Select(n => (string)n!).ShouldContain("TTP");
        // The story is copied as it was, not decided again.
        fake.Documents[old.Id]["story"]!.GetValue<string>().ShouldBe("fedcba9876543210");
        fake.Documents[old.Id]["story_label"]!.GetValue<string>().ShouldBe("Pakistan: istanbul");
        fake.Documents[old.Id]["story_terms"]!.AsArray().Select(t => (string)t!).ShouldBe(["istanbul", "talk"]);
        var swap = fake.For("indices-update-aliases").Single().Json!["actions"]!.AsArray();
        swap.Select(a => a!.ToJsonString()).ShouldBe(
        [
            """{"remove":{"alias":"news","index":"news-v1"}}""",
            """{"add":{"alias":"news","index":"news-v2"}}""",
        ]);
        fake.Aliases["news"].ShouldBe(["news-v2"]);
        fake.RequestProblems().ShouldBeEmpty();
        fake.ResponseProblems.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_mapping_analyses_text_in_English_with_folding_and_keeps_facets_as_keywords_with_a_folding_normalizer()
    {
        var fake = new FakeElasticsearch();
        using var store = Samples.Store(fake);

        await store.InitializeAsync(Token);

        var body = fake.For("indices-create").Single().Json!;
        var analysis = body["settings"]!["analysis"]!;
        var english = analysis["analyzer"]!["english_folded"]!["filter"]!.AsArray().Select(f => (string)f!).ToList();
        english.ShouldContain("lowercase");
        english.ShouldContain("asciifolding");
        english.ShouldContain("english_stemmer");
        analysis["filter"]!["english_stemmer"]!["language"]!.GetValue<string>().ShouldBe("english");
        analysis["normalizer"]!["folded"]!["filter"]!.AsArray().Select(f => (string)f!).ShouldBe(["lowercase", "asciifolding"]);

        var properties = body["mappings"]!["properties"]!;
        foreach (var text in new[] { "title", "body", "actor_names" })
        {
            properties[text]!["type"]!.GetValue<string>().ShouldBe("text");
            properties[text]!["analyzer"]!.GetValue<string>().ShouldBe("english_folded");
        }
        foreach (var facet in new[] { properties["source"]!, properties["actors"]!["properties"]!["name"]!, properties["topics"]!["properties"]!["label"]! })
        {
            facet["type"]!.GetValue<string>().ShouldBe("keyword");
            facet["fields"]!["folded"]!["normalizer"]!.GetValue<string>().ShouldBe("folded");
        }
        properties["published"]!["type"]!.GetValue<string>().ShouldBe("date");
        body["mappings"]!["dynamic"]!.GetValue<bool>().ShouldBeFalse();
    }

    private static JsonObject SearchAnswer(params JsonObject[] hits) => new()
    {
        ["took"] = 1,
        ["timed_out"] = false,
        ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
        ["hits"] = new JsonObject
        {
            ["total"] = new JsonObject { ["value"] = hits.Length, ["relation"] = "eq" },
            ["max_score"] = null,
            ["hits"] = new JsonArray(hits),
        },
    };
}
