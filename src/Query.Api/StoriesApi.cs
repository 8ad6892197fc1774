using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsSearch.Articles;
using NewsSearch.SearchStore;

namespace NewsSearch.Query.Api;

/// <summary>Stories: the articles about one event, grouped as they are indexed.</summary>
public static class StoriesApi
{
    public const string MalformedId = "A story id is the id of the story's first article: 16 lowercase hex characters.";

    public static IEndpointRouteBuilder MapStoriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/stories").WithTags("Stories");
        api.MapGet("/", List)
            .WithName("ListStories")
            .WithSummary("The stories of a search's matches, most covered first")
            .WithDescription("Takes the search's filters; facetSize (1 to 100) sets how many stories. Example: /api/stories?q=Istanbul&facetSize=20");
        api.MapGet("/{id}", GetStory)
            .WithName("GetStory")
            .WithSummary("One story: label, size, date span and outlets")
            .WithDescription("Its articles are /api/search?story={id}, their comparison /api/compare?story={id}.");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<FacetValue>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] SearchParameters parameters,
        StoreCalls store,
        IOptions<QueryOptions> options,
        CancellationToken cancellationToken)
    {
        var (request, errors) = (parameters with { Page = null, Size = null }).ToRequest(options.Value);
        if (request is null)
            return TypedResults.ValidationProblem(errors, title: "The story parameters are not valid");
        var answer = await store.RunAsync((search, token) => search.SearchAsync(request with { Size = 1 }, token), cancellationToken);
        if (answer.Problem is { } problem)
            return problem;
        return TypedResults.Ok(answer.Value!.Facets.Story);
    }

    public static async Task<Results<Ok<StoryDetail>, ProblemHttpResult>> GetStory(
        [Description("The story id (the id of its first article, 16 lowercase hex characters).")] string id,
        StoreCalls store,
        CancellationToken cancellationToken)
    {
        if (!ArticleId.IsWellFormed(id))
            return TypedResults.Problem(title: "Not a story id", detail: MalformedId, statusCode: StatusCodes.Status400BadRequest);
        var answer = await store.RunAsync((search, token) => search.StoryAsync(id, token), cancellationToken);
        if (answer.Problem is { } problem)
            return problem;
        return answer.Value is { } story
            ? TypedResults.Ok(story)
            : TypedResults.Problem(title: "Story not found", detail: $"There is no story with id {id}.", statusCode: StatusCodes.Status404NotFound);
    }
}
