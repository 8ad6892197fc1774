using System.Text.Json;
using System.Text.Json.Nodes;
using NewsSearch.Articles;
using NewsSearch.SearchStore.Elasticsearch.Tests.Fakes;
using NewsSearch.SearchStore.Elasticsearch.Tests.Spec;
using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Elasticsearch.Tests;

/// <summary>
/// Streaming every match: a point in time opened on the alias, pages of <c>_search</c> with <c>pit</c> and
/// <c>search_after</c>, the point in time closed. Every request is checked against the specification, the point-in-time
/// answers are its own examples, and the pages built here are checked against its search response schema.
/// </summary>
public sealed class MatchStreamTests
{
    private const int FacetPage = 1000;
    private const int ArticlePage = 200;
    private const string NextPit = "pit-id-as-renewed-by-a-search";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly HttpMethod Post = HttpMethod.Post;

    /// <summary>The id the specification's example answer to open_point_in_time gives.</summary>
    private static string OpenedPit => JsonNode.Parse(SpecExamples.Inline(Post, "news/_pit", "OpenPointInTimeResponseExample1"))!["id"]!.GetValue<string>();

    private static FakeElasticsearch Cluster() => new FakeElasticsearch().WithIndex("news-v2", "news", Samples.CurrentMappings)
        .Enqueue("open-point-in-time", FakeResponse.Example(Post, "news/_pit", "OpenPointInTimeResponseExample1"))
        .Enqueue("close-point-in-time", FakeResponse.Example(HttpMethod.Delete, "_pit", "ClosePointInTimeResponseExample1"));

    private static JsonObject Facets(string id, string source = "Dawn", string? published = "2025-10-25") => new()
    {
        ["id"] = id,
        ["source"] = source,
        ["published"] = published,
        ["actors"] = new JsonArray(new JsonObject { ["name"] = "Pakistan", ["type"] = "country" }),
        ["topics"] = new JsonArray(new JsonObject { ["label"] = "Diplomacy" }),
    };

