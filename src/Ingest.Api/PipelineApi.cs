using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace NewsSearch.Ingest.Api;

public static class PipelineApi
{
    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder app)
    {
        var pipeline = app.MapGroup("/api").WithTags("Pipeline");
        pipeline.MapGet("/pipeline", GetStatus)
            .WithSummary("Articles per delivery state, and recent failures")
            .WithDescription("received = pending + indexed + failed; the most recent failures with their reasons.");
        pipeline.MapPost("/pipeline/retry", RetryFailed)
            .WithSummary("Retry every failed article")
            .WithDescription("Sends every failed article to enrichment again, with a fresh set of attempts.");
        pipeline.MapPost("/admin/reindex", Reindex)
            .WithSummary("Enrich every stored article again")
            .WithDescription("For instance after the enrichment rules changed.");
        return app;
    }

    public static async Task<Ok<PipelineStatus>> GetStatus(RawStore store, IOptions<IngestOptions> options, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetStatusAsync(options.Value.RecentFailures, cancellationToken));

    public static async Task<Accepted<PipelineChange>> RetryFailed(RawStore store, DispatchSignal signal, CancellationToken cancellationToken)
    {
        var retried = await store.RetryFailedAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Accepted("/api/pipeline", new PipelineChange(retried));
    }

    public static async Task<Accepted<PipelineChange>> Reindex(RawStore store, DispatchSignal signal, CancellationToken cancellationToken)
    {
        var queued = await store.MarkAllPendingAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Accepted("/api/pipeline", new PipelineChange(queued));
    }
}
