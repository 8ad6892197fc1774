using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsSearch.Articles;

namespace NewsSearch.ServiceDefaults;

/// <summary>The one answer every service gives to an article id in a route that cannot be one: 400, before any store is asked.</summary>
public static class MalformedArticleId
{
    public const string Title = "Malformed article id";
    public static readonly string Detail = $"An article id is {ArticleId.Length} lowercase hex characters.";

    /// <summary>The problem to answer, or null when <paramref name="id"/> is well formed.</summary>
    public static ProblemHttpResult? ProblemFor(string id) => ArticleId.IsWellFormed(id)
        ? null
        : TypedResults.Problem(detail: Detail, statusCode: StatusCodes.Status400BadRequest, title: Title);
}
