using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsSearch.AppHost;

/// <summary>
/// Once the gateway is healthy (and so every service behind it), says where to go: the gateway's address, where
/// the API key is, and how long the start took. The dashboard's login address is logged by Aspire itself.
/// </summary>
public static class ReadyAnnouncement
{
    public static IDistributedApplicationBuilder AnnounceWhenReady(
        this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway, SystemSettings settings)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        builder.Eventing.Subscribe<ResourceReadyEvent>(gateway.Resource, (ready, _) =>
        {
            var logger = ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NewsSearch.AppHost");
            logger.LogInformation(
                "All services healthy after {Seconds:0.0} s. Gateway (web UI and API): {GatewayUrl} | " +
                "API key for write routes (header X-Api-Key): the dashboard's api-key parameter, or " +
                "`dotnet user-secrets list --project AppHost` (Parameters:api-key) | data in {DataDir} | Ctrl+C stops everything.",
                started.Elapsed.TotalSeconds, settings.GatewayUrl.GetLeftPart(UriPartial.Authority), settings.DataDir);
            return Task.CompletedTask;
        });
        return builder;
    }
}
