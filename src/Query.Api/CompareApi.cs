using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsSearch.Coverage.Comparison;
using NewsSearch.SearchStore;

namespace NewsSearch.Query.Api;

/// <summary>The outlets' accounts of a search side by side.</summary>
public static class CompareApi
{
    public static IEndpointRouteBuilder MapCompareApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Coverage").MapGet("/compare", Compare)
            .WithName("CompareCoverage")
            .WithSummary("How outlets covered a search, side by side")
            .WithDescription(
                $"Takes the search's filters and compares its newest {CoverageComparison.MaxArticles} matches (oldest with sort=oldest): " +
                "a column per outlet, rows for the actors each names, whom each quotes, the figures each reports (who asserts them, " +
                "disagreements marked) and the dates each gives for events. Example: /api/compare?q=Istanbul%20talks");
        return app;
    }

    public static async Task<Results<Ok<CoverageComparison>, ValidationProblem, ProblemHttpResult>> Compare(
        [AsParameters] SearchParameters parameters,
        StoreCalls store,
        IOptions<QueryOptions> options,
        CancellationToken cancellationToken)
    {
        var (request, errors) = parameters.ForEveryMatch(options.Value);
        if (request is null)
            return TypedResults.ValidationProblem(errors, title: "The compare parameters are not valid");

        return AnalysisApi.Answer(await store.RunAsync(async (search, token) =>
        {
            // One more than compared, to know whether the search had more.
            var articles = await search.MatchedArticlesAsync(request, withBody: true, token).Take(CoverageComparison.MaxArticles + 1).ToListAsync(token);
            return CoverageComparison.Build(articles.Take(CoverageComparison.MaxArticles).ToList(), truncated: articles.Count > CoverageComparison.MaxArticles);
        }, cancellationToken));
    }
}
