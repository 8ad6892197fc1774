using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsSearch.SearchStore;

namespace NewsSearch.Query.Api;

/// <summary>
/// The store is usable once its schema exists. The enrichment service normally creates it, but the query service
/// may start first (or on an empty data directory), so it initialises the store itself on first use, and tries
/// again on the next request when that fails, rather than failing every search until a restart.
/// </summary>
public sealed class StoreReadiness(ISearchStore store, ILogger<StoreReadiness> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public async Task<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
            return true;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                await store.InitializeAsync(cancellationToken);
                _ready = true;
            }
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The search store could not be initialised; the next request tries again");
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public static ProblemHttpResult Unavailable() => TypedResults.Problem(
        title: "Search store unavailable",
        detail: "The search store cannot be opened right now; try again shortly.",
        statusCode: StatusCodes.Status503ServiceUnavailable);
}

/// <summary>Ready when the store opens and answers.</summary>
public sealed class StoreHealthCheck(StoreReadiness readiness, ISearchStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await readiness.EnsureAsync(cancellationToken))
            return HealthCheckResult.Unhealthy("The search store cannot be initialised.");
        var health = await store.CheckHealthAsync(cancellationToken);
        return health.Healthy ? HealthCheckResult.Healthy(health.Description) : HealthCheckResult.Unhealthy(health.Description);
    }
}
