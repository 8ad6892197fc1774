extern alias QueryApi;

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsSearch.Articles;
using NewsSearch.SearchStore;

namespace NewsSearch.Web.IntegrationTests.Query;

/// <summary>
/// The real query service on a real loopback port, over a search store in a temporary directory that holds
/// exactly the given articles (written the way enrichment writes them). It records each path it is asked for,
/// so tests can see what the web service requested.
/// </summary>
public sealed class RealQueryApi : IAsyncDisposable
{
    private readonly WebApplicationFactory<QueryApi::Program> _factory;
    private readonly DirectoryInfo _dataDir;
    private readonly List<string> _requests = [];

    private RealQueryApi(DirectoryInfo dataDir)
    {
        _dataDir = dataDir;
        _factory = new WebApplicationFactory<QueryApi::Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Data:Dir", dataDir.FullName);
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RecordRequests(_requests)));
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where Kestrel actually listens (port 0 asks the OS for a free one).</summary>
    public string Address => _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<RealQueryApi> StartAsync(IReadOnlyList<EnrichedArticle> articles)
    {
        var dataDir = Directory.CreateTempSubdirectory("web-tests-");
        using (var store = (IDisposable)SearchStoreFactory.Create(new SearchStoreOptions { DataDir = dataDir.FullName }))
        {
            var search = (ISearchStore)store;
            await search.InitializeAsync(CancellationToken.None);
            var result = await search.UpsertAsync(articles, CancellationToken.None);
            if (!result.AllIndexed) throw new InvalidOperationException("Test articles not indexed: " + string.Join(", ", result.Failed));
        }
        var api = new RealQueryApi(dataDir);
        api._factory.StartServer();
        return api;
    }

    public int RequestCount
    {
        get { lock (_requests) return _requests.Count; }
    }

    public string[] RequestsSince(int index)
    {
        lock (_requests) return [.. _requests.Skip(index)];
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try
        {
            _dataDir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still be closing its WAL file; temp is cleaned by the OS.
        }
    }

    private sealed class RecordRequests(List<string> requests) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                    lock (requests) requests.Add(context.Request.Path + context.Request.QueryString);
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
