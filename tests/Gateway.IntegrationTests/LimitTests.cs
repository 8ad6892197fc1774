using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsSearch.Gateway.IntegrationTests;

public sealed class LimitTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = fixture.Gateway.Connect();

    [Fact]
    public async Task An_article_over_the_size_limit_gets_413_before_it_reaches_ingest()
    {
        var response = await _client.SendAsync(Post("/api/articles", new StringContent(new string('a', GatewayFixture.ArticleLimit + 1))), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_streamed_article_without_length_over_the_limit_gets_413()
    {
        var content = new StreamContent(new MemoryStream(new byte[GatewayFixture.ArticleLimit * 4]));
        content.Headers.ContentType = new("text/plain");
        var request = Post("/api/articles", content);
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_batch_may_be_larger_than_a_single_article()
    {
        var body = string.Concat(Enumerable.Repeat("{\"text\":\"An article about talks in Istanbul.\"}\n", 200));
        Encoding.UTF8.GetByteCount(body).ShouldBeInRange(GatewayFixture.ArticleLimit + 1, GatewayFixture.BatchLimit);

        var response = await _client.SendAsync(Post("/api/articles/batch", new StringContent(body)), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<Echo>(Ct))!.BodyBytes.ShouldBe(Encoding.UTF8.GetByteCount(body));
    }

    [Fact]
    public async Task A_batch_over_its_own_limit_gets_413()
    {
        var response = await _client.SendAsync(Post("/api/articles/batch", new ByteArrayContent(new byte[GatewayFixture.BatchLimit + 1])), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_client_over_its_read_budget_gets_429_with_retry_after_while_others_and_writes_go_on()
    {
        await using var gateway = fixture.StartGateway(settings =>
        {
            settings["Gateway:RateLimits:Reads:TokenLimit"] = "3";
            settings["Gateway:RateLimits:Reads:TokensPerPeriod"] = "1";
            settings["Gateway:RateLimits:Reads:Period"] = "00:10:00";
        });
        using var client = gateway.Connect();

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            allowed.Add((await client.GetAsync("/api/search?q=talks", Ct)).StatusCode);
        var refused = await client.GetAsync("/api/suggest?q=pak", Ct);
        var write = await client.SendAsync(Post("/api/articles", new StringContent("text")), Ct);
        using var otherClient = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=talks") { Headers = { { "X-Forwarded-For", "203.0.113.7" } } };
        var other = await client.SendAsync(otherClient, Ct);
        var health = await client.GetAsync("/alive", Ct);

        allowed.ShouldAllBe(status => status == HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        int.Parse(refused.Headers.GetValues("Retry-After").Single()).ShouldBeInRange(1, 600);
        write.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_client_over_its_write_budget_gets_429_while_its_reads_go_on()
    {
        await using var gateway = fixture.StartGateway(settings =>
        {
            settings["Gateway:RateLimits:Writes:TokenLimit"] = "1";
            settings["Gateway:RateLimits:Writes:TokensPerPeriod"] = "1";
            settings["Gateway:RateLimits:Writes:Period"] = "00:10:00";
        });
        using var client = gateway.Connect();

        var first = await client.SendAsync(Post("/api/articles", new StringContent("text")), Ct);
        var second = await client.SendAsync(Post("/api/articles", new StringContent("text")), Ct);
        var read = await client.GetAsync("/api/search", Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        second.Headers.Contains("Retry-After").ShouldBeTrue();
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Searches_past_the_concurrency_cap_get_503_with_retry_after_and_other_reads_go_on()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var slowQuery = await StandIn.StartAsync("query", app => app.MapGet("/api/search", async (HttpContext context) =>
        {
            started.TrySetResult();
            await release.Task;
            return await StandIn.EchoAsync(context, "query");
        }));
        await using var gateway = fixture.StartGateway(settings =>
        {
            settings["services:query:http:0"] = slowQuery.Url;
            settings["Gateway:RateLimits:ConcurrentSearches"] = "1";
            settings["Gateway:RateLimits:SearchQueue"] = "0";
        });
        using var client = gateway.Connect();

        var first = client.GetAsync("/api/search?q=one", Ct);
        await started.Task.WaitAsync(Ct);
        var second = await client.GetAsync("/api/search?q=two", Ct);
        var similar = await client.GetAsync("/api/articles/0123456789abcdef/similar", Ct);
        var suggest = await client.GetAsync("/api/suggest?q=pa", Ct);
        release.SetResult();

        second.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        second.Headers.GetValues("Retry-After").Single().ShouldBe("1");
        (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetInt32().ShouldBe(503);
        similar.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        suggest.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path)
    {
        Headers = { { "X-Api-Key", GatewayFixture.ConfiguredKey } },
        Content = content,
    };
}
