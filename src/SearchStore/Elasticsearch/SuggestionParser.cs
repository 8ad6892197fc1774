using System.Text.Json.Nodes;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>Reads the suggestion aggregations: actors, topics and sources by article count, then titles.</summary>
internal static class SuggestionParser
{
    public static IReadOnlyList<Suggestion> Parse(JsonNode? body, int limit)
    {
        var aggregations = body?["aggregations"];
        var suggestions = new List<Suggestion>();
        Add(aggregations?["actor"]?["matching"], SuggestionKind.Actor);
        Add(aggregations?["topic"]?["matching"], SuggestionKind.Topic);
        Add(aggregations?["source"], SuggestionKind.Source);
        var ranked = suggestions.OrderByDescending(s => s.Count).ThenBy(s => s.Kind).ThenBy(s => s.Value, StringComparer.Ordinal).ToList();

        if (aggregations?["title"]?["top"]?["hits"]?["hits"] is JsonArray titles)
        {
            foreach (var title in titles.Select(hit => SearchResponses.String(hit?["_source"]?["title"])).OfType<string>().Distinct())
                ranked.Add(new Suggestion(title, SuggestionKind.Title, 1));
        }
        return ranked.Take(limit).ToList();

        void Add(JsonNode? aggregation, SuggestionKind kind)
        {
            foreach (var bucket in SearchResponses.Buckets(aggregation?["values"]))
            {
                if (SearchResponses.String(bucket["key"]) is { } value)
                    suggestions.Add(new Suggestion(value, kind, SearchResponses.Long(bucket["doc_count"]) ?? 0));
            }
        }
    }
}
