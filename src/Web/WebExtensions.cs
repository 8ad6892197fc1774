using Microsoft.Extensions.Http.Resilience;
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
            // ServiceDefaults resolves the name from services:query:http:0 (Aspire's convention).
            client.BaseAddress = new Uri($"http://{QueryClient.ServiceName}");
            // The resilience handler's timeouts below govern each call.
            client.Timeout = Timeout.InfiniteTimeSpan;
        })
        .WithoutResilience()
        .AddStandardResilienceHandler()
        .Configure((resilience, provider) =>
        {
            provider.GetRequiredService<IConfiguration>().GetSection(ServiceDefaultsExtensions.ResilienceSection).Bind(resilience);
            // A page that waits longer than this is worse than a page that says search is unavailable.
            resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
            resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddHealthChecks().AddCheck<QueryHealthCheck>(QueryClient.ServiceName);
        return builder;
    }
}

/// <summary>Ready means the pages can be served: the query service answers.</summary>
internal sealed class QueryHealthCheck(QueryClient query) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await query.IsAliveAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The query service does not answer.");
}
