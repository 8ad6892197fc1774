using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsSearch.Web;

public static class WebExtensions
{
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton<WebAssets>();
        builder.Services.AddHttpClient<QueryClient>(client =>
        {
            client.BaseAddress = QueryBaseAddress(builder.Configuration);
            // A page that waits longer than this is worse than a page that says search is unavailable.
            client.Timeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddHealthChecks().AddCheck<QueryHealthCheck>(QueryClient.ServiceName);
        return builder;
    }

    /// <summary>
    /// Aspire's convention: <c>services:query:http:0</c> names the query service's address. Using it directly
    /// works with or without a resolver for <c>http://query</c> in the HTTP pipeline.
    /// </summary>
    private static Uri QueryBaseAddress(IConfiguration configuration) =>
        new(configuration[$"services:{QueryClient.ServiceName}:http:0"] ?? $"http://{QueryClient.ServiceName}");
}

/// <summary>Ready means the pages can be served: the query service answers.</summary>
internal sealed class QueryHealthCheck(QueryClient query) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await query.IsAliveAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The query service does not answer.");
}
