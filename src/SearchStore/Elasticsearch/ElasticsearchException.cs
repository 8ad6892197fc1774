using Elastic.Transport.Products.Elasticsearch;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>Elasticsearch answered with an error (or not at all) where the store needs an answer.</summary>
public sealed class ElasticsearchException(int? status, string? errorType, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The HTTP status of the answer; null when there was none (connection refused, timeout).</summary>
    public int? Status { get; } = status;
    public string? ErrorType { get; } = errorType;

    /// <summary>The error a response carries, as an exception that says what the store was doing.</summary>
    public static ElasticsearchException From(ElasticsearchResponse response, string action)
    {
        response.TryGetOriginalException(out var original);
        return new ElasticsearchException(
            response.ApiCallDetails.HttpStatusCode,
            response.ElasticsearchServerError?.Error?.Type,
            $"{action}: {Describe(response)}",
            original);
    }

    /// <summary>The status and the reason Elasticsearch gives, or what kept the answer from coming.</summary>
    public static string Describe(ElasticsearchResponse response)
    {
        var status = response.ApiCallDetails.HttpStatusCode;
        var error = response.ElasticsearchServerError?.Error;
        if (error is not null) return $"{status} {error.Type}: {error.Reason ?? "no reason given"}";
        if (response.TryGetOriginalException(out var exception) && exception is not null)
            return $"{(status is null ? "no answer" : status.ToString())} ({exception.GetType().Name}): {exception.Message}";
        return status is null ? "no answer" : $"{status}: no reason given";
    }
}

internal static class ResponseChecks
{
    /// <summary>
    /// The response when it is valid. Otherwise the cancellation, if the call was cancelled (the client reports a
    /// cancelled call as a failed one), or an <see cref="ElasticsearchException"/> saying what failed.
    /// </summary>
    public static T Valid<T>(this T response, string action, CancellationToken cancellationToken) where T : ElasticsearchResponse
    {
        if (response.IsValidResponse) return response;
        cancellationToken.ThrowIfCancellationRequested();
        throw ElasticsearchException.From(response, action);
    }
}
