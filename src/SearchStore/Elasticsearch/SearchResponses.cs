using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>
/// Reads <c>_search</c> answers. Tolerant by design: a missing aggregation or a field of an unexpected type
/// (another index behind the alias, a proxy's filter_path) yields an empty value, not an exception.
/// </summary>
internal static class SearchResponses
{
    /// <summary>Days while the matching dates span at most this many days (about two months), months beyond.</summary>
    public const int MaxDaySpan = 62;

    public static SearchResult Result(JsonNode? body, SearchRequest request, long tookMs)
    {
        var hits = Hits(body);
        var total = Long(body.At("hits").At("total").At("value")) ?? Long(body.At("hits").At("total")) ?? hits.Count;
        var aggregations = body.At("aggregations");
        var (interval, buckets) = Dates(aggregations.At("date"));
        var facets = new SearchFacets(
            Values(aggregations.At("source"), request.Sources),
            Values(aggregations.At("actor").At("nested"), request.Actors),
            Values(aggregations.At("topic").At("nested"), request.Topics),
            buckets,
            interval,
            Long(aggregations.At("date").At("undated").At("doc_count")) ?? 0);
        return new SearchResult(total, request.Page, request.Size, tookMs, hits, facets);
    }

    public static IReadOnlyList<SearchHit> Hits(JsonNode? body)
    {
        var hits = new List<SearchHit>();
        if (body.At("hits").At("hits") is not JsonArray array) return hits;
        foreach (var hit in array.OfType<JsonObject>())
        {
            var source = hit["_source"] as JsonObject;
            var id = String(hit["_id"]) ?? String(source.At("id"));
            if (id is null) continue;
            hits.Add(new SearchHit(
                id,
                String(source.At("title")) ?? "",
                String(source.At("source")) ?? "",
                Date(source.At("published")),
                Snippet(hit["highlight"] as JsonObject, String(source.At("body"))),
                Names(source.At("actors"), "name"),
                Names(source.At("topics"), "label"),
                Double(hit["_score"]) ?? 0));
        }
        return hits;
    }

    /// <summary>The body fragment with a match; else the one with a prefix match; else the start of the body.</summary>
    private static string Snippet(JsonObject? highlight, string? body)
    {
        var fragments = new[] { ArticleIndex.Body, ArticleIndex.Body + ArticleIndex.Plain }
            .Select(field => highlight?[field] is JsonArray { Count: > 0 } array ? String(array[0]) : null)
            .Where(fragment => fragment is not null)
            .ToList();
        var marked = fragments.FirstOrDefault(f => f!.Contains("<mark>", StringComparison.Ordinal));
        if (marked is not null) return marked;
        if (fragments.Count > 0) return fragments[0]!;
        return body is null ? "" : Lead(body);
    }

    /// <summary>The start of the text, cut at a word boundary, HTML-escaped.</summary>
    public static string Lead(string text)
    {
        var lead = text.Length <= SearchBodies.SnippetLength ? text : text[..SearchBodies.SnippetLength];
        var space = lead.LastIndexOf(' ');
        if (lead.Length < text.Length && space > SearchBodies.SnippetLength / 2) lead = lead[..space];
        return WebUtility.HtmlEncode(lead.Trim());
    }

    private static IReadOnlyList<FacetValue> Values(JsonNode? facet, IReadOnlyList<string> selected)
    {
        var chosen = selected.Select(ArticleIndex.Fold).ToHashSet(StringComparer.Ordinal);
        var values = new List<FacetValue>();
        foreach (var bucket in Buckets(facet.At("values")))
        {
            var key = String(bucket["key"]);
            if (key is null) continue;
            values.Add(new FacetValue(key, Long(bucket["doc_count"]) ?? 0, chosen.Contains(ArticleIndex.Fold(key)), TypeOf(bucket)));
        }

        // Ties in the embedded store's order (case-insensitive name); Elasticsearch breaks them by byte order.
        values = [.. values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.OrdinalIgnoreCase)];

        // Selected values outside the top N, or matching nothing: from their own filters buckets.
        var present = values.Select(v => ArticleIndex.Fold(v.Value)).ToHashSet(StringComparer.Ordinal);
        var selectedBuckets = facet.At("selected").At("buckets") as JsonObject;
        foreach (var value in selected.Distinct())
        {
            if (!present.Add(ArticleIndex.Fold(value))) continue;
            var bucket = selectedBuckets?[value] as JsonObject;
            var display = Buckets(bucket.At("display")).FirstOrDefault();
            values.Add(new FacetValue(
                String(display.At("key")) ?? value,
                Long(bucket.At("doc_count")) ?? 0,
                Selected: true,
                display is null ? null : TypeOf(display)));
        }
        return values;
    }

    private static string? TypeOf(JsonObject bucket) => Buckets(bucket["type"]).Select(b => String(b["key"])).FirstOrDefault();

    private static (DateInterval, IReadOnlyList<DateBucket>) Dates(JsonNode? facet)
    {
        var days = Buckets(facet.At("day")).ToList();
        var first = days.Select(b => Date(b["key_as_string"])).FirstOrDefault(d => d is not null);
        var last = days.Select(b => Date(b["key_as_string"])).LastOrDefault(d => d is not null);
        var useDays = first is null || last is null || last.Value.DayNumber - first.Value.DayNumber <= MaxDaySpan;
        var buckets = Buckets(useDays ? facet.At("day") : facet.At("month"))
            .Select(b => (Key: String(b["key_as_string"]), Count: Long(b["doc_count"]) ?? 0))
            .Where(b => b.Key is not null)
            .Select(b => new DateBucket(b.Key!, b.Count))
            .ToList();
        return (useDays ? DateInterval.Day : DateInterval.Month, buckets);
    }

    /// <summary>Buckets of a terms or histogram aggregation (array form), as objects.</summary>
    public static IEnumerable<JsonObject> Buckets(JsonNode? aggregation) =>
        aggregation.At("buckets") is JsonArray buckets ? buckets.OfType<JsonObject>() : [];

    private static IReadOnlyList<string> Names(JsonNode? list, string property) =>
        list is JsonArray array
            ? array.Select(item => item is JsonObject o ? String(o[property]) : String(item)).OfType<string>().ToList()
            : [];

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static long? Long(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? (long)value.GetValue<double>() : null;

    public static double? Double(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    public static bool? Bool(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static DateOnly? Date(JsonNode? node) =>
        String(node) is { Length: >= 10 } text && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
