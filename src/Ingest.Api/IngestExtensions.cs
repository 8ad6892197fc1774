using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

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
        services.AddHttpClient(EnrichmentClient.Name, http =>
        {
            http.BaseAddress = EnrichmentClient.BaseAddress;
            // The resilience handler's timeouts below govern each call.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        // The standard resilience handler of this client (named "{client}-standard"), tuned for delivery: a batch
        // gets EnrichTimeout, and POSTs are not retried here because the dispatcher retries with its own backoff
        // and without spending the articles' attempts.
        services.AddOptions<HttpStandardResilienceOptions>($"{EnrichmentClient.Name}-standard")
            .Configure<IOptions<IngestOptions>>((resilience, ingest) =>
            {
                resilience.AttemptTimeout.Timeout = ingest.Value.EnrichTimeout;
                resilience.TotalRequestTimeout.Timeout = ingest.Value.EnrichTimeout * 2;
                resilience.CircuitBreaker.SamplingDuration = ingest.Value.EnrichTimeout * 2;
                resilience.Retry.DisableForUnsafeHttpMethods();
            });

        // Registered before the dispatcher so the seeds are stored before delivery starts.
        services.AddHostedService<SeedImport>();
        services.AddHostedService<Dispatcher>();
        services.AddHealthChecks().AddCheck<RawStoreHealthCheck>("raw-store");
        services.AddOpenApi();
        return builder;
    }
}
