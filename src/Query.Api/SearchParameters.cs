using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using NewsSearch.Articles;
using NewsSearch.SearchStore;
using NewsSearch.SearchStore.Querying;
using QueryModel = NewsSearch.SearchStore.Querying.Query;

namespace NewsSearch.Query.Api;

/// <summary>The query string of <c>GET /api/search</c>, exactly as sent; <see cref="ToRequest"/> validates it.</summary>
public sealed record SearchParameters
{
    [FromQuery(Name = "q"), Description("Words, \"exact phrases\", prefix*, OR, and -exclusions; at most 256 characters. Empty matches every article.")]
    public string? Q { get; init; }

    [FromQuery(Name = "source"), Description("Publisher; repeat for several (OR).")]
    public string[]? Source { get; init; }

    [FromQuery(Name = "actor"), Description("Person, organisation or country; repeat for several (OR).")]
    public string[]? Actor { get; init; }

    [FromQuery(Name = "topic"), Description("Topic label; repeat for several (OR).")]
    public string[]? Topic { get; init; }

    [FromQuery(Name = "story"), Description("Story id (the id of the story's first article, 16 lowercase hex characters); repeat for several (OR).")]
    public string[]? Story { get; init; }

    [FromQuery(Name = "from"), Description("Earliest publication date, inclusive (yyyy-MM-dd).")]
    public string? From { get; init; }

    [FromQuery(Name = "to"), Description("Latest publication date, inclusive (yyyy-MM-dd).")]
    public string? To { get; init; }

    [FromQuery(Name = "sort"), Description("relevance (default), newest or oldest.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "page"), Description("Page number from 1; page × size may not exceed 10000.")]
    public string? Page { get; init; }

    [FromQuery(Name = "size"), Description("Hits per page, 1 to 100 (default 10).")]
    public string? Size { get; init; }

    [FromQuery(Name = "facetSize"), Description("Values per source, actor and topic facet, 1 to 100 (default 10).")]
    public string? FacetSize { get; init; }

    /// <summary>The validated search, or the problems keyed by parameter name.</summary>
    public (SearchRequest? Request, Dictionary<string, string[]> Errors) ToRequest(QueryOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        var query = ParseQuery(Q, errors);
        var sources = FacetValues("source", Source, options, errors);
        var actors = FacetValues("actor", Actor, options, errors);
        var topics = FacetValues("topic", Topic, options, errors);
        var stories = StoryIds(Story, options, errors);
        var from = Date("from", From, errors);
        var to = Date("to", To, errors);
        var sort = SortOrderOf(Sort, errors);
        var page = Number("page", Page, 1, errors);
        var size = Number("size", Size, SearchRequest.DefaultSize, errors);
        var facetSize = Number("facetSize", FacetSize, SearchRequest.DefaultFacetSize, errors);

        var request = new SearchRequest
        {
            Query = query,
            Sources = sources,
            Actors = actors,
            Topics = topics,
            Stories = stories,
            From = from,
            To = to,
            Sort = sort,
            Page = page,
            Size = size,
            FacetSize = facetSize,
        };
        foreach (var (name, message) in request.Validate())
            errors.TryAdd(name, [message]);
        return errors.Count == 0 ? (request, errors) : (null, errors);
    }

    /// <summary>User text becomes the project's query model here; it never reaches the store as text.</summary>
    internal static QueryModel? ParseQuery(string? text, Dictionary<string, string[]> errors)
    {
        if (CleanText("q", text, QueryParser.MaxLength, errors) is not { } clean)
            return null;
        var parsed = QueryParser.Parse(clean);
        if (!parsed.IsValid)
            errors["q"] = [parsed.Error!];
        return parsed.Query;
    }

    /// <summary>
    /// Trims and checks free text: tabs and line breaks (pasted text) become spaces, other control characters are refused.
    /// Null when empty or invalid.
    /// </summary>
    internal static string? CleanText(string name, string? text, int maxLength, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (text.Length > maxLength)
        {
            errors[name] = [$"{name} may be at most {maxLength} characters long."];
            return null;
        }
        var spaced = text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
        if (spaced.Any(char.IsControl))
        {
            errors[name] = [$"{name} may not contain control characters."];
            return null;
        }
        return spaced.Trim();
    }

    private const int MaxFacetValueLength = 200;

    private static IReadOnlyList<string> FacetValues(string name, string[]? values, QueryOptions options, Dictionary<string, string[]> errors)
    {
        if (values is null or [])
            return [];
        if (values.Length > options.MaxFacetValues)
        {
            errors[name] = [$"{name} may be repeated at most {options.MaxFacetValues} times."];
            return [];
        }
        var problems = new List<string>();
        var clean = new List<string>();
        foreach (var value in values)
        {
            var valueErrors = new Dictionary<string, string[]>();
            if (CleanText(name, value, MaxFacetValueLength, valueErrors) is { } text)
                clean.Add(text);
            problems.AddRange(valueErrors.Values.SelectMany(messages => messages));
        }
        if (problems.Count > 0)
            errors[name] = [.. problems.Distinct()];
        return [.. clean.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Story ids are article ids: anything else is refused, not searched for.</summary>
    private static IReadOnlyList<string> StoryIds(string[]? values, QueryOptions options, Dictionary<string, string[]> errors)
    {
        if (values is null or []) return [];
        if (values.Length > options.MaxFacetValues)
        {
            errors["story"] = [$"story may be repeated at most {options.MaxFacetValues} times."];
            return [];
        }
        var ids = values.Select(v => v?.Trim() ?? "").ToList();
        if (!ids.All(ArticleId.IsWellFormed))
        {
            errors["story"] = [StoriesApi.MalformedId];
            return [];
        }
        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    private static DateOnly? Date(string name, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors[name] = [$"{name} must be a date written yyyy-MM-dd."];
        return null;
    }

    private static SortOrder SortOrderOf(string? text, Dictionary<string, string[]> errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "relevance": return SortOrder.Relevance;
            case "newest": return SortOrder.Newest;
            case "oldest": return SortOrder.Oldest;
            default:
                errors["sort"] = ["sort must be relevance, newest or oldest."];
                return SortOrder.Relevance;
        }
    }

    internal static int Number(string name, string? text, int fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return number;
        errors[name] = [$"{name} must be a whole number."];
        return fallback;
    }
}
