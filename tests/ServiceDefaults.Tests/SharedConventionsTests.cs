using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsSearch.ServiceDefaults.Tests;

/// <summary>What every service gets from the defaults: request ids, its OpenAPI document, the malformed-id answer.</summary>
public sealed class SharedConventionsTests
{
    private const string EchoClient = "echo";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task<WebApplication> StartService(bool describesApi)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        builder.Services.AddHttpClient(EchoClient).ConfigurePrimaryHttpMessageHandler(() => new EchoRequestId());
        if (describesApi)
        {
            builder.AddOpenApiDocument("Test API", "What the test service does.");
        }

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/id", (HttpContext context) => context.TraceIdentifier);
        app.MapGet("/articles/{id}", (string id) => MalformedArticleId.ProblemFor(id) ?? Results.Ok(id));
        // Calls another service while answering: what that service would receive comes back.
        app.MapGet("/calls-on", async (IHttpClientFactory clients, CancellationToken cancellationToken) =>
            (await clients.CreateClient(EchoClient).GetAsync("http://127.0.0.1:9/", cancellationToken)).Headers.GetValues(RequestIdMiddleware.Header).Single());
        await app.StartAsync(Cancellation);
        return app;
    }

    [Fact]
    public async Task A_sane_request_id_is_taken_over_and_echoed()
    {
        await using var app = await StartService(describesApi: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/id") { Headers = { { RequestIdMiddleware.Header, "gw-0042" } } };

        using var response = await app.GetTestClient().SendAsync(request, Cancellation);

        response.Headers.GetValues(RequestIdMiddleware.Header).ShouldBe(["gw-0042"]);
        (await response.Content.ReadAsStringAsync(Cancellation)).ShouldBe("gw-0042");
    }

    [Fact]
    public async Task The_request_id_goes_on_with_the_calls_made_while_answering()
    {
        await using var app = await StartService(describesApi: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/calls-on") { Headers = { { RequestIdMiddleware.Header, "gw-0042" } } };

        using var response = await app.GetTestClient().SendAsync(request, Cancellation);

        (await response.Content.ReadAsStringAsync(Cancellation)).ShouldBe("gw-0042");
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("line\u2028break")]
    public async Task A_missing_or_unsafe_request_id_is_replaced_by_a_new_one(string given)
    {
        await using var app = await StartService(describesApi: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/id");
        request.Headers.TryAddWithoutValidation(RequestIdMiddleware.Header, given);

        using var response = await app.GetTestClient().SendAsync(request, Cancellation);

        var id = response.Headers.GetValues(RequestIdMiddleware.Header).Single();
        id.ShouldNotBe(given);
        id.ShouldMatch("^[0-9a-f]{32}$");
    }

    [Fact]
    public async Task A_service_that_describes_its_api_serves_the_document_without_its_internal_address()
    {
        await using var app = await StartService(describesApi: true);

        var document = await app.GetTestClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancellation);

        document.GetProperty("info").GetProperty("title").GetString().ShouldBe("Test API");
        (!document.TryGetProperty("servers", out var servers) || servers.GetArrayLength() == 0).ShouldBeTrue();
        document.GetProperty("paths").TryGetProperty("/articles/{id}", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_service_that_does_not_describe_its_api_serves_no_document()
    {
        await using var app = await StartService(describesApi: false);

        using var response = await app.GetTestClient().GetAsync("/openapi/v1.json", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("0123456789ABCDEF")]
    [InlineData("0123456789abcdef0")]
    public async Task A_malformed_article_id_answers_400_problem(string id)
    {
        await using var app = await StartService(describesApi: false);

        using var response = await app.GetTestClient().GetAsync($"/articles/{id}", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("title").GetString().ShouldBe(MalformedArticleId.Title);
    }

    [Fact]
    public async Task A_well_formed_article_id_passes()
    {
        await using var app = await StartService(describesApi: false);

        using var response = await app.GetTestClient().GetAsync("/articles/0123456789abcdef", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Stands in for the called service: answers with the request id it was sent.</summary>
    private sealed class EchoRequestId : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK);
            response.Headers.Add(RequestIdMiddleware.Header, request.Headers.TryGetValues(RequestIdMiddleware.Header, out var ids) ? ids.Single() : "none");
            return Task.FromResult(response);
        }
    }
}
