using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsSearch.Coverage.Analysis;
using NewsSearch.SearchStore;

namespace NewsSearch.Query.Api;

/// <summary>Counts over every match of a search, split by outlet: the outlet × actor (or topic) matrix and attention over time.</summary>
public static class AnalysisApi
{
    public static IEndpointRouteBuilder MapAnalysisApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analysis").WithTags("Coverage");
        api.MapGet("/matrix", Matrix)
            .WithName("CoverageMatrix")
            .WithSummary("Articles per outlet and actor (or topic) for a search")
            .WithDescription(
                "Takes the search's filters. Rows are the outlets with the most matches, columns the most frequent actors (cols=actor) " +
                "or topics (cols=topic); cells[row][column] counts the articles. Example: /api/analysis/matrix?rows=source&cols=actor&q=ceasefire");
        api.MapGet("/attention", Attention)
            .WithName("AttentionOverTime")
            .WithSummary("The date histogram of a search, split by outlet")
            .WithDescription("Takes the search's filters. Example: /api/analysis/attention?actor=Khawaja%20Asif&outlets=5");
        return app;
    }

    public static async Task<Results<Ok<CoverageMatrix>, ValidationProblem, ProblemHttpResult>> Matrix(
        [AsParameters] SearchParameters parameters,
        [FromQuery(Name = "rows"), Description("What the rows count: source (the only one so far, and the default).")] string? rows,
        [FromQuery(Name = "cols"), Description("What the columns count: actor (default) or topic.")] string? cols,
        [FromQuery(Name = "limit"), Description("At most this many rows and columns, 1 to 50 (default 20).")] string? limit,
        StoreCalls store,
        IOptions<QueryOptions> options,
        CancellationToken cancellationToken)
    {
        var (request, errors) = parameters.ForEveryMatch(options.Value);
        if (rows?.Trim().ToLowerInvariant() is not (null or "" or "source")) errors["rows"] = ["rows must be source."];
        MatrixColumns? columns = cols?.Trim().ToLowerInvariant() switch
        {
            null or "" or "actor" => MatrixColumns.Actor,
            "topic" => MatrixColumns.Topic,
            _ => null,
        };
        if (columns is null) errors["cols"] = ["cols must be actor or topic."];
        var size = Bounded("limit", limit, CoverageMatrix.DefaultSize, CoverageMatrix.MaxSize, errors);
        if (request is null || errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The matrix parameters are not valid");

        return Answer(await store.RunAsync((search, token) =>
            CoverageMatrix.BuildAsync(search.MatchesAsync(request, token), columns!.Value, size, size, token), cancellationToken));
    }

    public static async Task<Results<Ok<AttentionOverTime>, ValidationProblem, ProblemHttpResult>> Attention(
        [AsParameters] SearchParameters parameters,
        [FromQuery(Name = "outlets"), Description("At most this many outlets get their own series, the rest are summed; 1 to 30 (default 8).")] string? outlets,
        StoreCalls store,
        IOptions<QueryOptions> options,
        CancellationToken cancellationToken)
    {
        var (request, errors) = parameters.ForEveryMatch(options.Value);
        var count = Bounded("outlets", outlets, AttentionOverTime.DefaultOutlets, AttentionOverTime.MaxOutlets, errors);
        if (request is null || errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The attention parameters are not valid");

        return Answer(await store.RunAsync((search, token) =>
            AttentionOverTime.BuildAsync(search.MatchesAsync(request, token), count, token), cancellationToken));
    }

    /// <summary>A whole number from 1 to <paramref name="max"/>, or <paramref name="fallback"/> when not given.</summary>
    internal static int Bounded(string name, string? text, int fallback, int max, Dictionary<string, string[]> errors)
    {
        var number = SearchParameters.Number(name, text, fallback, errors);
        if (!errors.ContainsKey(name) && (number < 1 || number > max))
            errors[name] = [$"{name} must be between 1 and {max}."];
        return number;
    }

    internal static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Answer<T>(StoreAnswer<T> answer) =>
        answer.Problem is { } problem ? problem : TypedResults.Ok(answer.Value!);
}
