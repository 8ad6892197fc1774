using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsSearch.Web.IntegrationTests.Query;

namespace NewsSearch.Web.IntegrationTests;

/// <summary>The web service pointed (through <c>services:query:http:0</c>) at the real query API on a real port.</summary>
public sealed class WebFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? factory;

    public RealQueryApi Query { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Query = await RealQueryApi.StartAsync(SampleArticles.All);
        factory = WebFactory.For(Query.Address);
        Client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public string[] RequestsSince(int index) => Query.RequestsSince(index);

    public int RequestCount => Query.RequestCount;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        await Query.DisposeAsync();
    }
}

public static class WebFactory
{
    public static WebApplicationFactory<Program> For(string queryAddress) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.UseSetting("services:query:http:0", queryAddress));
}
