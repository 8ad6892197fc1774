using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsSearch.Web.IntegrationTests.QueryStandIn;

namespace NewsSearch.Web.IntegrationTests;

/// <summary>The web service pointed (through <c>services:query:http:0</c>) at a stand-in query API on a real port.</summary>
public sealed class WebFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? factory;

    public StandInQueryApi Query { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Query = await StandInQueryApi.StartAsync(SampleArticles.All);
        factory = WebFactory.For(Query.Address);
        Client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public string[] RequestsSince(int index)
    {
        lock (Query.Requests) return [.. Query.Requests.Skip(index)];
    }

    public int RequestCount
    {
        get { lock (Query.Requests) return Query.Requests.Count; }
    }

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
