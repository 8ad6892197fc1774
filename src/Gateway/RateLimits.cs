using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace NewsSearch.Gateway;

/// <summary>
/// Two limits in one chain: a token bucket per client IP (one for reads, one for writes), then a cap on
/// searches running at once across all clients. A client over its budget gets 429 with Retry-After; when the
/// search cap and its queue are full the fault is the server's capacity, not the client's, so that is 503
/// with Retry-After.
/// </summary>
internal static class RateLimits
{
    public static void Configure(RateLimiterOptions limiter, RateLimitOptions options, GatewayRoutes routes)
    {
        var perClient = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            routes.PolicyFor(context)?.Budget switch
            {
                Budget.Reads => RateLimitPartition.GetTokenBucketLimiter($"r|{ClientOf(context)}", _ => Bucket(options.Reads)),
                Budget.Writes => RateLimitPartition.GetTokenBucketLimiter($"w|{ClientOf(context)}", _ => Bucket(options.Writes)),
                _ => RateLimitPartition.GetNoLimiter(string.Empty),
            });

        var searches = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            routes.PolicyFor(context) is { IsSearch: true }
                ? RateLimitPartition.GetConcurrencyLimiter("search", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = options.ConcurrentSearches,
                    QueueLimit = options.SearchQueue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty));

        limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(perClient, searches);
        limiter.OnRejected = OnRejectedAsync;
    }

    private static TokenBucketRateLimiterOptions Bucket(TokenBucket bucket) => new()
    {
        TokenLimit = bucket.TokenLimit,
        TokensPerPeriod = bucket.TokensPerPeriod,
        ReplenishmentPeriod = bucket.Period,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>After UseForwardedHeaders, so a trusted proxy's X-Forwarded-For names the client.</summary>
    private static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return new ValueTask(Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
                "This client has used up its request budget; retry after the time in Retry-After."));
        }

        context.Response.Headers.RetryAfter = "1";
        return new ValueTask(Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Too many searches at once",
            "The gateway is running as many searches as it allows; retry shortly."));
    }
}
