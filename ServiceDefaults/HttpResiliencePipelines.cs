using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace NewsSearch.ServiceDefaults;

/// <summary>
/// One pipeline per destination (scheme and authority, before discovery resolves it), shared by every
/// HttpClient: a circuit opened by one client protects the same destination for all the others, and survives
/// the handler rotation of IHttpClientFactory. Order as in Aspire's standard handler: total timeout, retry,
/// circuit breaker, attempt timeout.
/// </summary>
public sealed class HttpResiliencePipelines(IOptions<HttpResilienceOptions> options)
{
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("NewsSearch.Request");

    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> pipelines = new(StringComparer.OrdinalIgnoreCase);

    public ResiliencePipeline<HttpResponseMessage> For(Uri destination) =>
        pipelines.GetOrAdd(destination.GetLeftPart(UriPartial.Authority), _ => Create(options.Value));

    private static ResiliencePipeline<HttpResponseMessage> Create(HttpResilienceOptions settings)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(settings.TotalTimeout);
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsIdempotent(args.Context) && IsTransient(args.Outcome)),
            });
        }
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = settings.BreakerFailureRatio,
                MinimumThroughput = settings.BreakerMinimumThroughput,
                SamplingDuration = settings.BreakerSamplingDuration,
                BreakDuration = settings.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
    }

    /// <summary>Only requests that can be repeated without changing the outcome are retried.</summary>
    private static bool IsIdempotent(ResilienceContext context) =>
        context.Properties.TryGetValue(RequestKey, out var request) && IsIdempotent(request.Method);

    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options ||
        method == HttpMethod.Trace || method == HttpMethod.Put || method == HttpMethod.Delete;

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode >= HttpStatusCode.InternalServerError ||
                                    response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        _ => false,
    };
}
