using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsSearch.Gateway.IntegrationTests;

public sealed class ApiKeyTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Gateway.Connect();

    public static TheoryData<string, string> ProtectedRoutes => new()
    {
        { "POST", "/api/articles" },
        { "POST", "/api/articles/batch" },
        { "DELETE", "/api/articles/0123456789abcdef" },
        { "POST", "/api/pipeline/retry" },
        { "POST", "/api/admin/reindex" },
        { "GET", "/api/admin/anything" },
    };

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task A_write_or_admin_call_without_a_key_gets_401(string method, string path)
    {
        var response = await _client.SendAsync(Request(method, path, key: null), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.WwwAuthenticate.ToString().ShouldContain("X-Api-Key");
    }

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task A_write_or_admin_call_with_a_wrong_key_gets_403(string method, string path)
    {
        var response = await _client.SendAsync(Request(method, path, key: "not-" + GatewayFixture.ConfiguredKey), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("status").GetInt32().ShouldBe(403);
        problem.GetRawText().ShouldNotContain(GatewayFixture.ConfiguredKey);
    }

    [Fact]
    public async Task A_configured_key_is_accepted()
    {
        var response = await _client.SendAsync(Request("POST", "/api/articles", GatewayFixture.ConfiguredKey), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_key_that_only_shares_a_prefix_with_a_real_key_is_refused()
    {
        var response = await _client.SendAsync(Request("POST", "/api/articles", GatewayFixture.ConfiguredKey[..^1]), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static HttpRequestMessage Request(string method, string path, string? key)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
            request.Content = new StringContent("An article about talks in Istanbul.");
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        return request;
    }
}
