extern alias gateway;
extern alias query;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsSearch.Query.IntegrationTests;

namespace NewsSearch.Gateway.IntegrationTests;

/// <summary>A web project started by WebApplicationFactory on a real Kestrel port, with the given configuration.</summary>
public sealed class KestrelHost<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IWebHostBuilder>? _configure;

    public KestrelHost(IReadOnlyDictionary<string, string?> settings, Action<IWebHostBuilder>? configure = null)
    {
        _settings = settings;
        _configure = configure;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        Url = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public string Url { get; }

    /// <summary>A plain client on the real port (no redirects followed, so they can be asserted).</summary>
    public HttpClient Connect() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(Url) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        _configure?.Invoke(builder);
    }
}

/// <summary>
/// The system under test: the real gateway in front of the real query service (over a small crafted store) and
/// stand-ins for ingest and web. Tests that need other limits start their own gateway with <see cref="StartGateway"/>.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string ConfiguredKey = "config-key-7c1f0b2e";
    public const string AllowedOrigin = "https://news.example.org";
    public const int ArticleLimit = 4096;
    public const int BatchLimit = 64 * 1024;

    public string DataDir { get; } = Directory.CreateTempSubdirectory("gateway-tests-").FullName;
    public KestrelHost<query::Program> Query { get; private set; } = null!;
    public StandIn Ingest { get; private set; } = null!;
    public StandIn Web { get; private set; } = null!;
    public KestrelHost<gateway::Program> Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await TestStore.CreateAsync(DataDir, TestArticles.All);
        Query = new KestrelHost<query::Program>(new Dictionary<string, string?> { ["Data:Dir"] = DataDir, ["Query:Timeout"] = "00:00:30" });
        Ingest = await StandIn.StartIngestAsync();
        Web = await StandIn.StartAsync("web");
        Gateway = StartGateway();
    }

    public Dictionary<string, string?> GatewaySettings() => new()
    {
        ["Data:Dir"] = DataDir,
        ["services:query:http:0"] = Query.Url,
        ["services:ingest:http:0"] = Ingest.Url,
        ["services:web:http:0"] = Web.Url,
        ["Gateway:ApiKeys:0"] = ConfiguredKey,
        ["Gateway:Cors:Origins:0"] = AllowedOrigin,
        ["Gateway:BodyLimits:Article"] = ArticleLimit.ToString(),
        ["Gateway:BodyLimits:Batch"] = BatchLimit.ToString(),
        // Generous, so a loaded CI machine cannot mark a live service unhealthy mid-test.
        ["Gateway:ServiceHealthTimeout"] = "00:00:30",
    };

    public KestrelHost<gateway::Program> StartGateway(Action<Dictionary<string, string?>>? change = null, Action<IWebHostBuilder>? configure = null)
    {
        var settings = GatewaySettings();
        change?.Invoke(settings);
        return new KestrelHost<gateway::Program>(settings, configure);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Web.DisposeAsync();
        await Ingest.DisposeAsync();
        await Query.DisposeAsync();
        Directory.Delete(DataDir, recursive: true);
    }
}
