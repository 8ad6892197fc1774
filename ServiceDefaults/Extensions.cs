using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsSearch.Articles;
using NewsSearch.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every service shares: telemetry, health, service discovery, resilience, problem details and the
/// watchdog. Follows the Aspire ServiceDefaults contract so the services also run under a real Aspire AppHost.
/// </summary>
public static class ServiceDefaultsExtensions
{
    private const string LiveTag = "live";
    private const string HealthPath = "/health";
    private const string AlivePath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddTelemetry();

        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(options => ArticleJson.Configure(options.SerializerOptions));
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.AddOptions<HttpResilienceOptions>()
            .BindConfiguration(HttpResilienceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<HttpResiliencePipelines>();
        builder.Services.AddTransient<HttpResilienceHandler>();
        builder.Services.AddTransient<ServiceDiscoveryHandler>();
        builder.Services.ConfigureHttpClientDefaults(http => http
            // Resilience outside discovery, so every retry resolves the name again.
            .AddHttpMessageHandler<HttpResilienceHandler>()
            .AddHttpMessageHandler<ServiceDiscoveryHandler>());

        builder.Services.Configure<WatchdogOptions>(watchdog =>
            watchdog.ParentPid = builder.Configuration.GetValue<int?>(WatchdogOptions.ParentPidKey));
        builder.Services.AddHostedService<ParentProcessWatchdog>();
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Problem details for unhandled exceptions and for bare error status codes; never a stack trace,
        // whatever the environment (the developer exception page never sees an exception caught here).
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(static async (context, next) =>
        {
            if (IsProbe(context.Request.Path))
            {
                Telemetry.DropCurrentTrace(context);
            }
            try
            {
                await next(context);
                Telemetry.DescribeServerSpan(context, failed: false);
            }
            catch
            {
                // The exception handler outside answers 500 after this; the span says so already.
                Telemetry.DescribeServerSpan(context, failed: true);
                throw;
            }
        });

        // Ready: every registered check, including the dependency checks a service adds. Live: the process answers.
        app.MapHealthChecks(HealthPath);
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        return app;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(HealthPath) || path.StartsWithSegments(AlivePath);
}
