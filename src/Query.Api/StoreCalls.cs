using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsSearch.SearchStore;

namespace NewsSearch.Query.Api;

/// <summary>A store call's value, or the problem to answer instead.</summary>
public readonly record struct StoreAnswer<T>(T? Value, ProblemHttpResult? Problem);

/// <summary>
/// Every store call goes through here: the store is made ready first, and the call runs under the configured
/// time limit. The caller is answered at the limit even if the store cannot stop its work at once, so a
/// pathological query never holds a request open.
/// </summary>
public sealed class StoreCalls(ISearchStore store, StoreReadiness readiness, IOptions<QueryOptions> options, ILogger<StoreCalls> logger)
{
    public async Task<StoreAnswer<T>> RunAsync<T>(Func<ISearchStore, CancellationToken, Task<T>> work, CancellationToken aborted)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        limit.CancelAfter(options.Value.Timeout);
        try
        {
            if (!await readiness.EnsureAsync(limit.Token))
                return new(default, StoreReadiness.Unavailable());
            return new(await work(store, limit.Token).WaitAsync(limit.Token), null);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return new(default, TimedOut());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A store fault (file locked, Elasticsearch down) is the service's problem, reported without its details.
            logger.LogError(exception, "The search store failed");
            return new(default, StoreReadiness.Unavailable());
        }
    }

    private static ProblemHttpResult TimedOut() => TypedResults.Problem(
        title: "Search took too long",
        detail: "The query ran past the service's time limit; narrow it (fewer OR terms, longer prefixes) and try again.",
        statusCode: StatusCodes.Status503ServiceUnavailable);
}
