using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsSearch.Articles;
using NewsSearch.Enrichment;
using NewsSearch.Enrichment.Api;
using NewsSearch.SearchStore;
using NewsSearch.ServiceDefaults;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The enrichment service's internal API: <c>POST /enrich</c> enriches a batch of raw articles and upserts
/// them into the search store; <c>DELETE /index/{id}</c> removes one. Only ingest calls it.
/// </summary>
public static class EnrichmentApi
{
    public static WebApplication MapEnrichmentApi(this WebApplication app)
    {
        var group = app.MapGroup("").WithTags("Enrichment");
        group.MapPost("/enrich", Enrich)
            .Accepts<RawArticle[]>("application/json")
            .WithSummary("Enrich raw articles and upsert them into the search store")
            .WithDescription("One outcome per item, in order. An item that cannot be enriched (bad id, empty text, not English) fails alone with a reason; the others are indexed. Idempotent by id.");
        group.MapDelete("/index/{id}", Delete)
            .WithSummary("Remove an article from the search store");
        return app;
    }

    public static async Task<Results<Ok<EnrichOutcome[]>, ProblemHttpResult>> Enrich(
        HttpRequest request,
        ArticleEnricher enricher,
        ISearchStore store,
        IOptions<EnrichmentOptions> options,
        EnrichmentMetrics metrics,
        ILogger<ArticleEnricher> logger,
        CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send a JSON array of articles with Content-Type: application/json.");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed body", "The body is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return Problem(StatusCodes.Status400BadRequest, "Malformed body", "The body must be a JSON array of articles.");
            }

            var count = root.GetArrayLength();
            if (count > options.Value.MaxBatchSize)
            {
                return Problem(StatusCodes.Status413PayloadTooLarge, "Batch too large", $"At most {options.Value.MaxBatchSize} articles per request; this one has {count}.");
            }

            var items = root.EnumerateArray().ToArray();
            var outcomes = new EnrichOutcome[count];
            var articles = new EnrichedArticle?[count];
            // Enrichment is CPU-bound and the enricher is thread-safe: spread the items over the cores so one
            // request finishes in a fraction of the time; each writes its own slot, so the outcomes keep their order.
            await Parallel.ForAsync(0, count, new ParallelOptions { CancellationToken = cancellationToken }, (i, _) =>
            {
                var started = Stopwatch.GetTimestamp();
                (articles[i], outcomes[i]) = EnrichOne(items[i], enricher, logger);
                metrics.Enriched(Stopwatch.GetElapsedTime(started));
                return ValueTask.CompletedTask;
            });
            var enriched = articles.OfType<EnrichedArticle>().ToList();

            if (enriched.Count == 0)
            {
                metrics.Outcomes(indexed: 0, rejected: count);
                return TypedResults.Ok(outcomes);
            }

            UpsertResult upserted;
            try
            {
                upserted = await store.UpsertAsync(enriched, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The whole batch is undelivered: a 503 makes ingest retry it later, rather than record failures that are not the articles' fault.
                logger.LogError(ex, "Search store upsert failed for {Count} articles", enriched.Count);
                return Problem(StatusCodes.Status503ServiceUnavailable, "Search store unavailable", "The articles were enriched but could not be stored; retry later.");
            }

            for (var i = 0; i < outcomes.Length; i++)
            {
                if (outcomes[i].Indexed && upserted.Failed.TryGetValue(outcomes[i].Id, out var reason))
                {
                    outcomes[i] = new EnrichOutcome(outcomes[i].Id, false, $"not stored: {reason}");
                }
            }
            var indexed = outcomes.Count(outcome => outcome.Indexed);
            metrics.Outcomes(indexed, count - indexed);

            return TypedResults.Ok(outcomes);
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, ISearchStore store, CancellationToken cancellationToken)
    {
        if (MalformedArticleId.ProblemFor(id) is { } malformed)
        {
            return malformed;
        }

        return await store.DeleteAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : Problem(StatusCodes.Status404NotFound, "Not found", $"No article {id} in the search store.");
    }

    /// <summary>Enriches one item; the outcome says Indexed until the store says otherwise.</summary>
    private static (EnrichedArticle?, EnrichOutcome) EnrichOne(JsonElement item, ArticleEnricher enricher, ILogger logger)
    {
        var id = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
            ? idElement.GetString() ?? string.Empty
            : string.Empty;

        RawArticle? article;
        try
        {
            article = item.Deserialize<RawArticle>(ArticleJson.Options);
        }
        catch (JsonException)
        {
            return (null, new EnrichOutcome(id, false, "malformed item: expected an object with id, text and optional metadata"));
        }

        if (ArticleEnricher.Validate(article) is { } problem)
        {
            return (null, new EnrichOutcome(id, false, problem));
        }

        try
        {
            var enriched = enricher.Enrich(article!);
            if (enriched.Language != ArticleEnricher.English)
            {
                return (null, new EnrichOutcome(id, false, $"language '{enriched.Language}' is not supported: enrichment reads English text only"));
            }

            return (enriched, new EnrichOutcome(id, true));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A rule that trips on one odd text must not cost the rest of the batch.
            logger.LogError(ex, "Enrichment failed for article {Id}", id);
            return (null, new EnrichOutcome(id, false, "enrichment failed on this text"));
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
