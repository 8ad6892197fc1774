using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsSearch.Ingest.Api;

/// <summary>
/// Whether enrichment answers. Degraded, not unhealthy, when it does not: ingest still accepts and stores
/// articles, and delivers them once enrichment is back, so the operator sees the cause without ingest being
/// taken for down.
/// </summary>
public sealed class EnrichmentHealthCheck(IHttpClientFactory clients) : IHealthCheck
{
    /// <summary>A client without retries: a probe should report what it sees now, quickly.</summary>
    public const string ClientName = "enrichment-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync("/alive", cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy("Enrichment answers.")
                : HealthCheckResult.Degraded($"Enrichment answered {(int)response.StatusCode}; articles wait in the raw store.");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded($"Enrichment is unreachable ({exception.Message}); articles wait in the raw store.");
        }
    }
}