    /// <summary>
    /// A page as a point-in-time search answers it: each hit with its sort values (publication in epoch milliseconds,
    /// the id, and the _shard_doc tiebreaker Elasticsearch adds), and the point in time's id, which may change.
    /// </summary>
    private static FakeResponse Page(IEnumerable<JsonObject> sources, string pitId = NextPit)
    {
        var hits = new JsonArray();
        var shardDoc = 0;
        foreach (var source in sources)
        {
            var id = source["id"]!.GetValue<string>();
            var published = source["published"]?.GetValue<string>();
            var millis = published is null ? long.MinValue : new DateTimeOffset(DateOnly.Parse(published).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
            hits.Add(new JsonObject { ["_index"] = "news-v2", ["_id"] = id, ["_source"] = source, ["sort"] = new JsonArray(millis, id, shardDoc++) });
        }
        return FakeResponse.Json(200, new JsonObject
        {
            ["took"] = 2,
            ["timed_out"] = false,
            ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
            ["pit_id"] = pitId,
            ["hits"] = new JsonObject { ["hits"] = hits },
        });
    }

    private static IEnumerable<JsonObject> Many(int count, int first = 0) => Enumerable.Range(first, count).Select(n => Facets($"doc-{n:d5}"));

    private static void ShouldAllBeValid(FakeElasticsearch fake)
    {
        fake.RequestProblems().ShouldBeEmpty();
        fake.ResponseProblems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_match_is_read_page_after_page_through_a_point_in_time_that_is_closed_at_the_end()
    {
        var fake = Cluster().Enqueue("search-1", Page(Many(FacetPage))).Enqueue("search-1", Page(Many(1, first: FacetPage)));
        using var store = Samples.Store(fake);

        var matches = await store.MatchesAsync(new SearchRequest { Sort = SortOrder.Newest }, Token).ToListAsync(Token);

        matches.Count.ShouldBe(FacetPage + 1);
        matches.Select(m => m.Id).ShouldBeUnique();
        ShouldAllBeValid(fake);
        fake.Requests.Select(FakeElasticsearch.OperationId).ShouldBe(["open-point-in-time", "search-1", "search-1", "close-point-in-time"]);

        var open = fake.Requests[0];
        open.Path.ShouldBe("news/_pit");
        open.QueryParameters["keep_alive"].ShouldBe("5m");

        var first = fake.Requests[1].Json!;
        fake.Requests[1].Path.ShouldBe("_search"); // the point in time names the index
        first["pit"]!["id"]!.GetValue<string>().ShouldBe(OpenedPit);
        first["pit"]!["keep_alive"]!.GetValue<string>().ShouldBe("5m");
        first["search_after"].ShouldBeNull();
        first["size"]!.GetValue<int>().ShouldBe(FacetPage);
        first["track_total_hits"]!.GetValue<bool>().ShouldBeFalse();
        Sort(first).ShouldBe([("published", "desc", "_last"), ("id", "asc", null)]);
        first["_source"]!["includes"]!.AsArray().Select(f => f!.GetValue<string>())
            .ShouldBe(["id", "source", "published", "actors.name", "actors.type", "topics.label", "story"], ignoreOrder: true);

        // The next page starts after the last hit of this one, in the point in time as the last answer named it.
        var second = fake.Requests[2].Json!;
        second["pit"]!["id"]!.GetValue<string>().ShouldBe(NextPit);
        second["search_after"]!.ToJsonString().ShouldBe($"[{new DateTimeOffset(2025, 10, 25, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()},\"doc-00999\",999]");
        fake.Requests[3].Json!["id"]!.GetValue<string>().ShouldBe(NextPit);
    }

    private static List<(string Field, string Order, string? Missing)> Sort(JsonNode body) =>
        body["sort"]!.AsArray().Select(s => s!.AsObject().Single()).Select(p =>
            (p.Key, p.Value!["order"]!.GetValue<string>(), p.Value["missing"]?.GetValue<string>())).ToList();

    [Fact]
    public async Task The_matches_are_filtered_exactly_as_the_search_filters_them_oldest_first_when_asked()
    {
        var request = new SearchRequest
        {
            Query = QueryParser.Parse("Istanbul talks").Query,
            Sources = ["Dawn", "Reuters"],
            Actors = ["Türkiye"],
            Topics = ["Diplomacy"],
            From = new DateOnly(2025, 10, 1),
            To = new DateOnly(2025, 10, 31),
            Sort = SortOrder.Oldest,
        };
        var searched = Cluster();
        using (var store = Samples.Store(searched)) await store.SearchAsync(request, Token);
        var search = searched.For("search-3").Last().Json!;
        var streamed = Cluster().Enqueue("search-1", Page([]));
        using (var store = Samples.Store(streamed)) (await store.MatchesAsync(request, Token).ToListAsync(Token)).ShouldBeEmpty();

        ShouldAllBeValid(streamed);
        var page = streamed.For("search-1").Single().Json!;
        // In filter context: the text query as the search scores it, then the search's post_filter clauses.
        var filters = page["query"]!["bool"]!["filter"]!.AsArray().Select(f => f!.ToJsonString()).ToList();
        filters[0].ShouldBe(search["query"]!.ToJsonString());
        filters.Skip(1).ShouldBe(search["post_filter"]!["bool"]!["filter"]!.AsArray().Select(f => f!.ToJsonString()));
        filters.Count.ShouldBe(5);
        Sort(page).ShouldBe([("published", "asc", "_last"), ("id", "asc", null)]);
    }

    [Fact]
    public async Task Facet_values_are_read_as_the_embedded_store_writes_them()
    {
        var odd = Facets("b", source: "  ", published: null);
        odd["actors"] = new JsonArray(
            new JsonObject { ["name"] = " Pakistan ", ["type"] = "country" },
            new JsonObject { ["name"] = "PAKISTAN", ["type"] = "country" },
            new JsonObject { ["name"] = "Amina Khan", ["type"] = "person" });
        odd["topics"] = new JsonArray(new JsonObject { ["label"] = "Diplomacy" }, new JsonObject { ["label"] = "diplomacy" });
        var first = Facets("a", source: "Dawn");
        first["story"] = "c0";
        var fake = Cluster().Enqueue("search-1", Page([first, odd]));
        using var store = Samples.Store(fake);

        var matches = await store.MatchesAsync(new SearchRequest(), Token).ToListAsync(Token);

        (matches[0].Id, matches[0].Source, matches[0].Published).ShouldBe(("a", "Dawn", new DateOnly(2025, 10, 25)));
        matches[0].Actors.ShouldBe([new NamedActor("Pakistan", "country")]);
        matches[0].Topics.ShouldBe(["Diplomacy"]);
        matches[0].Story.ShouldBe("c0");
        matches[1].Story.ShouldBeNull();
        matches[1].Source.ShouldBe(EnrichedArticle.UnknownSource);
        matches[1].Published.ShouldBeNull();
        matches[1].Actors.ShouldBe([new NamedActor("Pakistan", "country"), new NamedActor("Amina Khan", "person")]);
        matches[1].Topics.ShouldBe(["Diplomacy"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Whole_articles_come_from_their_source_without_the_derived_fields_and_without_the_body_unless_asked(bool withBody)
    {
        var article = Samples.Article("c1");
        var document = JsonSerializer.SerializeToNode(article, ArticleJson.Options)!.AsObject();
        if (!withBody) document.Remove("body"); // as Elasticsearch leaves out what the request excludes
        var fake = Cluster().Enqueue("search-1", Page([document]));
        using var store = Samples.Store(fake);

        var read = (await store.MatchedArticlesAsync(new SearchRequest(), withBody, Token).ToListAsync(Token)).ShouldHaveSingleItem();

        ShouldAllBeValid(fake);
        var page = fake.For("search-1").Single().Json!;
        page["size"]!.GetValue<int>().ShouldBe(ArticlePage);
        var excluded = page["_source"]!["excludes"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        string[] derived = ["actor_names", "actors.keys", "actors.forms", "story_label", "story_terms"];
        excluded.ShouldBe(withBody ? derived : [.. derived, "body"], ignoreOrder: true);
        read.Body.ShouldBe(withBody ? article.Body : "");
        JsonSerializer.Serialize(read, ArticleJson.Options).ShouldBe(JsonSerializer.Serialize(article with { Body = read.Body }, ArticleJson.Options));
    }

    [Fact]
    public async Task A_caller_that_stops_early_closes_the_point_in_time()
    {
        var fake = Cluster().Enqueue("search-1", Page(Many(ArticlePage).Select(s => JsonSerializer.SerializeToNode(Samples.Article(s["id"]!.GetValue<string>()), ArticleJson.Options)!.AsObject())));
        using var store = Samples.Store(fake);

        var firstTwo = await store.MatchedArticlesAsync(new SearchRequest(), withBody: true, Token).Take(2).ToListAsync(Token);

        firstTwo.Count.ShouldBe(2);
        fake.For("close-point-in-time").ShouldHaveSingleItem().Json!["id"]!.GetValue<string>().ShouldBe(NextPit);
        fake.Requests.Last().ShouldBe(fake.For("close-point-in-time").Single());
    }

    [Fact]
    public async Task A_cancelled_stream_cancels_the_page_in_flight_requests_no_more_and_closes_the_point_in_time()
    {
        var fake = Cluster();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Once the first page is answered, every later request waits: the next page (fetched ahead) and the close.
        fake.Enqueue("search-1", _ =>
        {
            fake.Hold = hold;
            return Page(Many(FacetPage));
        });
        using var store = Samples.Store(fake);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var read = 0;

        var consuming = Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in store.MatchesAsync(new SearchRequest(), cancel.Token))
                if (++read == 3) await cancel.CancelAsync();
        });
        for (var waited = 0; fake.Cancelled == 0 && waited < 500; waited++) await Task.Delay(10, Token);
        hold.SetResult();
        await consuming;

        read.ShouldBe(3);
        fake.Cancelled.ShouldBe(1); // the page fetched ahead, stopped where it waited
        fake.For("search-1").Count().ShouldBe(1);
        fake.For("close-point-in-time").ShouldHaveSingleItem().Json!["id"]!.GetValue<string>().ShouldBe(NextPit);
    }

    [Fact]
    public async Task A_page_that_fails_fails_the_stream_with_the_reason_and_still_closes_the_point_in_time()
    {
        var expired = new JsonObject
        {
            ["error"] = new JsonObject { ["type"] = "search_context_missing_exception", ["reason"] = "No search context found for id [42]" },
            ["status"] = 404,
        };
        var fake = Cluster().Enqueue("search-1", Page(Many(FacetPage))).Enqueue("search-1", FakeResponse.Json(404, expired));
        using var store = Samples.Store(fake);
        var read = 0;

        var failure = await Should.ThrowAsync<ElasticsearchException>(async () =>
        {
            await foreach (var _ in store.MatchesAsync(new SearchRequest(), Token)) read++;
        });

        read.ShouldBe(FacetPage);
        failure.ErrorType.ShouldBe("search_context_missing_exception");
        failure.Message.ShouldContain("Reading the matches");
        fake.For("close-point-in-time").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_missing_index_fails_at_the_point_in_time_and_nothing_is_left_to_close()
    {
        var missing = new JsonObject
        {
            ["error"] = new JsonObject { ["type"] = "index_not_found_exception", ["reason"] = "no such index [news]" },
            ["status"] = 404,
        };
        var fake = new FakeElasticsearch().Enqueue("open-point-in-time", FakeResponse.Json(404, missing));
        using var store = Samples.Store(fake);

        var failure = await Should.ThrowAsync<ElasticsearchException>(async () => await store.MatchesAsync(new SearchRequest(), Token).ToListAsync(Token));

        failure.ErrorType.ShouldBe("index_not_found_exception");
        fake.Requests.Select(FakeElasticsearch.OperationId).ShouldBe(["open-point-in-time"]);
    }

    [Fact]
    public async Task An_invalid_request_is_refused_before_anything_is_sent()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);

        await Should.ThrowAsync<ArgumentException>(async () =>
            await store.MatchesAsync(new SearchRequest { From = new DateOnly(2025, 2, 1), To = new DateOnly(2025, 1, 1) }, Token).ToListAsync(Token));

        fake.Requests.ShouldBeEmpty();
    }
}
