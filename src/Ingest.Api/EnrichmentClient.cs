using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsSearch.Articles;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NewsSearch.Ingest.Api;

/// <summary>What a call to enrichment came to.</summary>
public abstract record EnrichResponse
{
    /// <summary>Enrichment answered for every article; each outcome says indexed or why not.</summary>
    public sealed record Answered(IReadOnlyList<EnrichOutcome> Outcomes) : EnrichResponse;

    /// <summary>Enrichment is down, overloaded or slow: try again later without holding it against the articles.</summary>
    /// <summary><paramref name="TimedOut"/>: the batch may simply have been too big to enrich in time.</summary>
    public sealed record Unavailable(string Reason, TimeSpan? RetryAfter, bool TimedOut = false) : EnrichResponse;

    /// <summary>Enrichment refused or broke on the whole batch: that counts as a failed attempt for each article.</summary>
    public sealed record Refused(string Reason) : EnrichResponse;
}

/// <summary>The client side of enrichment's contract: <c>POST /enrich</c> and <c>DELETE /index/{id}</c>.</summary>
public sealed class EnrichmentClient(IHttpClientFactory clients, TimeProvider time)
{
    public const string Name = "enrichment";

    /// <summary>The logical address; ServiceDefaults' discovery resolves it from <c>services:enrichment:http:0</c>.</summary>
    public static readonly Uri BaseAddress = new("http://enrichment");

    public async Task<EnrichResponse> EnrichAsync(IReadOnlyList<RawArticle> articles, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await clients.CreateClient(Name).PostAsJsonAsync("/enrich", articles, ArticleJson.Options, cancellationToken);
            if (IsTransient(response.StatusCode))
            {
                return new EnrichResponse.Unavailable($"enrichment answered {(int)response.StatusCode}", RetryAfter(response));
            }

            if (!response.IsSuccessStatusCode)
            {
                return new EnrichResponse.Refused($"enrichment answered {(int)response.StatusCode}: {await Excerpt(response, cancellationToken)}");
            }

            var outcomes = await response.Content.ReadFromJsonAsync<List<EnrichOutcome>>(ArticleJson.Options, cancellationToken);
            return outcomes is null
                ? new EnrichResponse.Refused("enrichment answered null")
                : new EnrichResponse.Answered(outcomes);
        }
        catch (HttpRequestException exception)
        {
            return new EnrichResponse.Unavailable($"enrichment unreachable: {exception.Message}", null);
        }
        catch (ExecutionRejectedException exception)
        {
            // The shared resilience pipeline's circuit is open, or an attempt timed out.
            return new EnrichResponse.Unavailable($"enrichment unavailable: {exception.Message}", (exception as BrokenCircuitException)?.RetryAfter, exception is TimeoutRejectedException);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new EnrichResponse.Unavailable("enrichment timed out", null, TimedOut: true);
        }
        catch (JsonException exception)
        {
            return new EnrichResponse.Refused($"enrichment answered malformed JSON: {exception.Message}");
        }
    }

    /// <summary>Removes an article from the index; true once it is gone (also when it was never indexed).</summary>
    public async Task<bool> RemoveFromIndexAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await clients.CreateClient(Name).DeleteAsync($"/index/{Uri.EscapeDataString(id)}", cancellationToken);
            return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound;
        }
        catch (Exception exception) when (exception is HttpRequestException or ExecutionRejectedException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };

    private static async Task<string> Excerpt(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Length <= 300 ? body : body[..300];
    }
}
