using System.Text.Json.Nodes;
using NewsSearch.SearchStore.Elasticsearch.Tests.Fakes;
using NewsSearch.SearchStore.Elasticsearch.Tests.Spec;
using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Elasticsearch.Tests;

/// <summary>What the adapter asks Elasticsearch for: every request checked against the specification, and its meaning.</summary>
public sealed class SearchRequestTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static FakeElasticsearch Cluster() => new FakeElasticsearch().WithIndex("news-v2", "news", Samples.CurrentMappings);

    private static Query Q(string text) => QueryParser.Parse(text).Query!;

    private static async Task<(FakeElasticsearch Fake, JsonNode Body)> SearchAsync(SearchRequest request)
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);
        await store.SearchAsync(request, Token);
        fake.RequestProblems().ShouldBeEmpty();
        return (fake, fake.For("search").Last().Json!);
    }

    public static TheoryData<string> Queries() =>
    [
        "talks", "\"peace talks\"", "negotia*", "Istanbul AND ceasefire", "cranes OR lantern", "Istanbul -ceasefire",
        "-Istanbul", "ceasefire OR -Istanbul", "(cranes OR floods) AND valley", "Khyber OR (Istanbul AND Qatar)",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Every_query_shape_with_every_filter_and_sort_is_a_valid_search_request(string query)
    {
        foreach (var sort in Enum.GetValues<SortOrder>())
        {
            await SearchAsync(new SearchRequest
            {
                Query = Q(query),
                Sources = ["Dawn", "Reuters"],
                Actors = ["Türkiye"],
                Topics = ["Diplomacy"],
                From = new DateOnly(2025, 10, 1),
                To = new DateOnly(2025, 10, 31),
                Sort = sort,
                Page = 3,
                Size = 20,
                FacetSize = 5,
            });
        }
    }

    [Fact]
    public async Task A_search_without_query_or_filters_is_a_valid_request_without_highlighting()
    {
        var (_, body) = await SearchAsync(new SearchRequest());

        body["query"]!.ToJsonString(Samples.Relaxed).ShouldBe("""{"match_all":{}}""");
        body["highlight"].ShouldBeNull();
        body["post_filter"].ShouldBeNull();
        body["_source"]!["includes"]!.AsArray().Select(f => (string)f!).ShouldContain("body");
    }

    [Fact]
    public async Task User_text_reaches_Elasticsearch_only_as_the_value_of_match_phrase_and_prefix_queries()
    {
        const string hostile = """title:cranes {"query_string":{"query":"*"}} NEAR(a b) cranes^2 \"x""";
        var parsed = QueryParser.Parse(hostile);
        parsed.Query.ShouldNotBeNull();

        var (_, body) = await SearchAsync(new SearchRequest { Query = parsed.Query });

        var query = body["query"]!.ToJsonString(Samples.Relaxed);
        query.ShouldNotContain("query_string\":{");
        query.ShouldNotContain("simple_query_string");
        foreach (var (kind, value) in Leaves(body["query"]!))
        {
            kind.ShouldBeOneOf("match", "match_phrase", "prefix");
            value.ShouldNotBeNullOrEmpty();
        }
    }

    /// <summary>Every (query kind, text) pair of the leaves of a translated query.</summary>
    private static IEnumerable<(string Kind, string Value)> Leaves(JsonNode node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array) foreach (var leaf in Leaves(item!)) yield return leaf;
            yield break;
        }
        if (node is not JsonObject obj) yield break;
        foreach (var (key, value) in obj)
        {
            if (key is "match" or "match_phrase" or "prefix")
            {
                var field = value!.AsObject().Single().Value!;
                yield return (key, (string?)field["query"] ?? (string?)field["value"] ?? "");
            }
            else if (value is not null && key is not "match_all")
                foreach (var leaf in Leaves(value)) yield return leaf;
        }
    }

    [Fact]
    public async Task Title_and_actor_names_are_weighted_above_the_body()
    {
        var (_, body) = await SearchAsync(new SearchRequest { Query = Q("ceasefire") });

        var should = body["query"]!["bool"]!["should"]!.AsArray();
        double Boost(string field) => should.Select(c => c!["match"]![field]?["boost"]).First(b => b is not null)!.GetValue<double>();
        Boost("title").ShouldBeGreaterThan(Boost("body"));
        Boost("actor_names").ShouldBeGreaterThan(Boost("body"));
    }

    [Fact]
    public async Task Facet_filters_are_a_post_filter_and_each_facet_is_counted_under_the_other_facets_filters_only()
    {
        var (_, body) = await SearchAsync(new SearchRequest
        {
            Query = Q("Pakistan"),
            Sources = ["Dawn"],
            Actors = ["Türkiye", "Qatar"],
            Topics = ["Diplomacy"],
            From = new DateOnly(2025, 10, 1),
        });

        var post = body["post_filter"]!["bool"]!["filter"]!.AsArray().Select(f => f!.ToJsonString(Samples.Relaxed)).ToList();
        post.Count.ShouldBe(4);
        post.ShouldContain("""{"terms":{"source.folded":["Dawn"]}}""");
        post.ShouldContain("""{"nested":{"path":"actors","query":{"terms":{"actors.name.folded":["Türkiye","Qatar"]}}}}""");
        post.ShouldContain("""{"nested":{"path":"topics","query":{"terms":{"topics.label.folded":["Diplomacy"]}}}}""");
        post.ShouldContain("""{"range":{"published":{"format":"strict_date","gte":"2025-10-01"}}}""");
        body["query"]!.ToJsonString(Samples.Relaxed).ShouldNotContain("source.folded");

        string Filters(string facet) => body["aggregations"]![facet]!["filter"]!.ToJsonString(Samples.Relaxed);
        Filters("source").ShouldNotContain("source.folded");
        Filters("source").ShouldContain("actors.name.folded");
        Filters("actor").ShouldNotContain("actors.name.folded");
        Filters("actor").ShouldContain("topics.label.folded");
        Filters("topic").ShouldNotContain("topics.label.folded");
        Filters("topic").ShouldContain("source.folded");
        Filters("date").ShouldContain("source.folded");
        Filters("date").ShouldNotContain("\"range\"");
    }

    [Fact]
    public async Task Facet_sizes_come_from_the_request_and_selected_values_get_their_own_buckets()
    {
        var (_, body) = await SearchAsync(new SearchRequest { Actors = ["Port Authority"], FacetSize = 7 });

        var actor = body["aggregations"]!["actor"]!["aggregations"]!["nested"]!["aggregations"]!;
        actor["values"]!["terms"]!["size"]!.GetValue<int>().ShouldBe(7);
        actor["values"]!["terms"]!["field"]!.GetValue<string>().ShouldBe("actors.name");
        actor["selected"]!["filters"]!["filters"]!.AsArray().Single()!.ToJsonString(Samples.Relaxed)
            .ShouldBe("""{"term":{"actors.name.folded":{"value":"Port Authority"}}}""");
        body["aggregations"]!["source"]!["aggregations"]!["values"]!["terms"]!["size"]!.GetValue<int>().ShouldBe(7);
        body["aggregations"]!["source"]!["aggregations"]!["selected"].ShouldBeNull();
    }

    [Fact]
    public async Task The_date_histogram_asks_for_days_and_months_by_calendar_interval()
    {
        var (_, body) = await SearchAsync(new SearchRequest());

        var date = body["aggregations"]!["date"]!["aggregations"]!;
        date["day"]!["date_histogram"]!["calendar_interval"]!.GetValue<string>().ShouldBe("day");
        date["month"]!["date_histogram"]!["calendar_interval"]!.GetValue<string>().ShouldBe("month");
        date["day"]!["date_histogram"]!["field"]!.GetValue<string>().ShouldBe("published");
    }

    [Fact]
    public async Task Highlighting_asks_for_mark_tags_around_matches_and_html_encoding_of_the_rest()
    {
        var (_, body) = await SearchAsync(new SearchRequest { Query = Q("talks") });

        var highlight = body["highlight"]!;
        highlight["encoder"]!.GetValue<string>().ShouldBe("html");
        highlight["pre_tags"]!.ToJsonString(Samples.Relaxed).ShouldBe("""["<mark>"]""");
        highlight["post_tags"]!.ToJsonString(Samples.Relaxed).ShouldBe("""["</mark>"]""");
        highlight["fields"]!.AsArray().Select(f => f!.AsObject().Single().Key).ShouldBe(["body", "body.plain"]);
    }

    [Theory]
    [InlineData(SortOrder.Relevance, "_score")]
    [InlineData(SortOrder.Newest, "published")]
    [InlineData(SortOrder.Oldest, "published")]
    public async Task Sorting_and_paging_map_to_sort_from_size_with_an_id_tie_break_and_exact_totals(SortOrder sort, string first)
    {
        var (_, body) = await SearchAsync(new SearchRequest { Sort = sort, Page = 3, Size = 20 });

        body["from"]!.GetValue<int>().ShouldBe(40);
        body["size"]!.GetValue<int>().ShouldBe(20);
        body["track_total_hits"]!.GetValue<bool>().ShouldBeTrue();
        var keys = body["sort"]!.AsArray().Select(s => s!.AsObject().Single().Key).ToList();
        keys[0].ShouldBe(first);
        keys[^1].ShouldBe("id");
        if (sort != SortOrder.Relevance)
        {
            body["sort"]![0]!["published"]!["order"]!.GetValue<string>().ShouldBe(sort == SortOrder.Newest ? "desc" : "asc");
            body["sort"]![0]!["published"]!["missing"]!.GetValue<string>().ShouldBe("_last");
        }
    }

    [Fact]
    public async Task A_page_beyond_the_result_window_is_rejected_before_any_request()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);

        await Should.ThrowAsync<ArgumentException>(() => store.SearchAsync(new SearchRequest { Page = 1001, Size = 10 }, Token));

        fake.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Words_that_name_an_actor_are_looked_up_in_the_alias_table_and_searched_with_every_known_name()
    {
        var fake = Cluster();
        fake.Enqueue("search", FakeResponse.Json(200, AliasAnswer(("Türkiye", ["turkiye", "turkey"], ["Türkiye", "Turkey"]))));
        using var store = Samples.Store(fake);

        await store.SearchAsync(new SearchRequest { Query = Q("Turkey talks") }, Token);

        fake.RequestProblems().ShouldBeEmpty();
        fake.ResponseProblems.ShouldBeEmpty();
        var (lookup, search) = (fake.For("search").First().Json!, fake.For("search").Last().Json!);
        lookup["size"]!.GetValue<int>().ShouldBe(0);
        var keys = lookup["aggregations"]!["actors"]!["aggregations"]!["matching"]!["filter"]!["terms"]!["actors.keys"]!.AsArray().Select(k => (string)k!);
        keys.ShouldBe(["turkey", "talks"], ignoreOrder: true);
        var phrases = Leaves(search["query"]!).Where(l => l.Kind == "match_phrase").Select(l => l.Value).Distinct().ToList();
        phrases.ShouldBe(["Türkiye"]);
    }

    [Fact]
    public async Task Prefix_words_are_folded_and_searched_on_the_unstemmed_subfields()
    {
        var (_, body) = await SearchAsync(new SearchRequest { Query = Q("NÉGOTIA*") });

        var prefixes = body["query"]!["bool"]!["should"]!.AsArray().Select(c => c!["prefix"]!.AsObject().Single()).ToList();
        prefixes.Select(p => p.Key).ShouldBe(["title.plain", "actor_names.plain", "body.plain"]);
        prefixes.ShouldAllBe(p => (string)p.Value!["value"]! == "negotia");
    }

    [Fact]
    public async Task Suggest_and_similar_send_valid_requests()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);
        await store.UpsertAsync([Samples.Article("0123456789abcdef"), Samples.Article("fedcba9876543210", source: "Reuters")], Token);

        await store.SuggestAsync("tür", 10, Token);
        await store.SuggestAsync("t", 10, Token);
        await store.SimilarAsync("0123456789abcdef", 5, Token);

        fake.RequestProblems().ShouldBeEmpty();
        var suggest = fake.For("search-3").First().Json!;
        suggest["size"]!.GetValue<int>().ShouldBe(0);
        suggest["aggregations"]!["title"].ShouldNotBeNull();
        fake.For("search-3").Skip(1).First().Json!["aggregations"]!["title"].ShouldBeNull("one letter is too short to complete titles");
        var similar = fake.For("search-3").Last().Json!["query"]!["bool"]!;
        // One clause (or one like document) is sent as itself, which Elasticsearch takes as a list of one.
        similar["must_not"]!.ToJsonString(Samples.Relaxed).ShouldBe("""{"ids":{"values":["0123456789abcdef"]}}""");
        similar["must"]!["bool"]!["should"]![0]!["more_like_this"]!["like"]!.ToJsonString(Samples.Relaxed).ShouldBe("""{"_id":"0123456789abcdef","_index":"news"}""");
    }

    [Fact]
    public async Task Similar_of_an_unknown_id_asks_nothing_but_the_document()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);

        (await store.SimilarAsync("ffffffffffffffff", 5, Token)).ShouldBeEmpty();

        fake.Requests.Select(FakeElasticsearch.OperationId).ShouldBe(["get"]);
    }

    internal static JsonObject AliasAnswer(params (string Name, string[] Keys, string[] Forms)[] actors)
    {
        JsonArray Buckets(IEnumerable<string> keys) => new([.. keys.Select(k => (JsonNode)new JsonObject { ["key"] = k, ["doc_count"] = 1 })]);
        var names = new JsonArray();
        foreach (var (name, keys, forms) in actors)
        {
            names.Add(new JsonObject
            {
                ["key"] = name, ["doc_count"] = 1,
                ["sterms#keys"] = new JsonObject { ["doc_count_error_upper_bound"] = 0, ["sum_other_doc_count"] = 0, ["buckets"] = Buckets(keys) },
                ["sterms#forms"] = new JsonObject { ["doc_count_error_upper_bound"] = 0, ["sum_other_doc_count"] = 0, ["buckets"] = Buckets(forms) },
            });
        }
        return new JsonObject
        {
            ["took"] = 1, ["timed_out"] = false,
            ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
            ["hits"] = new JsonObject { ["max_score"] = null, ["hits"] = new JsonArray() },
            ["aggregations"] = new JsonObject
            {
                ["nested#actors"] = new JsonObject
                {
                    ["doc_count"] = 3,
                    ["filter#matching"] = new JsonObject
                    {
                        ["doc_count"] = 2,
                        ["sterms#names"] = new JsonObject { ["doc_count_error_upper_bound"] = 0, ["sum_other_doc_count"] = 0, ["buckets"] = names },
                    },
                },
            },
        };
    }
}
