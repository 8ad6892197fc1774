using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using static NewsSearch.SearchStore.Elasticsearch.LookupSearches;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>Reads the answers to <see cref="LookupSearches"/>: the alias table and the suggestions.</summary>
internal static class LookupResults
{
    /// <summary>Per query key, the other written names of the actors it names (at most <see cref="MaxAliasForms"/>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AliasForms(SearchResponse<JsonObject> response, IReadOnlySet<string> keys)
    {
        var forms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var names = response.Aggregations?.GetNested(ActorsAggregation)?.Aggregations?.GetFilter(Matching)?.Aggregations;
        foreach (var actor in SearchResults.Buckets(names, LookupSearches.Names))
        {
            var actorKeys = SearchResults.Buckets(actor.Aggregations, Keys).Select(SearchResults.Key).OfType<string>().ToList();
            var actorForms = SearchResults.Buckets(actor.Aggregations, Forms).Select(SearchResults.Key).OfType<string>().ToList();
            foreach (var key in actorKeys.Where(keys.Contains))
            {
                var known = forms.TryGetValue(key, out var list) ? list : [];
                forms[key] = known.Concat(actorForms.Where(f => QueryTranslator.Key([f]) != key))
                    .Distinct(StringComparer.Ordinal)
                    .Take(MaxAliasForms)
                    .ToList();
            }
        }
        return forms;
    }

    /// <summary>Actors, topics, sources and titles, by article count.</summary>
    public static IReadOnlyList<Suggestion> Suggestions(SearchResponse<JsonObject> response, int limit)
    {
        var aggregations = response.Aggregations;
        var suggestions = new List<Suggestion>();
        Add(aggregations?.GetNested(Kind(SuggestionKind.Actor))?.Aggregations?.GetFilter(Matching)?.Aggregations, SuggestionKind.Actor);
        Add(aggregations?.GetNested(Kind(SuggestionKind.Topic))?.Aggregations?.GetFilter(Matching)?.Aggregations, SuggestionKind.Topic);
        Add(aggregations?.GetFilter(Kind(SuggestionKind.Source))?.Aggregations, SuggestionKind.Source);
        var titles = aggregations?.GetFilter(Kind(SuggestionKind.Title))?.Aggregations?.GetTopHits(Top)?.Hits?.Hits ?? [];
        foreach (var group in titles.Select(hit => Title(hit.Source)).OfType<string>().GroupBy(t => t))
            suggestions.Add(new Suggestion(group.Key, SuggestionKind.Title, group.Count()));

        return Suggestion.Best(suggestions, limit);

        void Add(Elastic.Clients.Elasticsearch.Aggregations.AggregateDictionary? matching, SuggestionKind kind)
        {
            foreach (var bucket in SearchResults.Buckets(matching, Values))
            {
                if (SearchResults.Key(bucket) is { } value) suggestions.Add(new Suggestion(value, kind, bucket.DocCount));
            }
        }
    }

    public static string Kind(SuggestionKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>top_hits sources are untyped: the client hands them over as JSON elements.</summary>
    private static string? Title(object? source) =>
        source is JsonElement { ValueKind: JsonValueKind.Object } element
        && element.TryGetProperty(ArticleIndex.Title, out var title)
        && title.ValueKind == JsonValueKind.String
            ? title.GetString()
            : null;
}
