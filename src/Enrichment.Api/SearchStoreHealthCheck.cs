using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsSearch.SearchStore;

namespace NewsSearch.Enrichment.Api;

/// <summary>Ready only when the search store answers: enrichment is useless without somewhere to write.</summary>
internal sealed class SearchStoreHealthCheck(ISearchStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var health = await store.CheckHealthAsync(cancellationToken);
            return health.Healthy ? HealthCheckResult.Healthy(health.Description) : HealthCheckResult.Unhealthy(health.Description);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the search store does not answer", ex);
        }
    }
}
