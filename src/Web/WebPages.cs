using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using NewsSearch.Articles;
using NewsSearch.ServiceDefaults;
using NewsSearch.Web.Components;

namespace NewsSearch.Web;

/// <summary>The UI's endpoints: the search page, the article page, their assets, and a 404 page for anything else.</summary>
public static class WebPages
{
    /// <summary>Enough values for "show more" and the filter box to be useful, few enough to render instantly.</summary>
    public const int FacetSize = 50;

    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static WebApplication MapWeb(this WebApplication app)
    {
        var pages = app.MapGroup("").AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return await next(context);
        });
        pages.MapGet("/", Search);
        pages.MapGet("/articles/{id}", Article);
        pages.MapGet("/matrix", Matrix);
        pages.MapGet("/compare", Compare);
        pages.MapFallback(NotFound);
        app.MapGet("/assets/{name}", Asset);
        return app;
    }

    public static async Task<RazorComponentResult<SearchPage>> Search(HttpRequest request, QueryClient query, CancellationToken cancellationToken)
    {
        var state = SearchState.FromQuery(request.Query);
        var response = await query.SearchAsync(state, FacetSize, cancellationToken);
        return new(new { Model = new SearchPageModel(state, response.Value, response.Problem) })
        {
            StatusCode = response.Problem?.Status ?? StatusCodes.Status200OK,
        };
    }

    public static async Task<RazorComponentResult<MatrixPage>> Matrix(HttpRequest request, QueryClient query, CancellationToken cancellationToken)
    {
        var state = SearchState.FromQuery(request.Query);
        var columns = request.Query["cols"].LastOrDefault() == MatrixPageModel.Topics ? MatrixPageModel.Topics : MatrixPageModel.Actors;
        // The two analyses are independent: ask for both at once.
        var matrixCall = query.MatrixAsync(state, columns, cancellationToken);
        var attentionCall = query.AttentionAsync(state, cancellationToken);
        var (matrix, attention) = (await matrixCall, await attentionCall);
        var problem = matrix.Problem ?? attention.Problem;
        return new(new { Model = new MatrixPageModel(state, columns, matrix.Value, attention.Value, problem) })
        {
            StatusCode = problem?.Status ?? StatusCodes.Status200OK,
        };
    }

    public static async Task<RazorComponentResult<ComparePage>> Compare(HttpRequest request, QueryClient query, CancellationToken cancellationToken)
    {
        var state = SearchState.FromQuery(request.Query);
        var comparison = await query.CompareAsync(state, cancellationToken);
        return new(new { Model = new ComparePageModel(state, comparison.Value, comparison.Problem) })
        {
            StatusCode = comparison.Problem?.Status ?? StatusCodes.Status200OK,
        };
    }

    public static async Task<Results<RazorComponentResult<ArticlePage>, RazorComponentResult<MessagePage>>> Article(
        string id, QueryClient query, CancellationToken cancellationToken)
    {
        if (!ArticleId.IsWellFormed(id)) return Message(new MessagePageModel(
            StatusCodes.Status400BadRequest, MalformedArticleId.Title, "This address does not name an article.", MalformedArticleId.Detail));

        // The article and its other coverage are independent: ask for both at once.
        var articleCall = query.GetArticleAsync(id, cancellationToken);
        var similarCall = query.SimilarAsync(id, cancellationToken);
        var (article, similar) = (await articleCall, await similarCall);

        return article switch
        {
            { Value: { } value } => new RazorComponentResult<ArticlePage>(
                new { Model = new ArticlePageModel(value, similar.Value?.Where(hit => hit.Id != id).ToList() ?? [], similar.Problem) }),
            { Problem.Status: StatusCodes.Status404NotFound } => NotFound(),
            { Problem: var problem } => Message(new MessagePageModel(
                problem!.IsUnavailable ? StatusCodes.Status503ServiceUnavailable : problem.Status,
                "This article cannot be shown right now",
                problem.IsUnavailable ? "The search service is not responding. Please try again in a moment." : problem.Title,
                problem.Detail)),
        };
    }

    public static RazorComponentResult<MessagePage> NotFound() => Message(new MessagePageModel(
        StatusCodes.Status404NotFound,
        "Page not found",
        "There is no article or page at this address. It may have been removed, or the link may be incomplete."));

    public static Results<FileContentHttpResult, NotFound, StatusCodeHttpResult> Asset(string name, HttpContext context)
    {
        var assets = context.RequestServices.GetRequiredService<WebAssets>();
        if (!assets.TryGet(name, out var asset)) return TypedResults.NotFound();

        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = context.Request.Query["v"] == asset.Version
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        if (context.Request.Headers.IfNoneMatch == asset.ETag) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.File(asset.Content, asset.ContentType);
    }

    private static RazorComponentResult<MessagePage> Message(MessagePageModel model) =>
        new(new { Model = model }) { StatusCode = model.Status };
}
