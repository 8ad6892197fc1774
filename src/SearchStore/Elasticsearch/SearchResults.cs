using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using static NewsSearch.SearchStore.Elasticsearch.FacetedSearch;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>
/// Reads the client's typed <c>_search</c> answers into the contract's types. Tolerant by design: a missing
/// aggregation or a <c>_source</c> field of an unexpected type (another index behind the alias) yields an empty
/// value, not an exception.
/// </summary>
internal static class SearchResults
{
    /// <summary>Days while the matching dates span at most this many days (about two months), months beyond.</summary>
    public const int MaxDaySpan = 62;

    public static SearchResult Result(SearchResponse<JsonObject> response, SearchRequest request, long tookMs)
    {
        var hits = Hits(response);
        var total = response.HitsMetadata?.Total?.Match(total => total?.Value ?? 0, count => count) ?? hits.Count;
        var aggregations = response.Aggregations;
        var dates = aggregations?.GetFilter(Name(Facet.Date))?.Aggregations;
        var (interval, buckets) = Dates(dates);
        var facets = new SearchFacets(
            Values(aggregations?.GetFilter(Name(Facet.Source))?.Aggregations, request.Sources),
            Values(aggregations?.GetFilter(Name(Facet.Actor))?.Aggregations?.GetNested(Nested)?.Aggregations, request.Actors),
            Values(aggregations?.GetFilter(Name(Facet.Topic))?.Aggregations?.GetNested(Nested)?.Aggregations, request.Topics),
            buckets,
            interval,
            dates?.GetMissing(Undated)?.DocCount ?? 0)
        {
            Story = Stories(aggregations?.GetFilter(Name(Facet.Story))?.Aggregations, request.Stories),
        };
        return new SearchResult(total, request.Page, request.Size, tookMs, hits, facets);
    }

    public static IReadOnlyList<SearchHit> Hits(SearchResponse<JsonObject> response)
    {
        var hits = new List<SearchHit>();
        foreach (var hit in response.HitsMetadata?.Hits ?? [])
        {
            var source = hit.Source;
            var id = hit.Id ?? String(source?["id"]);
            if (id is null) continue;
            hits.Add(new SearchHit(
                id,
                String(source?["title"]) ?? "",
                String(source?["source"]) ?? "",
                Date(String(source?["published"])),
                Snippet(hit.Highlight, String(source?["body"])),
                Names(source?["actors"], "name"),
                Names(source?["topics"], "label"),
                hit.Score ?? 0,
                String(source?[ArticleIndex.Story])));
        }
        return hits;
    }

    /// <summary>The body fragment with a match; else the one with a prefix match; else the start of the body.</summary>
    private static string Snippet(IReadOnlyDictionary<string, IReadOnlyCollection<string>>? highlight, string? body)
    {
        var fragments = new[] { ArticleIndex.Body, ArticleIndex.Body + ArticleIndex.Plain }
            .Select(field => highlight is not null && highlight.TryGetValue(field, out var list) ? list.FirstOrDefault() : null)
            .OfType<string>()
            .ToList();
        var marked = fragments.FirstOrDefault(f => f.Contains("<mark>", StringComparison.Ordinal));
        if (marked is not null) return marked;
        if (fragments.Count > 0) return fragments[0];
        return body is null ? "" : Lead(body);
    }

    /// <summary>The start of the text, cut at a word boundary, HTML-escaped.</summary>
    public static string Lead(string text)
    {
        var lead = text.Length <= SnippetLength ? text : text[..SnippetLength];
        var space = lead.LastIndexOf(' ');
        if (lead.Length < text.Length && space > SnippetLength / 2) lead = lead[..space];
        return WebUtility.HtmlEncode(lead.Trim());
    }

    private static IReadOnlyList<FacetValue> Values(AggregateDictionary? facet, IReadOnlyList<string> selected)
    {
        var chosen = selected.Select(ArticleIndex.Fold).ToHashSet(StringComparer.Ordinal);
        var values = new List<FacetValue>();
        foreach (var bucket in Buckets(facet, FacetedSearch.Values))
        {
            if (Key(bucket) is not { } key) continue;
            values.Add(new FacetValue(key, bucket.DocCount, chosen.Contains(ArticleIndex.Fold(key)), TypeOf(bucket)));
        }

        // Ties in the embedded store's order (case-insensitive name); Elasticsearch breaks them by byte order.
        values = [.. values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.OrdinalIgnoreCase)];

