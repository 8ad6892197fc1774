using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace NewsSearch.Gateway;

/// <summary>One service's readiness, as its own <c>/health</c> says it.</summary>
public sealed class ServiceHealthCheck(string service, IConfiguration configuration, IHttpClientFactory clients, IOptions<GatewayOptions> options)
    : IHealthCheck
{
    public const string ClientName = "service-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (GatewayRoutes.ServiceAddress(configuration, service) is not { } address)
            return HealthCheckResult.Unhealthy($"No address configured (services:{service}:http:0).");

        var data = new Dictionary<string, object> { ["url"] = address };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ServiceHealthTimeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(new Uri(new Uri(address), "/health"), timeout.Token);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy($"{service} answered {(int)response.StatusCode}.", data)
                : HealthCheckResult.Unhealthy($"{service} answered {(int)response.StatusCode}.", data: data);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{service} did not answer: {exception.Message}", data: data);
        }
    }
}
