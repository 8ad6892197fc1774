using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NewsSearch.ServiceDefaults;

namespace NewsSearch.Ingest.Api;

public static class IngestExtensions
{
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RawStore>();
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<EnrichmentClient>();
        services.AddSingleton<ArticleIngest>();
        services.AddSingleton<PipelineMetrics>();
        services.AddHostedService<PipelineGauges>();
        // Tuned for delivery, in place of the default handler: a batch gets EnrichTimeout, and POSTs are not retried
        // here because the dispatcher retries with its own backoff, without spending the articles' attempts.
        services.AddHttpClient(EnrichmentClient.Name, http =>
            {
                http.BaseAddress = EnrichmentClient.BaseAddress;
                // The resilience handler's timeouts govern each call.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .WithoutResilience()
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
            {
                var timeout = provider.GetRequiredService<IOptions<IngestOptions>>().Value.EnrichTimeout;
                provider.GetRequiredService<IConfiguration>().GetSection(ServiceDefaultsExtensions.ResilienceSection).Bind(resilience);
                resilience.AttemptTimeout.Timeout = timeout;
                resilience.TotalRequestTimeout.Timeout = timeout * 2;
                resilience.CircuitBreaker.SamplingDuration = timeout * 2;
                resilience.Retry.DisableForUnsafeHttpMethods();
            });

        // Registered before the dispatcher so the seeds are stored before delivery starts.
        services.AddHostedService<SeedImport>();
        services.AddHostedService<Dispatcher>();
        services.AddHttpClient(EnrichmentHealthCheck.ClientName, http =>
        {
            http.BaseAddress = EnrichmentClient.BaseAddress;
            http.Timeout = TimeSpan.FromSeconds(3);
        }).WithoutResilience();
        services.AddHealthChecks()
            .AddCheck<RawStoreHealthCheck>("raw-store")
            .AddCheck<EnrichmentHealthCheck>("enrichment");
        builder.AddOpenApiDocument("News search: ingest API",
            "Accepts articles (one, or an NDJSON batch), removes them, and shows and retries the delivery pipeline. " +
            "Errors are application/problem+json.");
        return builder;
    }
}
