using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsSearch.ServiceDefaults;

/// <summary>
/// OpenTelemetry logs, traces and metrics, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the
/// AppHost sets it to its dashboard). The services' own instruments live in meters and sources named
/// <c>NewsSearch.*</c>, so each is picked up here without being listed.
/// </summary>
internal static class Telemetry
{
    public const string OwnInstruments = "NewsSearch.*";

    public static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OwnInstruments))
            .WithTracing(tracing => tracing
                .AddSource(OwnInstruments)
                // Health probes arrive every few seconds; exporting them would bury real traffic.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !ServiceDefaultsExtensions.IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation(http => http.FilterHttpRequestMessage = request =>
                    request.RequestUri is not { } uri || !ServiceDefaultsExtensions.IsProbe(uri.AbsolutePath)));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
    }

    /// <summary>
    /// The OTLP exporter sends through HttpClients of its own, which the defaults above would wrap in the standard
    /// resilience handler: a retry log line every second in every service, and a slow exit, while the dashboard is
    /// gone. Its own retry policy is enough.
    /// </summary>
    public static void RemoveResilienceFromTelemetryExporters(this IServiceCollection services)
    {
        foreach (var exporter in (string[])["OtlpTraceExporter", "OtlpMetricExporter", "OtlpLogExporter"])
        {
            services.AddHttpClient(exporter).WithoutResilience();
        }
    }
}
