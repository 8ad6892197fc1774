using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsSearch.ServiceDefaults.Tests;

public sealed class ServiceDiscoveryTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>(value.Key, value.Value)))
            .Build();

    private static async Task<Uri> SentTo(IConfiguration configuration, string address)
    {
        var network = new RecordingHandler();
        using var client = new HttpClient(new ServiceDiscoveryHandler(configuration) { InnerHandler = network });
        using var _ = await client.GetAsync(address, TestContext.Current.CancellationToken);
        return network.Requests.Single();
    }

    [Fact]
    public async Task A_service_name_is_sent_to_the_first_configured_http_endpoint_with_path_and_query_kept()
    {
        var configuration = Configuration(
            ("services:enrichment:http:0", "http://127.0.0.1:5123"),
            ("services:enrichment:http:1", "http://127.0.0.1:6000"));

        var sent = await SentTo(configuration, "http://enrichment/enrich?batch=2");

        sent.ShouldBe(new Uri("http://127.0.0.1:5123/enrich?batch=2"));
    }

    [Fact]
    public async Task An_https_address_uses_the_https_endpoint_not_the_http_one()
    {
        var configuration = Configuration(
            ("services:query:http:0", "http://127.0.0.1:5000"),
            ("services:query:https:0", "https://127.0.0.1:5001"));

        var sent = await SentTo(configuration, "https://query/api/search?q=talks");

        sent.ShouldBe(new Uri("https://127.0.0.1:5001/api/search?q=talks"));
    }

    [Fact]
    public async Task An_endpoint_with_a_base_path_keeps_it_in_front_of_the_request_path()
    {
        var configuration = Configuration(("services:query:http:0", "http://10.0.0.5:8080/search/"));

        var sent = await SentTo(configuration, "http://query/api/suggest?q=is");

        sent.ShouldBe(new Uri("http://10.0.0.5:8080/search/api/suggest?q=is"));
    }

    [Fact]
    public async Task A_host_that_is_not_a_configured_service_is_left_alone()
    {
        var configuration = Configuration(("services:enrichment:http:0", "http://127.0.0.1:5123"));

        var sent = await SentTo(configuration, "http://example.org:9200/_bulk");

        sent.ShouldBe(new Uri("http://example.org:9200/_bulk"));
    }

    [Fact]
    public async Task Every_HttpClient_a_service_creates_resolves_service_names()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["services:ingest:http:0"] = "http://127.0.0.1:41000";
        builder.AddServiceDefaults();
        var network = new RecordingHandler();
        builder.Services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => network));
        builder.Services.AddHttpClient("typed", client => client.BaseAddress = new Uri("http://ingest"));
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("typed");
        using var _ = await client.GetAsync("/api/pipeline", TestContext.Current.CancellationToken);

        network.Requests.Single().ShouldBe(new Uri("http://127.0.0.1:41000/api/pipeline"));
    }
}
