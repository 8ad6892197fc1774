using Microsoft.AspNetCore.Http.HttpResults;
using NewsSearch.SearchStore;

namespace NewsSearch.Query.Api;

/// <summary>What the export and the coverage analyses share: a search's filters, over every match.</summary>
public static class AnalysisRequests
{
    /// <summary>The search's filters as a request for all its matches: page, size and facet size belong to the search page.</summary>
    public static (SearchRequest? Request, Dictionary<string, string[]> Errors) ForEveryMatch(this SearchParameters parameters, QueryOptions options) =>
        (parameters with { Page = null, Size = null, FacetSize = null }).ToRequest(options);
}

public static class AnalysisProblems
{
    /// <summary>The configured store cannot stream matches (the Elasticsearch adapter, for now).</summary>
    public static ProblemHttpResult NotSupported(NotSupportedException exception) => TypedResults.Problem(
        title: "Not available with this search store",
        detail: exception.Message,
        statusCode: StatusCodes.Status501NotImplemented);
}
