using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using NewsSearch.Articles;
using NewsSearch.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every service shares, as Aspire's ServiceDefaults template does it: OpenTelemetry, health checks,
/// service discovery and the standard resilience handler on every HttpClient; plus request ids, problem-details
/// errors, the article JSON conventions and, for a service that describes its API, the OpenAPI document.
/// </summary>
public static class ServiceDefaultsExtensions
{
    private const string LiveTag = "live";
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    /// <summary>Where the standard resilience handler's settings are bound from (e.g. <c>Http:Resilience:Retry:MaxRetryAttempts</c>).</summary>
    public const string ResilienceSection = "Http:Resilience";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddTelemetry();

        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(options => ArticleJson.Configure(options.SerializerOptions));
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Bound by hand: the overload that takes the section refuses one that is not there, the usual case.
            http.AddStandardResilienceHandler().Configure(options => builder.Configuration.GetSection(ResilienceSection).Bind(options));
            http.AddServiceDiscovery();
            http.AddHttpMessageHandler(() => new RequestIdForwarding());
        });
        builder.Services.RemoveResilienceFromTelemetryExporters();
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // First, so that every log line, problem and trace of the request carries its id.
        app.UseMiddleware<RequestIdMiddleware>();

        // Problem details for unhandled exceptions and for bare error status codes; never a stack trace,
        // whatever the environment (the developer exception page never sees an exception caught here).
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Ready: every registered check, each named in the answer so an operator sees which dependency fails.
        // Live: the process answers.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        app.MapOpenApiDocument();
        return app;
    }

    internal static bool IsProbe(PathString path) =>
        path.StartsWithSegments(HealthPath) || path.StartsWithSegments(AlivePath);
}

public static class HttpClientBuilderExtensions
{
    /// <summary>
    /// Takes the standard resilience handler the defaults give every client off this one: for clients whose
    /// caller has its own policy (health probes that must report what they see now, the telemetry exporters).
    /// </summary>
    public static IHttpClientBuilder WithoutResilience(this IHttpClientBuilder client)
    {
#pragma warning disable EXTEXP0001 // Experimental, and the documented way to opt one client out of the defaults.
        return client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }
}
