using System.Net;
using System.Net.Sockets;
using NewsSearch.Web.IntegrationTests.Query;

namespace NewsSearch.Web.IntegrationTests;

public sealed class QueryServiceDownTests : IAsyncLifetime
{
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _factory = WebFactory.For($"http://127.0.0.1:{UnusedPort()}");
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_search_page_says_search_is_unavailable_with_status_503_and_keeps_the_query()
    {
        var (status, html) = await _client.PageAsync("/?q=talks&source=Dawn");

        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        html.ShouldContain("Search is unavailable right now");
        html.ShouldContain("<a href=\"/?q=talks&amp;source=Dawn\">Try again</a>");
        Html.Tags(html, "id=\"q\"").Single().ShouldContain("value=\"talks\"");
    }

    [Fact]
    public async Task The_article_page_says_the_article_cannot_be_shown_with_status_503()
    {
        var (status, html) = await _client.PageAsync($"/articles/{SampleArticles.TalksCollapseId}");

        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        html.ShouldContain("This article cannot be shown right now");
    }

    [Fact]
    public async Task Once_the_circuit_to_query_is_open_pages_still_say_search_is_unavailable_rather_than_fail()
    {
        // A breaker that opens after two calls, so a few page views trip it; its BrokenCircuitException must be
        // answered like any other outage.
        await using var tripping = WebFactory.For($"http://127.0.0.1:{UnusedPort()}").WithWebHostBuilder(web => web
            .UseSetting("Http:Resilience:CircuitBreaker:MinimumThroughput", "2")
            .UseSetting("Http:Resilience:CircuitBreaker:FailureRatio", "0.1")
            .UseSetting("Http:Resilience:Retry:MaxRetryAttempts", "1")
            .UseSetting("Http:Resilience:Retry:Delay", "00:00:00.010"));
        using var pages = tripping.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var view = 0; view < 6; view++)
        {
            var (status, html) = await pages.PageAsync("/?q=talks");
            statuses.Add(status);
            html.ShouldContain("Search is unavailable right now");
        }

        statuses.ShouldAllBe(status => status == HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Health_reports_unhealthy_while_the_query_service_is_down()
    {
        using var response = await _client.GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }
}
