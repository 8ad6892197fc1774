using System.Buffers;
using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsSearch.Articles;
using NewsSearch.SearchStore;

namespace NewsSearch.Query.Api;

/// <summary>Every match of a search as a download, streamed from the store row by row.</summary>
public static class ExportApi
{
    /// <summary>Rows gather up to this many bytes before they are sent: few writes, and little held at once.</summary>
    private const int SendAtBytes = 32 * 1024;

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/search").WithTags("Search").MapGet("/export", Export)
            .WithName("ExportSearch")
            .WithSummary("Every article a search matches, as CSV or NDJSON")
            .WithDescription(
                "Takes the search's own filters (q, source, actor, topic, from, to, sort; page and size are ignored) and streams " +
                "every match, newest first (oldest first with sort=oldest): id, title, source, published, url, actors with types, " +
                "topics, and the body with body=true. Example: /api/search/export?format=csv&actor=Khawaja%20Asif");
        return app;
    }

    public static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> Export(
        [AsParameters] SearchParameters parameters,
        [FromQuery(Name = "format"), Description("csv (default) or ndjson.")] string? format,
        [FromQuery(Name = "body"), Description("true to include each article's body (default false).")] string? body,
        ISearchStore store,
        StoreReadiness readiness,
        IOptions<QueryOptions> options,
        ILogger<ExportWriter> logger,
        CancellationToken cancellationToken)
    {
        var (request, errors) = parameters.ForEveryMatch(options.Value);
        var writer = ExportWriter.For(format?.Trim().ToLowerInvariant() is { Length: > 0 } f ? f : "csv");
        if (writer is null) errors["format"] = ["format must be csv or ndjson."];
        var withBody = Flag("body", body, errors);
        if (request is null || writer is null || errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The export parameters are not valid");

        if (!await readiness.EnsureAsync(cancellationToken))
            return StoreReadiness.Unavailable();
        var articles = store.MatchedArticlesAsync(request, withBody, cancellationToken);

        return TypedResults.Stream(async response =>
        {
            var buffer = new ArrayBufferWriter<byte>(SendAtBytes * 2);
            writer.WriteHeader(buffer, withBody);
            try
            {
                // The request's token: a client that goes away stops the store between two articles.
                await foreach (var article in articles.WithCancellation(cancellationToken))
                {
                    writer.WriteRow(buffer, article, withBody);
                    if (buffer.WrittenCount < SendAtBytes) continue;
                    await response.WriteAsync(buffer.WrittenMemory, cancellationToken);
                    buffer.ResetWrittenCount();
                }
                await response.WriteAsync(buffer.WrittenMemory, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The status is already sent: all that is left is to cut the download short, so it is not mistaken for a whole one.
                logger.LogError(exception, "An export failed after it had started; the download was cut short");
                throw;
            }
        }, writer.ContentType, writer.FileName);
    }

    internal static bool Flag(string name, string? text, Dictionary<string, string[]> errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "false": return false;
            case "true": return true;
            default:
                errors[name] = [$"{name} must be true or false."];
                return false;
        }
    }
}
