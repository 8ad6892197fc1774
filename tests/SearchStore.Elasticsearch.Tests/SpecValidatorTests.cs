using System.Text.Json.Nodes;
using NewsSearch.SearchStore.Elasticsearch.Tests.Spec;

namespace NewsSearch.SearchStore.Elasticsearch.Tests;

/// <summary>The validator itself: it must accept what the specification documents and reject what it does not.</summary>
public sealed class SpecValidatorTests
{
    /// <summary>
    /// Examples that use what the OpenAPI description does not declare, although Elasticsearch accepts it.
    /// The validator is right to reject them by the description; the adapter uses none of these forms.
    /// </summary>
    private static readonly Dictionary<string, string> NarrowerThanTheExamples = new(StringComparer.Ordinal)
    {
        ["_global__bulk__request__BulkRequestExample2"] = "_source in an update action line; UpdateOperation does not declare it",
        ["_global__delete_by_query__request__DeleteByQueryRequestExample3"] = "slice.id as a number; the description types Id as a string",
        ["_global__search__request__SearchRequestExample3"] = "slice.id as a number; the description types Id as a string",
        ["_global__mget__request__MultiGetRequestExample2"] = "_source as a field list and the include/exclude spellings; SourceConfig has neither",
    };

    public static TheoryData<string> DocumentedRequestsWithBodies()
    {
        var data = new TheoryData<string>();
        foreach (var name in SpecExamples.Names("__request__"))
        {
            var example = SpecExamples.Load(name);
            // The file is the serverless description: examples of stack-only features (shard counts) are not in it.
            var stackOnly = example.Availability.SequenceEqual(["stack"]);
            if (example.Body.Length > 0 && example.MethodRequest is not null && !stackOnly && !NarrowerThanTheExamples.ContainsKey(name)) data.Add(name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedRequestsWithBodies))]
    public void The_validator_accepts_the_documented_request_examples(string name)
    {
        var example = SpecExamples.Load(name);
        var request = ToRequest(example.MethodRequest!, example.Body);

        RequestValidator.Problems(request).ShouldBeEmpty();
    }

    [Fact]
    public void The_validator_rejects_a_misspelled_search_property()
    {
        var request = ToRequest("POST /news/_search", """{"query":{"match_all":{}},"post_filtr":{"match_all":{}}}""");

        RequestValidator.Problems(request).ShouldHaveSingleItem().ShouldContain("post_filtr");
    }

    [Fact]
    public void The_validator_rejects_an_aggregation_with_two_kinds()
    {
        var request = ToRequest("POST /news/_search", """{"aggregations":{"a":{"terms":{"field":"x"},"avg":{"field":"y"}}}}""");

        RequestValidator.Problems(request).ShouldNotBeEmpty();
    }

    [Fact]
    public void The_validator_rejects_a_misspelled_parameter_inside_an_inherited_aggregation_or_query()
    {
        RequestValidator.Problems(ToRequest("POST /news/_search", """{"aggregations":{"a":{"date_histogram":{"field":"x","calender_interval":"day"}}}}"""))
            .ShouldHaveSingleItem().ShouldContain("calender_interval");
        RequestValidator.Problems(ToRequest("POST /news/_search", """{"query":{"match":{"title":{"query":"x","bost":2}}}}"""))
            .ShouldHaveSingleItem().ShouldContain("bost");
        RequestValidator.Problems(ToRequest("POST /news/_search", """{"query":{"terms":{"source":"not a list"}}}""")).ShouldNotBeEmpty();
        RequestValidator.Problems(ToRequest("POST /news/_search", """{"sort":[{"published":{"order":"newest"}}]}""")).ShouldNotBeEmpty();
    }

    [Fact]
    public void The_validator_accepts_an_aggregation_with_sub_aggregations()
    {
        var request = ToRequest("POST /news/_search", """{"aggregations":{"a":{"terms":{"field":"x"},"aggregations":{"b":{"max":{"field":"y"}}}}}}""");

        RequestValidator.Problems(request).ShouldBeEmpty();
    }

