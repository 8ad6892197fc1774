using System.Text.Json.Nodes;
using NewsSearch.SearchStore.Elasticsearch.Tests.Fakes;
using NewsSearch.SearchStore.Elasticsearch.Tests.Spec;
using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Elasticsearch.Tests;

/// <summary>The adapter reads the documented answers, and answers in the documented shape that carry our aggregations.</summary>
public sealed class ResponseParsingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static FakeElasticsearch Cluster() => new FakeElasticsearch().WithIndex("news-v2", "news", Samples.CurrentMappings);

    [Fact]
    public async Task The_documented_search_response_is_read_into_hits_and_its_total()
    {
        var fake = Cluster().Enqueue("search", FakeResponse.Example("_global__search__200_response__SearchResponseExample1"));
        using var store = Samples.Store(fake);

        var result = await store.SearchAsync(new SearchRequest { Page = 3, Size = 20 }, Token);

        result.Total.ShouldBe(20);
        var hit = result.Hits.ShouldHaveSingleItem();
        hit.Id.ShouldBe("0");
        hit.Score.ShouldBe(1.3862942, 1e-6);
        // Its _source is a log line, not an article: "source" is an object there, and is read as no source at all.
        hit.Source.ShouldBe("");
        hit.Title.ShouldBe("");
        result.Facets.Source.ShouldBeEmpty();
        result.Facets.Date.ShouldBeEmpty();
    }

    [Fact]
    public async Task Answers_with_a_numeric_total_and_hits_without_source_are_read_without_failing()
    {
        // rest_total_hits_as_int: "total" is a number; a hit without _source; no aggregations at all.
        var fake = Cluster()
            .Enqueue("search", FakeResponse.Json(200, new JsonObject { ["hits"] = new JsonObject { ["total"] = 3, ["hits"] = new JsonArray(new JsonObject { ["_id"] = "x", ["_score"] = null }) } }));
        using var store = Samples.Store(fake);

        var result = await store.SearchAsync(new SearchRequest(), Token);

        result.Total.ShouldBe(3);
        result.Hits.Single().Id.ShouldBe("x");
        result.Facets.Actor.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_documented_count_response_is_the_count()
    {
        var fake = Cluster().Enqueue("count", FakeResponse.Example("_global__count__200_response__CountResponseExample1"));
        using var store = Samples.Store(fake);

        (await store.CountAsync(Token)).ShouldBe(1);
    }

    [Fact]
    public async Task The_documented_delete_response_means_deleted_and_a_not_found_answer_means_there_was_none()
    {
        var fake = Cluster()
            .Enqueue("delete", FakeResponse.Example("_global__delete__response__DeleteResponseExample1"))
            .Enqueue("delete", FakeResponse.Json(404, new JsonObject { ["_index"] = "news-v2", ["_id"] = "1", ["_version"] = 1, ["result"] = "not_found", ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["failed"] = 0 } }));
        using var store = Samples.Store(fake);

        (await store.DeleteAsync("1", Token)).ShouldBeTrue();
        (await store.DeleteAsync("1", Token)).ShouldBeFalse();
        fake.RequestProblems().ShouldBeEmpty();
        fake.For("delete").ShouldAllBe(r => r.QueryParameters["refresh"] == "wait_for");
    }

    [Fact]
    public async Task A_documented_get_response_whose_source_is_not_an_article_is_reported_as_such()
    {
        var fake = Cluster()
            .Enqueue("get", FakeResponse.Example("_global__get__response__GetResponseExample1"))
            .Enqueue("get", FakeResponse.Example("_global__get__response__GetResponseExample2"));
        using var store = Samples.Store(fake);

        (await Should.ThrowAsync<InvalidDataException>(() => store.GetAsync("0", Token))).Message.ShouldContain("not an article");
        (await Should.ThrowAsync<InvalidDataException>(() => store.GetAsync("1", Token))).Message.ShouldContain("no _source");
    }

    [Fact]
    public async Task Get_of_a_missing_document_is_null_but_a_missing_index_is_an_error()
    {
        var fake = Cluster().Enqueue("get", FakeResponse.Json(404, new JsonObject
        {
            ["error"] = new JsonObject { ["type"] = "index_not_found_exception", ["reason"] = "no such index [news]" },
            ["status"] = 404,
        }));
        using var store = Samples.Store(fake);

        (await Should.ThrowAsync<ElasticsearchException>(() => store.GetAsync("a", Token))).ErrorType.ShouldBe("index_not_found_exception");
        (await store.GetAsync("a", Token)).ShouldBeNull();
    }

    [Fact]
    public async Task Facets_are_read_from_the_aggregations_with_types_selection_and_selected_values_outside_the_top()
    {
        var fake = Cluster()
            .Enqueue("search", FakeResponse.Json(200, SearchRequestTests.AliasAnswer()))
            .Enqueue("search", FakeResponse.Json(200, FacetedAnswer()));
        using var store = Samples.Store(fake);

        var result = await store.SearchAsync(new SearchRequest { Query = QueryParser.Parse("talks").Query, Actors = ["port authority"], Sources = ["Dawn"], FacetSize = 2 }, Token);

        fake.ResponseProblems.ShouldBeEmpty();
        result.Facets.Source.ShouldBe([new FacetValue("Dawn", 3, true), new FacetValue("Reuters", 2, false)]);
        result.Facets.Actor.ShouldBe([
            new FacetValue("Pakistan", 4, false, "country"),
            new FacetValue("Afghanistan", 3, false, "country"),
            new FacetValue("Port Authority", 1, true, "organisation"),
        ]);
        result.Facets.Topic.ShouldBe([new FacetValue("Diplomacy", 2, false)]);
        result.Facets.DateInterval.ShouldBe(DateInterval.Day);
        result.Facets.Date.ShouldBe([new DateBucket("2025-10-25", 1), new DateBucket("2025-10-26", 0), new DateBucket("2025-10-27", 2)]);
        var hit = result.Hits.ShouldHaveSingleItem();
        hit.Snippet.ShouldBe("peace <mark>talks</mark> in Istanbul &lt;b&gt;");
        hit.Actors.ShouldBe(["Pakistan", "Türkiye"]);
        hit.Topics.ShouldBe(["Diplomacy"]);
        hit.Published.ShouldBe(new DateOnly(2025, 10, 25));
        hit.Title.ShouldBe("Talks resume");
    }

    [Fact]
    public async Task The_date_histogram_switches_to_months_when_the_days_span_more_than_about_two_months()
    {
        var answer = FacetedAnswer();
        var day = answer["aggregations"]!["filter#date"]!["date_histogram#day"]!["buckets"]!.AsArray();
        day.Add(new JsonObject { ["key_as_string"] = "2026-01-10", ["key"] = 1768003200000, ["doc_count"] = 1 });
        var fake = Cluster().Enqueue("search", FakeResponse.Json(200, answer));
        using var store = Samples.Store(fake);

        var result = await store.SearchAsync(new SearchRequest(), Token);

        result.Facets.DateInterval.ShouldBe(DateInterval.Month);
        result.Facets.Date.ShouldBe([new DateBucket("2025-10", 3), new DateBucket("2025-11", 0), new DateBucket("2025-12", 0), new DateBucket("2026-01", 1)]);
    }

    [Fact]
    public async Task The_undated_count_is_read_from_the_missing_aggregation_of_the_date_facet()
    {
        var answer = FacetedAnswer();
        answer["aggregations"]!["filter#date"]!["missing#undated"] = new JsonObject { ["doc_count"] = 2 };
        var fake = Cluster().Enqueue("search", FakeResponse.Json(200, answer));
        using var store = Samples.Store(fake);

        var result = await store.SearchAsync(new SearchRequest(), Token);

        result.Facets.Undated.ShouldBe(2);
        fake.Requests.Last().Body!.ShouldContain("\"missing\"");
    }

    [Fact]
    public async Task Suggestions_are_read_from_the_aggregations_and_titles_and_ranked_by_count()
    {
        var fake = Cluster().Enqueue("search", FakeResponse.Json(200, SuggestAnswer()));
        using var store = Samples.Store(fake);

        var suggestions = await store.SuggestAsync("tal", 10, Token);

        fake.ResponseProblems.ShouldBeEmpty();
        suggestions.ShouldBe([
            new Suggestion("Tehreek-e-Taliban Pakistan", SuggestionKind.Actor, 2),
            new Suggestion("Talks resume", SuggestionKind.Title, 1),
        ]);
    }

    [Fact]
    public async Task Health_is_the_alias_answering_and_unreachable_clusters_are_unhealthy_not_exceptions()
    {
        var fake = Cluster();
        using var store = Samples.Store(fake);
        (await store.CheckHealthAsync(Token)).Healthy.ShouldBeTrue();

        var down = Cluster().Enqueue("count", FakeResponse.Throws(new HttpRequestException("connection refused")));
        using var unreachable = Samples.Store(down);
        var health = await unreachable.CheckHealthAsync(Token);
        health.Healthy.ShouldBeFalse();
        health.Description.ShouldContain("connection refused");
    }

    /// <summary>
    /// A search answer in the documented shape, with the aggregations our request asks for, named as the client asks
    /// for them (typed_keys: "filter#source"), which is how it knows each aggregation's type.
    /// </summary>
    internal static JsonObject FacetedAnswer()
    {
        static JsonObject Terms(params JsonObject[] buckets) => new() { ["doc_count_error_upper_bound"] = 0, ["sum_other_doc_count"] = 0, ["buckets"] = new JsonArray(buckets) };
        static JsonObject Bucket(string key, int count, JsonObject? type = null)
        {
            var bucket = new JsonObject { ["key"] = key, ["doc_count"] = count };
            if (type is not null) bucket["sterms#type"] = type;
            return bucket;
        }
        static JsonObject Day(string day, int count) => new() { ["key_as_string"] = day, ["key"] = DateTimeOffset.Parse(day + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), ["doc_count"] = count };

        return new JsonObject
        {
            ["took"] = 4,
            ["timed_out"] = false,
            ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
            ["hits"] = new JsonObject
            {
                ["total"] = new JsonObject { ["value"] = 1, ["relation"] = "eq" },
                ["max_score"] = 2.5,
                ["hits"] = new JsonArray(new JsonObject
                {
                    ["_index"] = "news-v2",
                    ["_id"] = "0123456789abcdef",
                    ["_score"] = 2.5,
                    ["_source"] = new JsonObject
                    {
                        ["id"] = "0123456789abcdef", ["title"] = "Talks resume", ["source"] = "Dawn", ["published"] = "2025-10-25",
                        ["actors"] = new JsonArray(new JsonObject { ["name"] = "Pakistan" }, new JsonObject { ["name"] = "Türkiye" }),
                        ["topics"] = new JsonArray(new JsonObject { ["label"] = "Diplomacy" }),
                    },
                    ["highlight"] = new JsonObject
                    {
                        ["body"] = new JsonArray("peace <mark>talks</mark> in Istanbul &lt;b&gt;"),
                        ["body.plain"] = new JsonArray("peace talks in Istanbul &lt;b&gt;"),
                    },
                }),
            },
            ["aggregations"] = new JsonObject
            {
                ["filter#source"] = new JsonObject { ["doc_count"] = 5, ["sterms#values"] = Terms(Bucket("Dawn", 3), Bucket("Reuters", 2)) },
                ["filter#actor"] = new JsonObject
                {
                    ["doc_count"] = 5,
                    ["nested#nested"] = new JsonObject
                    {
                        ["doc_count"] = 12,
                        ["sterms#values"] = Terms(Bucket("Pakistan", 4, Terms(Bucket("country", 4))), Bucket("Afghanistan", 3, Terms(Bucket("country", 3)))),
                        ["filters#selected"] = new JsonObject
                        {
                            // One bucket per selected value, in the order asked: "port authority".
                            ["buckets"] = new JsonArray(new JsonObject
                            {
                                ["doc_count"] = 1,
                                ["sterms#display"] = Terms(Bucket("Port Authority", 1, Terms(Bucket("organisation", 1)))),
                            }),
                        },
                    },
                },
                ["filter#topic"] = new JsonObject { ["doc_count"] = 5, ["nested#nested"] = new JsonObject { ["doc_count"] = 6, ["sterms#values"] = Terms(Bucket("Diplomacy", 2)) } },
                ["filter#date"] = new JsonObject
                {
                    ["doc_count"] = 3,
                    ["date_histogram#day"] = new JsonObject { ["buckets"] = new JsonArray(Day("2025-10-25", 1), Day("2025-10-26", 0), Day("2025-10-27", 2)) },
                    ["date_histogram#month"] = new JsonObject
                    {
                        ["buckets"] = new JsonArray(
                            new JsonObject { ["key_as_string"] = "2025-10", ["key"] = 1759276800000, ["doc_count"] = 3 },
                            new JsonObject { ["key_as_string"] = "2025-11", ["key"] = 1761955200000, ["doc_count"] = 0 },
                            new JsonObject { ["key_as_string"] = "2025-12", ["key"] = 1764547200000, ["doc_count"] = 0 },
                            new JsonObject { ["key_as_string"] = "2026-01", ["key"] = 1767225600000, ["doc_count"] = 1 }),
                    },
                },
            },
        };
    }

    private static JsonObject SuggestAnswer()
    {
        static JsonObject Terms(params JsonObject[] buckets) => new() { ["doc_count_error_upper_bound"] = 0, ["sum_other_doc_count"] = 0, ["buckets"] = new JsonArray(buckets) };
        return new JsonObject
        {
            ["took"] = 2,
            ["timed_out"] = false,
            ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
            ["hits"] = new JsonObject { ["max_score"] = null, ["hits"] = new JsonArray() },
            ["aggregations"] = new JsonObject
            {
                ["nested#actor"] = new JsonObject
                {
                    ["doc_count"] = 9,
                    ["filter#matching"] = new JsonObject { ["doc_count"] = 2, ["sterms#values"] = Terms(new JsonObject { ["key"] = "Tehreek-e-Taliban Pakistan", ["doc_count"] = 2 }) },
                },
                ["nested#topic"] = new JsonObject { ["doc_count"] = 4, ["filter#matching"] = new JsonObject { ["doc_count"] = 0, ["sterms#values"] = Terms() } },
                ["filter#source"] = new JsonObject { ["doc_count"] = 0, ["sterms#values"] = Terms() },
                ["filter#title"] = new JsonObject
                {
                    ["doc_count"] = 1,
                    ["top_hits#top"] = new JsonObject
                    {
                        ["hits"] = new JsonObject
                        {
                            ["total"] = new JsonObject { ["value"] = 1, ["relation"] = "eq" },
                            ["max_score"] = 1.0,
                            ["hits"] = new JsonArray(new JsonObject { ["_index"] = "news-v2", ["_id"] = "a", ["_score"] = 1.0, ["_source"] = new JsonObject { ["title"] = "Talks resume" } }),
                        },
                    },
                },
            },
        };
    }
}
