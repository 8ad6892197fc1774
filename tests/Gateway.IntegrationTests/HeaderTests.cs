using System.Net;
using System.Net.Http.Json;

namespace NewsSearch.Gateway.IntegrationTests;

public sealed class HeaderTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Gateway.Connect();

    [Fact]
    public async Task A_callers_request_id_is_echoed_and_forwarded_to_the_service()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles/x") { Headers = { { "X-Request-Id", "client-42.a_b:c" } } };

        var response = await _client.SendAsync(request, Ct);

        response.Headers.GetValues("X-Request-Id").Single().ShouldBe("client-42.a_b:c");
        (await response.Content.ReadFromJsonAsync<Echo>(Ct))!.RequestId.ShouldBe("client-42.a_b:c");
    }

    [Fact]
    public async Task A_search_answers_with_the_request_id_once_even_though_the_query_service_echoes_it_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=talks") { Headers = { { "X-Request-Id", "search-7" } } };

        var response = await _client.SendAsync(request, Ct);

        response.Headers.GetValues("X-Request-Id").ShouldBe(["search-7"]);
    }

    [Fact]
    public async Task A_request_without_an_id_gets_a_new_one_that_the_service_sees_too()
    {
        var response = await _client.GetAsync("/articles/x", Ct);

        var id = response.Headers.GetValues("X-Request-Id").Single();
        id.Length.ShouldBe(32);
        (await response.Content.ReadFromJsonAsync<Echo>(Ct))!.RequestId.ShouldBe(id);
    }

    [Theory]
    [InlineData("has spaces in it")]
    [InlineData("<script>alert(1)</script>")]
    public async Task An_unsafe_request_id_is_replaced(string unsafeId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles/x");
        request.Headers.TryAddWithoutValidation("X-Request-Id", unsafeId);

        var response = await _client.SendAsync(request, Ct);

        response.Headers.GetValues("X-Request-Id").Single().ShouldNotBe(unsafeId);
    }

    [Fact]
    public async Task Problems_written_by_the_gateway_carry_the_request_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Headers = { { "X-Request-Id", "trace-me-1" } } };

        var response = await _client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.GetValues("X-Request-Id").Single().ShouldBe("trace-me-1");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("\"requestId\":\"trace-me-1\"");
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_may_send_the_api_key()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/articles")
        {
            Headers =
            {
                { "Origin", GatewayFixture.AllowedOrigin },
                { "Access-Control-Request-Method", "POST" },
                { "Access-Control-Request-Headers", "x-api-key,content-type" },
            },
        };

        var response = await _client.SendAsync(preflight, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe(GatewayFixture.AllowedOrigin);
        response.Headers.GetValues("Access-Control-Allow-Headers").Single().ToLowerInvariant().ShouldContain("x-api-key");
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().ShouldContain("POST");
    }

    [Fact]
    public async Task A_preflight_from_another_origin_is_not_allowed()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/articles")
        {
            Headers = { { "Origin", "https://evil.example.com" }, { "Access-Control-Request-Method", "POST" } },
        };

        var response = await _client.SendAsync(preflight, Ct);

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task A_cross_origin_read_from_an_allowed_origin_may_see_the_request_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=talks") { Headers = { { "Origin", GatewayFixture.AllowedOrigin } } };

        var response = await _client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe(GatewayFixture.AllowedOrigin);
        response.Headers.GetValues("Access-Control-Expose-Headers").Single().ShouldContain("X-Request-Id");
    }
}
