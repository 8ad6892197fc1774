using System.Net;
using System.Text.Json.Nodes;
using NewsSearch.SearchStore.Elasticsearch.Tests.Fakes;

namespace NewsSearch.SearchStore.Elasticsearch.Tests;

public sealed class BulkTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static FakeElasticsearch Cluster() => new FakeElasticsearch().WithIndex("news-v2", "news", Samples.CurrentMappings);

    [Fact]
    public async Task Upserting_sends_index_actions_keyed_by_article_id_through_the_alias_so_a_repeat_replaces()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);
        var article = Samples.Article("0123456789abcdef");

        var first = await store.UpsertAsync([article], Token);
        var second = await store.UpsertAsync([article], Token);

        first.Indexed.ShouldBe(1);
        first.Failed.ShouldBeEmpty();
        second.Indexed.ShouldBe(1);
        fake.Documents.Count.ShouldBe(1);
        var request = fake.For("bulk").Last();
        request.Path.ShouldBe("news/_bulk");
        request.QueryParameters.Keys.ShouldNotContain("require_alias", "a server that refuses it fails every upsert");
        request.QueryParameters["refresh"].ShouldBe("wait_for");
        request.IsNdjson.ShouldBeTrue();
        var lines = request.Body!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("""{"index":{"_id":"0123456789abcdef"}}""");
        fake.RequestProblems().ShouldBeEmpty();
        fake.ResponseProblems.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_conformance_corpus_becomes_documents_that_fit_the_mappings_including_undated_and_invalid_articles()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);
        var corpus = NewsSearch.SearchStore.Conformance.ConformanceCorpus.All;

        var result = await store.UpsertAsync([.. corpus, corpus[0] with { Id = " " }], Token);

        result.Indexed.ShouldBe(corpus.Count);
        result.Failed.Keys.ShouldBe([" "]);
        fake.RequestProblems().ShouldBeEmpty();
        var ttp = fake.Documents["c0000000000000a2"]["actors"]!.AsArray().Single(a => (string)a!["name"]! == "Tehreek-e-Taliban Pakistan")!;
        ttp["keys"]!.AsArray().Select(k => (string)k!).ShouldBe(["tehreek e taliban pakistan", "ttp", "pakistani taliban"]);
        ttp["forms"]!.AsArray().Select(k => (string)k!).ShouldBe(["Tehreek-e-Taliban Pakistan", "TTP", "Pakistani Taliban"]);
        fake.Documents["c0000000000000d2"]["published"].ShouldBeNull();
    }

    [Fact]
    public async Task A_batch_whose_request_fails_unexpectedly_is_retried_like_a_timeout()
    {
        var fake = Cluster();
        fake.Enqueue("bulk", FakeResponse.Throws(new InvalidOperationException("The circuit is now open")));
        using var store = Samples.Store(fake);

        var result = await store.UpsertAsync([Samples.Article("a")], Token);

        result.Indexed.ShouldBe(1);
        fake.For("bulk").Count().ShouldBe(2);
    }

    [Fact]
    public async Task The_whole_article_is_the_source_so_get_returns_it_unchanged()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);
        var article = Samples.Article("0123456789abcdef");

        await store.UpsertAsync([article], Token);
        var read = await store.GetAsync(article.Id, Token);

        // Alone in the index, it begins a story of its own.
        Json(read).ShouldBe(Json(article with { Story = article.Id }));
    }

    [Fact]
    public async Task Batches_are_bounded_by_action_count()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake, Samples.Options() with { BulkMaxActions = 2 });

        var result = await store.UpsertAsync([.. Enumerable.Range(0, 5).Select(i => Samples.Article($"{i:x16}"))], Token);

        result.Indexed.ShouldBe(5);
        fake.For("bulk").Select(r => r.Body!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length / 2).ShouldBe([2, 2, 1]);
    }

    [Fact]
    public async Task Batches_are_bounded_by_bytes()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake, Samples.Options() with { BulkMaxBytes = 3000 });

        var articles = Enumerable.Range(0, 4).Select(i => Samples.Article($"{i:x16}") with { Body = string.Join(' ', Enumerable.Repeat("xx", 400)) }).ToList();
        var result = await store.UpsertAsync(articles, Token);

        result.Indexed.ShouldBe(4);
        fake.For("bulk").Count().ShouldBe(4);
        fake.For("bulk").ShouldAllBe(r => System.Text.Encoding.UTF8.GetByteCount(r.Body!) <= 3000);
    }

    [Fact]
    public async Task The_documented_bulk_response_with_errors_reports_each_failed_id_without_retrying_it()
    {
        var fake = Cluster();
        fake.Enqueue("bulk", FakeResponse.Example("_global__bulk__response__BulkResponseExample2"));
        using var store = Samples.Store(fake);

        // The documented answer has three items: 404 for ids 5 and 6, 201 for id 7.
        var result = await store.UpsertAsync([Samples.Article("5"), Samples.Article("6"), Samples.Article("7")], Token);

        result.Indexed.ShouldBe(1);
        result.Failed.Keys.Order().ShouldBe(["5", "6"]);
        result.Failed["5"].ShouldContain("document_missing_exception");
        result.Failed["5"].ShouldContain("404");
        fake.For("bulk").Count().ShouldBe(1);
    }

    [Fact]
    public async Task Items_rejected_with_429_or_503_are_retried_alone_until_they_succeed()
    {
        var fake = Cluster();
        fake.Enqueue("bulk", _ => Answer((201, null), (429, "es_rejected_execution_exception"), (503, "unavailable_shards_exception"), (400, "mapper_parsing_exception")));
        using var store = Samples.Store(fake);

        var result = await store.UpsertAsync([Samples.Article("a"), Samples.Article("b"), Samples.Article("c"), Samples.Article("d")], Token);

        result.Indexed.ShouldBe(3);
        result.Failed.Keys.ShouldBe(["d"]);
        result.Failed["d"].ShouldContain("mapper_parsing_exception");
        var retry = fake.For("bulk").Skip(1).ShouldHaveSingleItem();
        IdsOf(retry).ShouldBe(["b", "c"]);
        fake.ResponseProblems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Items_that_keep_failing_with_429_are_reported_once_the_retries_run_out()
    {
        var fake = Cluster();
        for (var i = 0; i < 10; i++) fake.Enqueue("bulk", _ => Answer((429, "es_rejected_execution_exception")));
        using var store = Samples.Store(fake, Samples.Options() with { BulkMaxRetries = 2 });

        var result = await store.UpsertAsync([Samples.Article("a")], Token);

        result.Indexed.ShouldBe(0);
        result.Failed["a"].ShouldContain("gave up after 3 attempts");
        fake.For("bulk").Count().ShouldBe(3);
    }

    [Fact]
    public async Task A_batch_answered_with_503_or_timing_out_is_retried_whole()
    {
        var fake = Cluster();
        fake.Enqueue("bulk", FakeResponse.Json(503, new JsonObject { ["error"] = new JsonObject { ["type"] = "cluster_block_exception", ["reason"] = "blocked" }, ["status"] = 503 }));
        fake.Enqueue("bulk", FakeResponse.Throws(new TaskCanceledException("HttpClient.Timeout", new TimeoutException())));
        fake.Enqueue("bulk", FakeResponse.Throws(new HttpRequestException("connection refused")));
        using var store = Samples.Store(fake);

        var result = await store.UpsertAsync([Samples.Article("a"), Samples.Article("b")], Token);

        result.Indexed.ShouldBe(2);
        result.Failed.ShouldBeEmpty();
        fake.For("bulk").Count().ShouldBe(4);
        fake.For("bulk").ShouldAllBe(r => IdsOf(r).SequenceEqual(new[] { "a", "b" }));
    }

    [Fact]
    public async Task A_batch_rejected_with_400_fails_every_item_without_a_retry()
    {
        var fake = Cluster();
        fake.Enqueue("bulk", FakeResponse.Json(400, new JsonObject
        {
            ["error"] = new JsonObject { ["type"] = "illegal_argument_exception", ["reason"] = "no write index is defined for alias [news]" },
            ["status"] = 400,
        }));
        using var store = Samples.Store(fake);

        var result = await store.UpsertAsync([Samples.Article("a"), Samples.Article("b")], Token);

        result.Indexed.ShouldBe(0);
        result.Failed.Keys.Order().ShouldBe(["a", "b"]);
        result.Failed["a"].ShouldContain("no write index");
        fake.For("bulk").Count().ShouldBe(1);
    }

    [Fact]
    public async Task The_same_id_twice_in_one_upsert_is_sent_once_with_the_last_version()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);

        await store.UpsertAsync([Samples.Article("a", title: "First"), Samples.Article("a", title: "Second")], Token);

        IdsOf(fake.For("bulk").Single()).ShouldBe(["a"]);
        fake.Documents["a"]["title"]!.GetValue<string>().ShouldBe("Second");
    }

    private static string[] IdsOf(Spec.CapturedRequest request) =>
        request.Body!.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where((_, i) => i % 2 == 0)
            .Select(line => (string)JsonNode.Parse(line)!["index"]!["_id"]!)
            .ToArray();

    /// <summary>A bulk answer in the documented shape, one item per status (and error type for failures).</summary>
    private static FakeResponse Answer(params (int Status, string? Error)[] items)
    {
        var array = new JsonArray();
        foreach (var (status, error) in items)
        {
            var item = new JsonObject { ["_index"] = "news-v2", ["_id"] = "?", ["status"] = status };
            if (error is null)
            {
                item["result"] = "created";
                item["_version"] = 1;
            }
            else item["error"] = new JsonObject { ["type"] = error, ["reason"] = $"{error} for this item" };
            array.Add(new JsonObject { ["index"] = item });
        }
        return FakeResponse.Json((int)HttpStatusCode.OK, new JsonObject { ["took"] = 2, ["errors"] = items.Any(i => i.Error is not null), ["items"] = array });
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, NewsSearch.Articles.ArticleJson.Options);
}
