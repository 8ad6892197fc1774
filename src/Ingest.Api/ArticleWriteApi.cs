using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsSearch.Articles;
using NewsSearch.ServiceDefaults;

namespace NewsSearch.Ingest.Api;

/// <summary>The answer to one submitted article: its id, its pipeline state, and whether it was stored already.</summary>
public sealed record SubmitResult(string Id, ArticleState Status, bool Duplicate);

/// <summary>One NDJSON result line: <c>status</c> is the article's state, or <c>rejected</c> with the error.</summary>
public sealed record BatchLineResult(int Line, string? Id, string Status, bool? Duplicate = null, string? Error = null);

/// <summary>Writing articles: one, a streamed NDJSON batch, and removal from the raw store and the index.</summary>
public static class ArticleWriteApi
{
    public const string NdjsonMediaType = "application/x-ndjson";

    public static IEndpointRouteBuilder MapArticleWriteApi(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/api/articles").WithTags("Articles");
        // The body is described for OpenAPI only: Accepts() metadata would make routing answer an unknown
        // media type with a bare 415 before the handler could give a problem response.
        articles.MapPost("/", Submit)
            .AddOpenApiOperationTransformer(RequestBody("application/json", "text/plain"))
            .WithSummary("Submit one article")
            .WithDescription("Plain text or JSON. 202 when new; 200 with duplicate=true when the same text is already stored.");
        articles.MapPost("/batch", SubmitBatch)
            .AddOpenApiOperationTransformer(RequestBody(NdjsonMediaType))
            .Produces<BatchLineResult>(StatusCodes.Status200OK, NdjsonMediaType)
            // The batch is streamed line by line, so its total size is not limited; each line is.
            .WithMetadata(new DisableRequestSizeLimitAttribute())
            .WithSummary("Submit a batch of articles")
            .WithDescription("NDJSON, one JSON article per line; answers one NDJSON result per line.");
        articles.MapDelete("/{id}", Delete)
            .WithSummary("Remove an article from the raw store and the index");
        return app;
    }

    private static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> RequestBody(params string[] mediaTypes) =>
        async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(ArticleSubmission), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = mediaTypes.ToDictionary(
                    mediaType => mediaType,
                    mediaType => new OpenApiMediaType { Schema = mediaType == "text/plain" ? new OpenApiSchema { Type = JsonSchemaType.String } : schema }),
            };
        };

    public static async Task<Results<Accepted<SubmitResult>, Ok<SubmitResult>, ProblemHttpResult>> Submit(
        HttpRequest request, ArticleIngest ingest, IOptions<IngestOptions> options, CancellationToken cancellationToken)
    {
        var format = Format(request.ContentType);
        if (format is BodyFormat.Unsupported or BodyFormat.Ndjson)
        {
            return UnsupportedMediaType("text/plain; charset=utf-8 or application/json");
        }

        var limit = options.Value.MaxArticleBytes;
        var body = await ReadLimitedAsync(request, limit, cancellationToken);
        if (body is null)
        {
            return TooLarge(limit);
        }

        var intake = format == BodyFormat.Json ? ArticleIntake.FromJson(body) : ArticleIntake.FromPlainText(body);
        if (intake.Article is not { } article)
        {
            return TypedResults.Problem(intake.Error, statusCode: StatusCodes.Status400BadRequest, title: "The article was refused.");
        }

        var stored = (await ingest.AddAsync([article], cancellationToken))[0];
        var result = new SubmitResult(stored.Id, stored.State, stored.Duplicate);
        var location = $"/api/articles/{stored.Id}";
        return stored.Duplicate ? TypedResults.Ok(result) : TypedResults.Accepted(location, result);
    }

    /// <param name="asOf">A reference date for every line that gives no <c>asOf</c> of its own.</param>
    public static Results<PushStreamHttpResult, ProblemHttpResult> SubmitBatch(
        HttpRequest request, ArticleIngest ingest, IOptions<IngestOptions> options, [FromQuery] string? asOf, CancellationToken cancellationToken)
    {
        if (Format(request.ContentType) != BodyFormat.Ndjson)
        {
            return UnsupportedMediaType(NdjsonMediaType);
        }

        DateOnly? batchAsOf = null;
        if (asOf is not null)
        {
            if (ArticleIntake.ParseDate(asOf.Trim()) is not { } date)
            {
                return TypedResults.Problem(ArticleIntake.DateError("asOf", "parameter"),
                    statusCode: StatusCodes.Status400BadRequest, title: "The batch was refused.");
            }

            batchAsOf = date;
        }

        return TypedResults.Stream(
            response => new BatchImport(response, ingest, options.Value.MaxArticleBytes, batchAsOf).RunAsync(request.BodyReader, cancellationToken),
            NdjsonMediaType);
    }

    public static async Task<Results<NoContent, Accepted, ProblemHttpResult>> Delete(string id, ArticleIngest ingest, CancellationToken cancellationToken)
    {
        if (MalformedArticleId.ProblemFor(id) is { } malformed)
        {
            return malformed;
        }

        return await ingest.DeleteAsync(id, cancellationToken) switch
        {
            Deletion.Removed => TypedResults.NoContent(),
            Deletion.Scheduled => TypedResults.Accepted((string?)null),
            _ => TypedResults.Problem($"No article {id} is stored.", statusCode: StatusCodes.Status404NotFound, title: "Unknown article."),
        };
    }

    private enum BodyFormat
    {
        Unsupported,
        PlainText,
        Json,
        Ndjson,
    }

    private static BodyFormat Format(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return BodyFormat.Unsupported;
        }

        // Everything is decoded as UTF-8, so any other declared charset would be misread.
        if (media.Charset.HasValue && !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return BodyFormat.Unsupported;
        }

        return media.MediaType.Value?.ToLowerInvariant() switch
        {
            "text/plain" => BodyFormat.PlainText,
            "application/json" => BodyFormat.Json,
            NdjsonMediaType or "application/ndjson" or "application/jsonl" => BodyFormat.Ndjson,
            _ => BodyFormat.Unsupported,
        };
    }

    /// <summary>Reads the whole body unless it exceeds <paramref name="limit"/> bytes (then null, having read at most one byte more).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // Our own limit applies, whatever the server-wide one is.
            size.MaxRequestBodySize = null;
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            if (read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                var body = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return body;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static ProblemHttpResult UnsupportedMediaType(string expected) =>
        TypedResults.Problem($"Send the body as {expected}.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.");

    private static ProblemHttpResult TooLarge(int limit) =>
        TypedResults.Problem($"An article may be at most {limit} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "The article is too large.");
}
