using Microsoft.Extensions.Options;
using NewsSearch.Enrichment;
using NewsSearch.Enrichment.Api;
using NewsSearch.SearchStore;

namespace Microsoft.Extensions.Hosting;

public static class EnrichmentServiceExtensions
{
    /// <summary>The enricher, the search store it writes (initialised on start), its health check and the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddEnrichment(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EnrichmentOptions>()
            .BindConfiguration(EnrichmentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The store's settings live under the system-wide names (Search:Backend, Data:Dir, ConnectionStrings:elasticsearch).
        services.AddOptions<SearchStoreOptions>()
            .Configure<IConfiguration>((options, configuration) => options.ReadFrom(key => configuration[key]))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(provider => SearchStoreFactory.Create(provider.GetRequiredService<IOptions<SearchStoreOptions>>().Value));
        services.AddHostedService<SearchStoreInitializer>();
        services.AddHealthChecks().AddCheck<SearchStoreHealthCheck>("search-store");

        services.AddSingleton(_ => ArticleEnricher.CreateDefault());
        services.AddSingleton<EnrichmentMetrics>();
        services.AddOpenApi();
        return builder;
    }
}