    [Fact]
    public void The_validator_rejects_a_value_of_the_wrong_type()
    {
        var request = ToRequest("POST /news/_search", """{"size":"ten"}""");

        RequestValidator.Problems(request).ShouldNotBeEmpty();
    }

    [Fact]
    public void The_validator_rejects_an_undocumented_operation_and_query_parameter()
    {
        RequestValidator.Problems(ToRequest("POST /news/_searchh", "{}")).ShouldNotBeEmpty();
        RequestValidator.Problems(ToRequest("POST /news/_search?refresh_now=true", "{}")).ShouldHaveSingleItem().ShouldContain("refresh_now");
    }

    [Fact]
    public void The_validator_rejects_a_bulk_action_line_with_an_unknown_action()
    {
        var request = new CapturedRequest(HttpMethod.Post, "news/_bulk", "", "application/x-ndjson", "{\"upsert\":{\"_id\":\"1\"}}\n{\"a\":1}\n", null);

        RequestValidator.Problems(request).ShouldNotBeEmpty();
    }

    [Fact]
    public void Answers_are_checked_against_the_response_schema()
    {
        var spec = ElasticsearchSpec.Instance;
        var bulk = spec.ResponseSchema(spec.Find(HttpMethod.Post, "news/_bulk")!, 200)!;

        RequestValidator.Validate(bulk, SpecExamples.Text("_global__bulk__response__BulkResponseExample2")).ShouldBeEmpty();
        RequestValidator.Validate(bulk, """{"took":"fast","errors":false,"items":[]}""").ShouldNotBeEmpty();
        RequestValidator.Validate(bulk, """{"took":1,"errors":false,"items":[{"index":{"_index":"i","status":"ok"}}]}""").ShouldNotBeEmpty();
    }

    /// <summary>
    /// A request from an example's <c>method_request</c> ("POST /_bulk", "GET my-index/_search?from=40").
    /// The examples use the short query forms (<c>"term": {"user.id": "kimchy"}</c>) that the OpenAPI description
    /// does not model; they are expanded to the long form, the only one the adapter sends.
    /// </summary>
    private static CapturedRequest ToRequest(string methodRequest, string body)
    {
        var (method, target) = (methodRequest.Split(' ', 2)[0], methodRequest.Split(' ', 2)[1].TrimStart('/'));
        var path = target.Split('?', 2)[0];
        var query = target.Contains('?') ? "?" + target.Split('?', 2)[1] : "";
        var isBulk = path.EndsWith("_bulk", StringComparison.Ordinal);
        var text = body.Length == 0 || isBulk ? body : ExpandShortForms(JsonNode.Parse(body)!).ToJsonString();
        if (isBulk && !text.EndsWith('\n')) text += "\n";
        return new CapturedRequest(new HttpMethod(method), path, query, isBulk ? "application/x-ndjson" : "application/json", text, null);
    }

    private static readonly Dictionary<string, string> ShortForms = new(StringComparer.Ordinal)
    {
        ["term"] = "value", ["prefix"] = "value", ["wildcard"] = "value", ["regexp"] = "value", ["fuzzy"] = "value",
        ["match"] = "query", ["match_phrase"] = "query", ["match_phrase_prefix"] = "query", ["match_bool_prefix"] = "query",
    };

    private static JsonNode ExpandShortForms(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (ShortForms.TryGetValue(key, out var valueName) && value is JsonObject fields)
                    {
                        foreach (var (field, fieldValue) in fields.ToList())
                            if (fieldValue is JsonValue scalar) fields[field] = new JsonObject { [valueName] = scalar.DeepClone() };
                    }
                    if (obj[key] is { } child) ExpandShortForms(child);
                }
                break;
            case JsonArray array:
                foreach (var item in array) if (item is not null) ExpandShortForms(item);
                break;
        }
        return node;
    }
}
