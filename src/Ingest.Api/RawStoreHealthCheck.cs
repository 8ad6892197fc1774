using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsSearch.Ingest.Api;

/// <summary>Ready only when the raw store answers: without it nothing can be acknowledged.</summary>
public sealed class RawStoreHealthCheck(RawStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CheckAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The raw store does not answer.", exception);
        }
    }
}
