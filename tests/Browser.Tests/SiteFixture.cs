using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsSearch.Web.IntegrationTests.QueryStandIn;

[assembly: AssemblyFixture(typeof(NewsSearch.Browser.Tests.SiteFixture))]

namespace NewsSearch.Browser.Tests;

/// <summary>
/// The site the browser visits. Until the whole system is on main: the web service on a real Kestrel port
/// behind a stand-in that answers /api/* like the query service and forwards everything else, as the gateway does.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? web;
    private StandInQueryApi? standIn;

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        standIn = await StandInQueryApi.StartAsync(SampleArticles.All);
        web = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(builder => builder.UseSetting("services:query:http:0", standIn.Address));
        web.UseKestrel(0);
        web.StartServer();
        standIn.Upstream = web.ClientOptions.BaseAddress;
        BaseUrl = standIn.Address.TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (web is not null) await web.DisposeAsync();
        if (standIn is not null) await standIn.DisposeAsync();
    }
}
