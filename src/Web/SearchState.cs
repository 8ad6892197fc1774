using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace NewsSearch.Web;

public enum Facet
{
    Source,
    Actor,
    Topic,
}

/// <summary>
/// Everything a search page shows is decided by its URL: reload, back/forward and a pasted link all
/// restore it. Values are kept as the user gave them (the query API judges them and says what is wrong);
/// every change builds a new state, and <see cref="Href"/> writes it back in one canonical order.
/// </summary>
public sealed record SearchState
{
    public string Q { get; init; } = "";
    public IReadOnlyList<string> Sources { get; init; } = [];
    public IReadOnlyList<string> Actors { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>Story ids: the search shows one event's coverage (from an article's or a hit's story link).</summary>
    public IReadOnlyList<string> Stories { get; init; } = [];
    public string? From { get; init; }
    public string? To { get; init; }
    public string Sort { get; init; } = DefaultSort;
    public string? Page { get; init; }

    public const string DefaultSort = "relevance";
    public const int PageSize = 10;
    public static IReadOnlyList<string> SortOrders { get; } = ["relevance", "newest", "oldest"];
    public static SearchState Empty { get; } = new();

    public static SearchState FromQuery(IQueryCollection query) => new()
    {
        Q = Single(query, "q") ?? "",
        Sources = Many(query, "source"),
        Actors = Many(query, "actor"),
        Topics = Many(query, "topic"),
        Stories = Many(query, "story"),
        From = Single(query, "from"),
        To = Single(query, "to"),
        Sort = Single(query, "sort") ?? DefaultSort,
        Page = Single(query, "page"),
    };

    public int PageNumber => int.TryParse(Page, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : 1;

    public bool HasFilters => Sources.Count + Actors.Count + Topics.Count + Stories.Count > 0 || From is not null || To is not null;

    public DateOnly? FromDate => ParseDate(From);
    public DateOnly? ToDate => ParseDate(To);

    public IReadOnlyList<string> Values(Facet facet) => facet switch
    {
        Facet.Source => Sources,
        Facet.Actor => Actors,
        _ => Topics,
    };

    public bool IsSelected(Facet facet, string value) => Values(facet).Contains(value, StringComparer.Ordinal);

    /// <summary>A filter change shows the first page again: the old page number means nothing in the new result.</summary>
    public SearchState With(Facet facet, string value) =>
        IsSelected(facet, value) ? this with { Page = null } : WithValues(facet, [.. Values(facet), value]);

    public SearchState Without(Facet facet, string value) =>
        WithValues(facet, [.. Values(facet).Where(v => !string.Equals(v, value, StringComparison.Ordinal))]);

    public SearchState WithDates(string? from, string? to) => this with { From = from, To = to, Page = null };

    public SearchState WithoutFilters() =>
        this with { Sources = [], Actors = [], Topics = [], Stories = [], From = null, To = null, Page = null };

    /// <summary>Every article of one story, nothing else.</summary>
    public static SearchState OfStory(string story) => Empty with { Stories = [story] };

    public SearchState WithPage(int page) => this with { Page = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture) };

    /// <summary>The page's own address: "/" plus the canonical query string.</summary>
    public string Href => "/" + Encode(Parameters());

    /// <summary>Another page or API route over the same search: every filter, without the page number.</summary>
    public string PathFor(string path, params (string Name, string Value)[] extra) =>
        path + Encode([.. (this with { Page = null }).Parameters(), .. extra]);

    /// <summary>Every match of this search as a file, from the query API through the gateway.</summary>
    public string ExportHref(string format) => PathFor("/api/search/export", ("format", format));

    /// <summary>The query API's address for this state.</summary>
    public string ApiSearchPath(int facetSize) => "api/search" + Encode(
    [
        .. Parameters(),
        ("size", PageSize.ToString(CultureInfo.InvariantCulture)),
        ("facetSize", facetSize.ToString(CultureInfo.InvariantCulture)),
    ]);

    private SearchState WithValues(Facet facet, IReadOnlyList<string> values) => facet switch
    {
        Facet.Source => this with { Sources = values, Page = null },
        Facet.Actor => this with { Actors = values, Page = null },
        _ => this with { Topics = values, Page = null },
    };

    private List<(string Name, string Value)> Parameters()
    {
        var parts = new List<(string Name, string Value)>();
        if (Q.Length > 0) parts.Add(("q", Q));
        parts.AddRange(Sources.Select(v => ("source", v)));
        parts.AddRange(Actors.Select(v => ("actor", v)));
        parts.AddRange(Topics.Select(v => ("topic", v)));
        parts.AddRange(Stories.Select(v => ("story", v)));
        if (From is not null) parts.Add(("from", From));
        if (To is not null) parts.Add(("to", To));
        if (Sort != DefaultSort) parts.Add(("sort", Sort));
        if (Page is not null) parts.Add(("page", Page));
        return parts;
    }

    private static string Encode(IEnumerable<(string Name, string Value)> parts)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in parts)
            builder.Append(builder.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        return builder.ToString();
    }

    private static string? Single(IQueryCollection query, string name) =>
        query[name].LastOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private static IReadOnlyList<string> Many(IQueryCollection query, string name) =>
        [.. query[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal)];

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
