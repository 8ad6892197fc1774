using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsSearch.Query.IntegrationTests;

public sealed class ValidationTests(QueryFixture fixture) : IClassFixture<QueryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    public static TheoryData<string, string> BadSearches => new()
    {
        { "sort=best", "sort" },
        { "sort=1", "sort" },
        { "from=2025-13-01", "from" },
        { "from=yesterday", "from" },
        { "to=2025%2F10%2F01", "to" },
        { "from=2025-11-01&to=2025-10-01", "from" },
        { "size=101", "size" },
        { "size=100000", "size" },
        { "size=0", "size" },
        { "size=ten", "size" },
        { "size=99999999999999999999", "size" },
        { "page=0", "page" },
        { "page=-1", "page" },
        { "page=1.5", "page" },
        { "page=101&size=100", "page" },
        { "page=10001", "page" },
        { "facetSize=0", "facetSize" },
        { "facetSize=101", "facetSize" },
        { "q=%01hidden", "q" },
        { "q=" + string.Join("%20", Enumerable.Range(0, 33).Select(i => "w" + i)), "q" },
        { "q=((((((((((a))))))))))", "q" },
        { "q=a*", "q" },
        { "q=*", "q" },
        { "q=%22%22", "q" },
        { "source=Da%00wn", "source" },
    };

    [Theory]
    [MemberData(nameof(BadSearches))]
    public async Task A_bad_parameter_gets_400_naming_that_parameter(string queryString, string parameter)
    {
        var response = await _client.GetAsync("/api/search?" + queryString, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain(parameter);
    }

    [Fact]
    public async Task A_query_over_256_characters_is_refused()
    {
        var response = await _client.GetAsync("/api/search?q=" + new string('a', 257), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("q")[0].GetString()!.ShouldContain("256");
    }

    [Fact]
    public async Task A_query_of_exactly_256_characters_is_accepted()
    {
        var response = await _client.GetAsync("/api/search?q=" + new string('a', 256), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_facet_repeated_more_than_50_times_is_refused()
    {
        var fifty = string.Join('&', Enumerable.Range(0, 50).Select(i => $"actor=a{i}"));
        var fiftyOne = fifty + "&actor=one-more";

        var allowed = await _client.GetAsync("/api/search?" + fifty, Ct);
        var refused = await _client.GetAsync("/api/search?" + fiftyOne, Ct);

        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("actor", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Every_bad_parameter_is_reported_at_once()
    {
        var response = await _client.GetAsync("/api/search?sort=best&size=0&from=x&topic=" + new string('t', 201), Ct);

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["sort", "size", "from", "topic"], ignoreOrder: true);
    }

    [Fact]
    public async Task Unknown_parameters_are_ignored()
    {
        var response = await _client.GetAsync("/api/search?q=Istanbul&colour=blue", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/suggest?limit=0", "limit")]
    [InlineData("/api/suggest?limit=51", "limit")]
    [InlineData("/api/suggest?q=pa&limit=x", "limit")]
    [InlineData("/api/suggest?q=%07", "q")]
    [InlineData("/api/articles/0123456789abcdef/similar?limit=0", "limit")]
    [InlineData("/api/articles/0123456789abcdef/similar?limit=many", "limit")]
    public async Task Bad_suggest_and_similar_parameters_get_400(string path, string parameter)
    {
        var response = await _client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue();
    }
}
