using System.Net;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>Elasticsearch answered with an error the store cannot turn into a result.</summary>
public sealed class ElasticsearchException(HttpStatusCode status, string? errorType, string message)
    : Exception($"Elasticsearch answered {(int)status}{(errorType is null ? "" : $" ({errorType})")}: {message}")
{
    public HttpStatusCode Status { get; } = status;
    public string? ErrorType { get; } = errorType;
}
