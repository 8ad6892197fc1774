using NewsSearch.ServiceDefaults;

namespace NewsSearch.Query.Api;

public static class QueryServiceExtensions
{
    /// <summary>The configured search store (read side), its readiness and health, limits and the OpenAPI document.</summary>
    public static WebApplicationBuilder AddQueryService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<QueryOptions>().BindConfiguration(QueryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSearchStore();
        services.AddSingleton<StoreReadiness>();
        services.AddSingleton<StoreCalls>();
        services.AddSingleton<SearchMetrics>();
        services.AddHostedService<StoreSizeGauge>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("search-store");

        builder.AddOpenApiDocument("News search: query API",
            "Searches, facets, suggestions and article detail over the enriched articles. " +
            "Errors are application/problem+json; invalid parameters answer 400 with errors per parameter.",
            options => options.AddOperationTransformer(ParameterExamples.ApplyAsync));
        return builder;
    }

    /// <summary>The search, export, analysis, comparison and article endpoints.</summary>
    public static WebApplication MapQueryApi(this WebApplication app)
    {
        app.MapSearchApi();
        app.MapExportApi();
        app.MapAnalysisApi();
        app.MapCompareApi();
        app.MapArticleReadApi();
        app.MapStoriesApi();
        return app;
    }
}
