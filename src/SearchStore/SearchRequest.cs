using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore;

public enum SortOrder
{
    Relevance,
    Newest,
    Oldest,
}

/// <summary>
/// A validated search: the parsed query (null matches everything), facet filters (OR within a facet,
/// AND across facets), an inclusive publication-date range, sort and paging.
/// </summary>
public sealed record SearchRequest
{
    public Query? Query { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public IReadOnlyList<string> Actors { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>Story ids (see <see cref="StoryDetail"/>); a story filter, OR within it like the other facets.</summary>
    public IReadOnlyList<string> Stories { get; init; } = [];
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public SortOrder Sort { get; init; } = SortOrder.Relevance;
    public int Page { get; init; } = 1;
    public int Size { get; init; } = DefaultSize;
    /// <summary>How many values each of the source, actor and topic facets returns.</summary>
    public int FacetSize { get; init; } = DefaultFacetSize;

    public const int DefaultSize = 10;
    public const int MaxSize = 100;
    public const int DefaultFacetSize = 10;
    public const int MaxFacetSize = 100;

    /// <summary>The problems with this request, keyed by parameter name; empty when it is valid.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (Page < 1) errors["page"] = "page starts at 1.";
        if (Size is < 1 or > MaxSize) errors["size"] = $"size must be between 1 and {MaxSize}.";
        if (FacetSize is < 1 or > MaxFacetSize) errors["facetSize"] = $"facetSize must be between 1 and {MaxFacetSize}.";
        if (Page >= 1 && Size is >= 1 and <= MaxSize && (long)Page * Size > SearchResult.MaxResultWindow)
            errors["page"] = $"page × size may not exceed {SearchResult.MaxResultWindow}; narrow the search instead of paging deeper.";
        if (From is { } from && To is { } to && from > to) errors["from"] = "from must not be after to.";
        return errors;
    }
}
