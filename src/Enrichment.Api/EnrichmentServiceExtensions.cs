using NewsSearch.Enrichment;
using NewsSearch.Enrichment.Api;
using NewsSearch.ServiceDefaults;

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
        services.AddSearchStore();
        services.AddHostedService<SearchStoreInitializer>();
        services.AddHealthChecks().AddCheck<SearchStoreHealthCheck>("search-store");

        services.AddSingleton(_ => ArticleEnricher.CreateDefault());
        services.AddSingleton<EnrichmentMetrics>();
        builder.AddOpenApiDocument("News search: enrichment API",
            "Internal: ingest delivers raw articles here to be enriched and indexed, and removes them from the index.");
        return builder;
    }
}