        // Selected values outside the top N, or matching nothing: from their own filters buckets.
        var present = values.Select(v => ArticleIndex.Fold(v.Value)).ToHashSet(StringComparer.Ordinal);
        var selectedBuckets = facet?.GetFilters(Selected)?.Buckets.ToList() ?? [];
        var selectedValues = SelectedValues(selected);
        for (var i = 0; i < selectedValues.Count; i++)
        {
            var value = selectedValues[i];
            if (!present.Add(ArticleIndex.Fold(value))) continue;
            var bucket = i < selectedBuckets.Count ? selectedBuckets[i] : null;
            var display = Buckets(bucket?.Aggregations, Display).FirstOrDefault();
            values.Add(new FacetValue(
                display is null ? value : Key(display) ?? value,
                bucket?.DocCount ?? 0,
                Selected: true,
                display is null ? null : TypeOf(display)));
        }
        return values;
    }

    /// <summary>The stories by count, each with its label; selected stories outside them from their own filters buckets.</summary>
    private static IReadOnlyList<FacetValue> Stories(AggregateDictionary? facet, IReadOnlyList<string> selected)
    {
        var chosen = SelectedStories(selected);
        var values = Buckets(facet, FacetedSearch.Values)
            .Select(b => Key(b) is { } id ? new FacetValue(id, b.DocCount, chosen.Contains(id), Label: LabelOf(b)) : null)
            .OfType<FacetValue>()
            .ToList();
        var buckets = facet?.GetFilters(Selected)?.Buckets.ToList() ?? [];
        for (var i = 0; i < chosen.Count; i++)
        {
            if (values.Any(v => v.Value == chosen[i])) continue;
            var bucket = i < buckets.Count ? buckets[i] : null;
            var display = Buckets(bucket?.Aggregations, Display).FirstOrDefault();
            values.Add(new FacetValue(chosen[i], bucket?.DocCount ?? 0, Selected: true, Label: display is null ? null : LabelOf(display)));
        }
        return values;
    }

    public static string? LabelOf(StringTermsBucket bucket) => Buckets(bucket.Aggregations, Label).Select(Key).FirstOrDefault();

    private static string? TypeOf(StringTermsBucket bucket) => Buckets(bucket.Aggregations, FacetedSearch.Type).Select(Key).FirstOrDefault();

    private static (DateInterval, IReadOnlyList<DateBucket>) Dates(AggregateDictionary? facet)
    {
        var days = facet?.GetDateHistogram(Day)?.Buckets ?? [];
        var first = days.Select(b => Date(b.KeyAsString)).FirstOrDefault(d => d is not null);
        var last = days.Select(b => Date(b.KeyAsString)).LastOrDefault(d => d is not null);
        var useDays = first is null || last is null || last.Value.DayNumber - first.Value.DayNumber <= MaxDaySpan;
        var buckets = (useDays ? days : facet?.GetDateHistogram(Month)?.Buckets ?? [])
            .Where(b => b.KeyAsString is not null)
            .Select(b => new DateBucket(b.KeyAsString!, b.DocCount))
            .ToList();
        return (useDays ? DateInterval.Day : DateInterval.Month, buckets);
    }

    /// <summary>The buckets of a terms aggregation over a keyword field; none when it is absent.</summary>
    public static IReadOnlyCollection<StringTermsBucket> Buckets(AggregateDictionary? aggregations, string name) =>
        aggregations?.GetStringTerms(name)?.Buckets ?? [];

    public static string? Key(StringTermsBucket bucket) => bucket.Key.TryGetString(out var key) ? key : null;

    private static IReadOnlyList<string> Names(JsonNode? list, string property) =>
        list is JsonArray array
            ? array.Select(item => item is JsonObject o ? String(o[property]) : String(item)).OfType<string>().ToList()
            : [];

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static DateOnly? Date(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
