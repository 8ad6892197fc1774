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

        services.AddOpenApi(options => options.AddOperationTransformer(ParameterExamples.ApplyAsync).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "News search: query API";
            // No server list: the explorer then calls the API where it loaded the document from (the gateway),
            // not the service's internal address.
            document.Servers = [];
            document.Info.Description =
                "Searches, facets, suggestions and article detail over the enriched articles. " +
                "Errors are application/problem+json; invalid parameters answer 400 with errors per parameter.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>Request ids in logs, the OpenAPI document, and the search and article endpoints.</summary>
    public static WebApplication MapQueryApi(this WebApplication app)
    {
        app.UseMiddleware<RequestIdScope>();
        app.MapOpenApi();
        app.MapSearchApi();
        app.MapExportApi();
        app.MapAnalysisApi();
        app.MapCompareApi();
        app.MapArticlesApi();
        app.MapStoriesApi();
        return app;
    }
}
