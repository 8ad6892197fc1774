using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NewsSearch.Query.IntegrationTests;

/// <summary>Whatever arrives in the query string, the answer is a result or a 4xx problem, never a server error.</summary>
public sealed class HostileInputTests(QueryFixture fixture) : IClassFixture<QueryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    public static TheoryData<string> SearchSyntax => new()
    {
        "\"", "\"\"", "\"unbalanced phrase", "*", "**", "a*", "*a", "pak*", "NEAR(", "NEAR(pakistan afghanistan, 5)", "NEAR/3",
        "-", "--", "-pakistan", "- -", "OR", "AND", "NOT", "OR OR", "pakistan OR", "OR pakistan", "NOT NOT NOT", "a AND OR NOT b",
        "title:", "title:Istanbul", "body:talks AND title:(x)", "source:Dawn", "{title}: x", "^", "a^2", "x~", "x~0.5", "[1 TO 5]",
        "(", ")", "((((((((((a))))))))))", "(a OR (b AND (c OR (d AND (e OR (f AND (g OR h)))))))", "+a +b", "a && b", "a || b", "!a",
        "\\", "\\\"", "'", "' OR 1=1 --", "'; DROP TABLE articles; --", ":", ";", "%", "_", "a:b:c", "col:*", "*:*",
        "\u00e9t\u00e9", "T\u00fcrkiye", "\u0627\u0641\u063a\u0627\u0646\u0633\u062a\u0627\u0646", "\ud83d\ude00", "\u200b", "\ufffd", "\u202e",
        "\u0000", "\u0001\u0002", "a\u0000b", "\t\r\n", "\u001b[31m", "\u007f",
    };

    [Theory]
    [MemberData(nameof(SearchSyntax))]
    public async Task Search_syntax_and_odd_characters_in_q_never_cause_a_server_error(string q)
    {
        var search = await _client.GetAsync("/api/search?q=" + Uri.EscapeDataString(q), Ct);
        var suggest = await _client.GetAsync("/api/suggest?q=" + Uri.EscapeDataString(q), Ct);

        AssertClientFacing(search);
        AssertClientFacing(suggest);
    }

    [Theory]
    [InlineData("q=%C3%28")]
    [InlineData("q=%FF")]
    [InlineData("q=%FF%FE%FD")]
    [InlineData("q=%ED%A0%80")]
    [InlineData("q=%F0%9F")]
    [InlineData("q=%C0%AF")]
    [InlineData("q=%%%")]
    [InlineData("q=%G1")]
    [InlineData("source=%FF&actor=%C3%28&topic=%80")]
    [InlineData("from=%FF&to=%C3%28&sort=%FF&page=%FF&size=%C3%28")]
    [InlineData("%FF=%FF")]
    public async Task Non_utf8_percent_encoding_never_causes_a_server_error(string queryString)
    {
        AssertClientFacing(await _client.GetAsync("/api/search?" + queryString, Ct));
        AssertClientFacing(await _client.GetAsync("/api/suggest?" + queryString, Ct));
    }

    [Theory]
    [InlineData("q")]
    [InlineData("source")]
    [InlineData("from")]
    [InlineData("sort")]
    [InlineData("page")]
    [InlineData("size")]
    public async Task A_10_KB_value_gets_a_400_problem(string parameter)
    {
        var response = await _client.GetAsync($"/api/search?{parameter}=" + new string('x', 10 * 1024), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_10_KB_prefix_or_id_never_causes_a_server_error()
    {
        AssertClientFacing(await _client.GetAsync("/api/suggest?q=" + new string('x', 10 * 1024), Ct));
        AssertClientFacing(await _client.GetAsync("/api/articles/" + new string('a', 10 * 1024), Ct));
        AssertClientFacing(await _client.GetAsync("/api/articles/" + new string('a', 10 * 1024) + "/similar", Ct));
    }

    [Theory]
    [InlineData("q", 300)]
    [InlineData("source", 500)]
    [InlineData("actor", 500)]
    [InlineData("topic", 500)]
    [InlineData("page", 200)]
    [InlineData("size", 200)]
    [InlineData("sort", 200)]
    [InlineData("from", 200)]
    public async Task A_parameter_repeated_by_the_hundred_never_causes_a_server_error(string parameter, int times)
    {
        var queryString = string.Join('&', Enumerable.Range(0, times).Select(i => $"{parameter}={(parameter is "page" or "size" ? "1" : "v" + i)}"));

        var response = await _client.GetAsync("/api/search?" + queryString, Ct);

        AssertClientFacing(response);
        if (parameter is "source" or "actor" or "topic")
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>
    /// Property: for thousands of generated query strings (syntax fragments, Unicode, control characters, percent
    /// junk, random facets and paging), every answer is 200 with a result or 400 with a problem.
    /// </summary>
    [Fact]
    public async Task Thousands_of_generated_queries_get_a_result_or_a_400_problem()
    {
        const int seed = 20251121;
        var random = new Random(seed);
        string[] fragments =
        [
            "pakistan", "afghanistan", "istanbul", "talks", "asif", "taliban", "ceasefire", "\"", "\"peace talks\"", "*", "pak*",
            "NEAR(", ")", "(", "-", "+", "OR", "AND", "NOT", "title:", "body:", ":", "^", "~", "\\", "'", ";", "%", "_", "&&", "||",
            "T\u00fcrkiye", "\u00e9", "\ud83d\ude00", "\u0000", "\u0007", "\u200b", "\ufffd", " ", "  ", "\t", "\n", "{", "}", "[", "]", "1", "2025",
        ];
        string[] rawFragments = ["%C3%28", "%FF", "%00", "%E2%80", "%2B", "%26", "%3D", "%25", "%"];
        string[] sorts = ["relevance", "newest", "oldest", "best", ""];
        var failures = new List<string>();

        for (var i = 0; i < 3000; i++)
        {
            var q = new StringBuilder();
            var parts = random.Next(0, 12);
            for (var p = 0; p < parts; p++)
            {
                if (random.Next(6) == 0)
                    q.Append(rawFragments[random.Next(rawFragments.Length)]);
                else
                    q.Append(Uri.EscapeDataString(fragments[random.Next(fragments.Length)]));
                if (random.Next(2) == 0) q.Append("%20");
            }
            var queryString = "q=" + q;
            if (random.Next(4) == 0) queryString += "&source=" + Uri.EscapeDataString(fragments[random.Next(fragments.Length)]);
            if (random.Next(4) == 0) queryString += "&actor=Pakistan&actor=" + Uri.EscapeDataString(fragments[random.Next(fragments.Length)]);
            if (random.Next(5) == 0) queryString += "&sort=" + sorts[random.Next(sorts.Length)];
            if (random.Next(5) == 0) queryString += $"&page={random.Next(-2, 120)}&size={random.Next(-2, 120)}";
            if (random.Next(8) == 0) queryString += $"&from=2025-{random.Next(0, 14):00}-{random.Next(0, 33):00}";

            var response = await _client.GetAsync("/api/search?" + queryString, Ct);
            var ok = response.StatusCode switch
            {
                HttpStatusCode.OK => IsSearchAnswer(await response.Content.ReadFromJsonAsync<JsonElement>(Ct)),
                HttpStatusCode.BadRequest => response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                _ => false,
            };
            if (!ok)
                failures.Add($"{(int)response.StatusCode} /api/search?{queryString}");
        }

        failures.ShouldBeEmpty($"seed {seed}");
    }

    /// <summary>A well-formed answer: no more hits than the total and the page size allow.</summary>
    private static bool IsSearchAnswer(JsonElement answer)
    {
        var hits = answer.GetProperty("hits").GetArrayLength();
        return hits <= answer.GetProperty("total").GetInt64() && hits <= answer.GetProperty("size").GetInt32()
            && answer.GetProperty("facets").ValueKind == JsonValueKind.Object;
    }

    private static void AssertClientFacing(HttpResponseMessage response)
    {
        ((int)response.StatusCode).ShouldBeLessThan(500, response.RequestMessage?.RequestUri?.ToString());
        if ((int)response.StatusCode >= 400)
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }
}
