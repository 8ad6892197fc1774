using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NewsSearch.Articles;
using NewsSearch.SearchStore;
using NewsSearch.ServiceDefaults;

namespace NewsSearch.Query.Api;

/// <summary>One enriched article, and other coverage of the same story.</summary>
public static class ArticleReadApi
{
    public const int DefaultSimilar = 10;
    public const int MaxSimilar = 50;

    public static IEndpointRouteBuilder MapArticleReadApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/articles").WithTags("Articles");
        api.MapGet("/{id}", GetArticle)
            .WithName("GetArticle")
            .WithSummary("The whole enriched article")
            .WithDescription("Ids are 16 lowercase hex characters, as ingest answers them; any other id answers 400. Example: /api/articles/3f2a9c0d1e8b7a65");
        api.MapGet("/{id}/similar", Similar)
            .WithName("SimilarArticles")
            .WithSummary("Other coverage of the same story")
            .WithDescription("Articles sharing actors, dates and distinctive terms with this one, best first.");
        return app;
    }

    public static async Task<Results<Ok<EnrichedArticle>, ProblemHttpResult>> GetArticle(
        [Description("The article id (16 lowercase hex characters).")] string id,
        StoreCalls store,
        CancellationToken cancellationToken)
    {
        if (MalformedArticleId.ProblemFor(id) is { } malformed)
            return malformed;
        var answer = await store.RunAsync((search, token) => search.GetAsync(id, token), cancellationToken);
        if (answer.Problem is { } problem)
            return problem;
        return answer.Value is { } article ? TypedResults.Ok(article) : NotFound(id);
    }

    public static async Task<Results<Ok<IReadOnlyList<SearchHit>>, ValidationProblem, ProblemHttpResult>> Similar(
        [Description("The article id (16 lowercase hex characters).")] string id,
        [FromQuery(Name = "limit"), Description("At most this many articles, 1 to 50 (default 10).")] string? limit,
        StoreCalls store,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var count = SearchParameters.Number("limit", limit, DefaultSimilar, errors);
        if (!errors.ContainsKey("limit") && count is < 1 or > MaxSimilar)
            errors["limit"] = [$"limit must be between 1 and {MaxSimilar}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The parameters are not valid");
        if (MalformedArticleId.ProblemFor(id) is { } malformed)
            return malformed;

        var answer = await store.RunAsync(async (search, token) =>
            await search.GetAsync(id, token) is null ? null : await search.SimilarAsync(id, count, token), cancellationToken);
        if (answer.Problem is { } problem)
            return problem;
        return answer.Value is { } similar ? TypedResults.Ok(similar) : NotFound(id);
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        title: "Article not found", detail: $"There is no article with id {id}.", statusCode: StatusCodes.Status404NotFound);
}
