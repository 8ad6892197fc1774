using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace NewsSearch.EndToEnd.Tests;

/// <summary>
/// The real application, as <c>dotnet run --project AppHost</c> declares it, started by Aspire's testing builder
/// on a temporary data directory: every service a process of its own, found through service discovery. One per
/// test class (starting six processes takes a while on two cores); disposing it stops every one of them.
/// </summary>
public class AspireSystem : IAsyncLifetime
{
    public static readonly string[] Services = ["enrichment", "ingest", "query", "web", "gateway"];

    /// <summary>Generous on purpose: a loaded two-core machine starting six .NET processes.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private DistributedApplication? _app;

    public string DataDir { get; } = Directory.CreateTempSubdirectory("newssearch-e2e-").FullName;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    /// <summary>More <c>--Key=Value</c> settings for the AppHost, as an operator would give them.</summary>
    protected virtual IEnumerable<string> Settings => [];

    /// <summary>Aspire's testing builder leaves the dashboard out unless asked for it.</summary>
    protected virtual bool WithDashboard => false;

    public virtual async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"--Data:Dir={DataDir}", .. Settings], (options, _) => options.DisableDashboard = !WithDashboard, timeout.Token);
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
    }

    /// <summary>The gateway, with the generated API key on every request unless told otherwise.</summary>
    public async Task<HttpClient> GatewayAsync(bool withApiKey = true)
    {
        var client = App.CreateHttpClient("gateway");
        client.Timeout = TimeSpan.FromSeconds(60);
        if (withApiKey)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", await ApiKeyAsync());
        }
        return client;
    }

    public async Task<string> ApiKeyAsync()
    {
        var parameter = App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<ParameterResource>().Single(resource => resource.Name == "api-key");
        return (await parameter.GetValueAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>The service process itself (DCP runs it under <c>dotnet run</c>, whose PID the resource shows).</summary>
    public int ServiceProcessId(string resource)
    {
        App.ResourceNotifications.TryGetCurrentState(resource, out var current).ShouldBeTrue($"no state for {resource}");
        var launcher = Convert.ToInt32(current!.Snapshot.Properties.Single(property => property.Name == "executable.pid").Value,
            System.Globalization.CultureInfo.InvariantCulture);
        return Processes.ChildrenOf(launcher).SingleOrDefault(launcher);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A service still closing a file; the OS cleans temp.
        }
        GC.SuppressFinalize(this);
    }
}
