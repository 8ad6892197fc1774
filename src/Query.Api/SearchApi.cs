using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsSearch.SearchStore;
using NewsSearch.SearchStore.Querying;

namespace NewsSearch.Query.Api;

/// <summary>Full-text search with facets, and completions for the search box.</summary>
public static class SearchApi
{
    public const int DefaultSuggestions = 10;
    public const int MaxSuggestions = 50;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Search");
        api.MapGet("/search", Search)
            .WithName("Search")
            .WithSummary("Search articles, with facet counts")
            .WithDescription(
                "Full-text search over title and body. Facet parameters repeat (OR within a facet, AND across facets); " +
                "each facet's counts ignore that facet's own selection. Snippets are HTML-escaped with <mark> around matches. " +
                "Example: /api/search?q=Istanbul%20talks&actor=Pakistan&from=2025-10-01&sort=newest");
        api.MapGet("/suggest", Suggest)
            .WithName("Suggest")
            .WithSummary("Completions for actors, topics, sources and titles")
            .WithDescription("Example: /api/suggest?q=paki");
        return app;
    }

    public static async Task<Results<Ok<SearchResult>, ValidationProblem, ProblemHttpResult>> Search(
        [AsParameters] SearchParameters parameters,
        StoreCalls store,
        IOptions<QueryOptions> options,
        SearchMetrics metrics,
        CancellationToken cancellationToken)
    {
        var (request, errors) = parameters.ToRequest(options.Value);
        if (request is null)
            return TypedResults.ValidationProblem(errors, title: "The search parameters are not valid");

        var answer = await store.RunAsync((search, token) => search.SearchAsync(request, token), cancellationToken);
        if (answer.Problem is { } problem)
            return problem;
        metrics.Searched(answer.Value!);
        return TypedResults.Ok(answer.Value!);
    }

    public static async Task<Results<Ok<IReadOnlyList<Suggestion>>, ValidationProblem, ProblemHttpResult>> Suggest(
        [FromQuery(Name = "q"), Description("What the user has typed so far.")] string? q,
        [FromQuery(Name = "limit"), Description("At most this many completions, 1 to 50 (default 10).")] string? limit,
        StoreCalls store,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var prefix = SearchParameters.CleanText("q", q, QueryParser.MaxLength, errors);
        var count = SearchParameters.Number("limit", limit, DefaultSuggestions, errors);
        if (!errors.ContainsKey("limit") && count is < 1 or > MaxSuggestions)
            errors["limit"] = [$"limit must be between 1 and {MaxSuggestions}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The suggestion parameters are not valid");
        if (prefix is null)
            return TypedResults.Ok<IReadOnlyList<Suggestion>>([]);

        var answer = await store.RunAsync((search, token) => search.SuggestAsync(prefix, count, token), cancellationToken);
        return answer.Problem is { } problem ? problem : TypedResults.Ok(answer.Value!);
    }
}
