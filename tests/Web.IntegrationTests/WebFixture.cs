using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsSearch.Web.IntegrationTests.Query;

namespace NewsSearch.Web.IntegrationTests;

/// <summary>The web service pointed (through <c>services:query:http:0</c>) at the real query API on a real port.</summary>
public sealed class WebFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public RealQueryApi Query { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Query = await RealQueryApi.StartAsync(SampleArticles.All);
        _factory = WebFactory.For(Query.Address);
        Client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public string[] RequestsSince(int index) => Query.RequestsSince(index);

    public int RequestCount => Query.RequestCount;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await Query.DisposeAsync();
    }
}

public static class WebFactory
{
    public static WebApplicationFactory<Program> For(string queryAddress) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.UseSetting("services:query:http:0", queryAddress));
}
