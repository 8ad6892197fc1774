using System.Globalization;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using ElasticSearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>A story's size, date span, outlets and label: one <c>_search</c> for its articles, answered by aggregations alone.</summary>
internal static class StoryLookup
{
    /// <summary>Most outlets listed for one story; coverage of one event comes from far fewer.</summary>
    public const int MaxOutlets = 500;

    private const string First = "first";
    private const string Last = "last";
    private const string Undated = "undated";
    private const string Outlets = "outlets";
    private const string Label = "label";

    public static ElasticSearchRequest Request(string alias, string id) => new(alias)
    {
        Query = QueryTranslator.Term(ArticleIndex.Story, id),
        Size = 0,
        TrackTotalHits = true,
        Aggregations = new Dictionary<string, Aggregation>
        {
            [First] = new MinAggregation { Field = ArticleIndex.Published, Format = "yyyy-MM-dd" },
            [Last] = new MaxAggregation { Field = ArticleIndex.Published, Format = "yyyy-MM-dd" },
            [Undated] = new MissingAggregation { Field = ArticleIndex.Published },
            [Outlets] = new TermsAggregation { Field = ArticleIndex.Source, Size = MaxOutlets },
            [Label] = new TermsAggregation { Field = ArticleIndex.StoryLabel, Size = 1 },
        },
    };

    /// <summary>The story; null when no article belongs to it (never assigned, or every article deleted or merged away).</summary>
    public static StoryDetail? Read(SearchResponse<JsonObject> response, string id)
    {
        var size = response.HitsMetadata?.Total?.Match(total => total?.Value ?? 0, count => count) ?? 0;
        if (size == 0) return null;
        var aggregations = response.Aggregations;
        var outlets = SearchResults.Buckets(aggregations, Outlets)
            .Select(b => SearchResults.Key(b) is { } name ? new FacetValue(name, b.DocCount, Selected: false) : null)
            .OfType<FacetValue>()
            .OrderByDescending(o => o.Count).ThenBy(o => o.Value, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new StoryDetail(
            id,
            SearchResults.Buckets(aggregations, Label).Select(SearchResults.Key).FirstOrDefault() ?? "",
            size,
            Day(aggregations?.GetMin(First)?.ValueAsString),
            Day(aggregations?.GetMax(Last)?.ValueAsString),
            aggregations?.GetMissing(Undated)?.DocCount ?? 0,
            outlets);
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
