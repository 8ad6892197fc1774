using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsSearch.ServiceDefaults;

/// <summary>
/// OpenTelemetry logs, traces and metrics over OTLP, on only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// OpenTelemetry.Extensions.Hosting and the Instrumentation packages are not available, so the providers are
/// built by hand and listen to the sources and meters ASP.NET Core, HttpClient and the runtime publish themselves.
/// The exporter reads the endpoint, protocol and headers from the standard OTEL_* environment variables itself,
/// so http/protobuf endpoints get their per-signal paths.
/// </summary>
internal static class Telemetry
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";

    private static readonly string[] ActivitySources = ["Microsoft.AspNetCore", "Microsoft.AspNetCore.*", "System.Net.Http"];

    private static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.*", "System.Net.Http", "System.Net.NameResolution", "System.Runtime",
    ];

    public static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointKey]))
        {
            return;
        }

        var serviceName = builder.Configuration[ServiceNameKey] is { Length: > 0 } name ? name : builder.Environment.ApplicationName;
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.AddOtlpExporter();
        });

        // Built on first resolution and disposed (flushed) by the container on shutdown.
        builder.Services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(ActivitySources)
            .AddSource(serviceName)
            .AddOtlpExporter()
            .Build());
        builder.Services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(Meters)
            .AddMeter(serviceName)
            .AddOtlpExporter()
            .Build());
        builder.Services.AddHostedService<TelemetryProviders>();
    }

    /// <summary>Health probes arrive every few seconds; exporting them would bury real traffic.</summary>
    public static void DropCurrentTrace(HttpContext context)
    {
        if (context.Features.Get<IHttpActivityFeature>()?.Activity is { } activity)
        {
            activity.IsAllDataRequested = false;
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }

    /// <summary>
    /// ASP.NET Core's own request span carries no attributes; the instrumentation package would add them, and
    /// is not obtainable, so the semantic-convention ones that make a trace readable are set here.
    /// </summary>
    public static void DescribeServerSpan(HttpContext context, bool failed)
    {
        if (context.Features.Get<IHttpActivityFeature>()?.Activity is not { IsAllDataRequested: true } activity)
        {
            return;
        }
        var method = context.Request.Method;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
        activity.DisplayName = route is null ? method : $"{method} {route}";
        activity.SetTag("http.request.method", method);
        activity.SetTag("url.scheme", context.Request.Scheme);
        activity.SetTag("url.path", context.Request.Path.Value);
        activity.SetTag("http.route", route);
        activity.SetTag("http.response.status_code", status);
        if (status >= StatusCodes.Status500InternalServerError)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>Makes the host create the providers at start, so telemetry flows before the first request.</summary>
    private sealed class TelemetryProviders(TracerProvider tracing, MeterProvider metrics) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(tracing);
            GC.KeepAlive(metrics);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
