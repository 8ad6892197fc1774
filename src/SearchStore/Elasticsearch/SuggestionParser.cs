using System.Text.Json.Nodes;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>Reads the suggestion aggregations: actors, topics, sources and titles, by article count.</summary>
internal static class SuggestionParser
{
    public static IReadOnlyList<Suggestion> Parse(JsonNode? body, int limit)
    {
        var aggregations = body.At("aggregations");
        var suggestions = new List<Suggestion>();
        Add(aggregations.At("actor").At("matching"), SuggestionKind.Actor);
        Add(aggregations.At("topic").At("matching"), SuggestionKind.Topic);
        Add(aggregations.At("source"), SuggestionKind.Source);
        if (aggregations.At("title").At("top").At("hits").At("hits") is JsonArray titles)
        {
            foreach (var group in titles.Select(hit => SearchResponses.String(hit.At("_source").At("title"))).OfType<string>().GroupBy(t => t))
                suggestions.Add(new Suggestion(group.Key, SuggestionKind.Title, group.Count()));
        }
        // The embedded store's order, so both backends suggest alike.
        return suggestions
            .OrderByDescending(s => s.Count)
            .ThenBy(s => s.Kind)
            .ThenBy(s => s.Value, StringComparer.OrdinalIgnoreCase)
            .Take(limit)
            .ToList();

        void Add(JsonNode? aggregation, SuggestionKind kind)
        {
            foreach (var bucket in SearchResponses.Buckets(aggregation.At("values")))
            {
                if (SearchResponses.String(bucket["key"]) is { } value)
                    suggestions.Add(new Suggestion(value, kind, SearchResponses.Long(bucket["doc_count"]) ?? 0));
            }
        }
    }
}
