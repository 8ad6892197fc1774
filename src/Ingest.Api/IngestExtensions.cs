using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.AddHttpClient(EnrichmentClient.Name, (provider, http) =>
        {
            http.BaseAddress = EnrichmentClient.BaseAddress;
            http.Timeout = provider.GetRequiredService<IOptions<IngestOptions>>().Value.EnrichTimeout;
        });

        // Registered before the dispatcher so the seeds are stored before delivery starts.
        services.AddHostedService<SeedImport>();
        services.AddHostedService<Dispatcher>();
        services.AddHealthChecks().AddCheck<RawStoreHealthCheck>("raw-store");
        services.AddOpenApi();
        return builder;
    }
}
