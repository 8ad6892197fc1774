using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using NewsSearch.Articles;
using NewsSearch.Coverage.Analysis;
using NewsSearch.Coverage.Comparison;
using Polly;

namespace NewsSearch.Web;

/// <summary>What went wrong with a query API call, in words a page can show.</summary>
public sealed record QueryProblem(int Status, string Title, string? Detail, IReadOnlyList<string> Errors)
{
    public bool IsUnavailable => Status >= 500;

    public static QueryProblem Unavailable(string detail) =>
        new(StatusCodes.Status503ServiceUnavailable, "The search service is not responding", detail, []);
}

/// <summary>A query API answer: either the value or the problem.</summary>
public sealed record QueryResponse<T>(T? Value, QueryProblem? Problem) where T : class;

/// <summary>
/// The web service's only way to data: the public query API (never the store), deserialised into the
/// shared records with <see cref="ArticleJson.Options"/>. Failures become <see cref="QueryProblem"/>s, not exceptions,
/// so every page can render a friendly state instead of an error page.
/// </summary>
public sealed class QueryClient(HttpClient http, ILogger<QueryClient> logger)
{
    public const string ServiceName = "query";

    public Task<QueryResponse<SearchResult>> SearchAsync(SearchState state, int facetSize, CancellationToken cancellationToken) =>
        GetAsync<SearchResult>(state.ApiSearchPath(facetSize), cancellationToken);

    public Task<QueryResponse<EnrichedArticle>> GetArticleAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<EnrichedArticle>($"api/articles/{Uri.EscapeDataString(id)}", cancellationToken);

    public Task<QueryResponse<List<SearchHit>>> SimilarAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<List<SearchHit>>($"api/articles/{Uri.EscapeDataString(id)}/similar", cancellationToken);

    public Task<QueryResponse<CoverageMatrix>> MatrixAsync(SearchState state, string columns, CancellationToken cancellationToken) =>
        GetAsync<CoverageMatrix>(state.PathFor("api/analysis/matrix", ("rows", "source"), ("cols", columns)), cancellationToken);

    public Task<QueryResponse<AttentionOverTime>> AttentionAsync(SearchState state, CancellationToken cancellationToken) =>
        GetAsync<AttentionOverTime>(state.PathFor("api/analysis/attention"), cancellationToken);

    public Task<QueryResponse<CoverageComparison>> CompareAsync(SearchState state, CancellationToken cancellationToken) =>
        GetAsync<CoverageComparison>(state.PathFor("api/compare"), cancellationToken);

    public async Task<bool> IsAliveAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("alive", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or ExecutionRejectedException)
        {
            return false;
        }
    }

    private async Task<QueryResponse<T>> GetAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        try
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync<T>(ArticleJson.Options, cancellationToken);
                return value is null
                    ? new(null, QueryProblem.Unavailable("The search service sent an empty answer."))
                    : new(value, null);
            }
            return new(null, await ReadProblemAsync(response, cancellationToken));
        }
        // ExecutionRejectedException: the resilience handler's circuit to query is open, or its time limit passed.
        catch (Exception exception) when (exception is HttpRequestException or JsonException or ExecutionRejectedException
                                              || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(exception, "Query API call {Path} failed", path);
            return new(null, QueryProblem.Unavailable("Please try again in a moment."));
        }
    }

    private static async Task<QueryProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var fallbackTitle = response.ReasonPhrase ?? ((HttpStatusCode)status).ToString();
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(ArticleJson.Options, cancellationToken);
            var errors = problem?.Errors?.SelectMany(pair => pair.Value.Select(message => $"{pair.Key}: {message}")).ToList() ?? [];
            return new(status, problem?.Title ?? fallbackTitle, problem?.Detail, errors);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            return new(status, fallbackTitle, null, []);
        }
    }

    /// <summary>RFC 9457 problem details, as ASP.NET Core writes them (validation errors keyed by parameter).</summary>
    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
