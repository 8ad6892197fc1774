using NewsSearch.SearchStore;

namespace NewsSearch.Query.Api;

/// <summary>What the export and the coverage analyses share: a search's filters, over every match.</summary>
public static class AnalysisRequests
{
    /// <summary>The search's filters as a request for all its matches: page, size and facet size belong to the search page.</summary>
    public static (SearchRequest? Request, Dictionary<string, string[]> Errors) ForEveryMatch(this SearchParameters parameters, QueryOptions options) =>
        (parameters with { Page = null, Size = null, FacetSize = null }).ToRequest(options);
}
