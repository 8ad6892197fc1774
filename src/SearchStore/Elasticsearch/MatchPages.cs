using System.Globalization;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using NewsSearch.Articles;
using ElasticSearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;
using ElasticSortOrder = Elastic.Clients.Elasticsearch.SortOrder;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>
/// The pages of a point-in-time walk over every match of a search (<c>pit</c> + <c>search_after</c>), and the reading
/// of their hits into the contract's types, as the embedded store gives them (see SqliteMatchStream).
/// </summary>
internal static class MatchPages
{
    /// <summary>Hits per page when only facet values are read: small documents, so few round trips.</summary>
    public const int FacetPageSize = 1000;

    /// <summary>Hits per page of whole articles: bodies are large, and the page is what the stream holds at once.</summary>
    public const int ArticlePageSize = 200;

    /// <summary>
    /// How long the point in time outlives the last page request. It only has to reach the next request, but the
    /// next one waits until the caller has consumed the page it holds, and a download is as slow as its client.
    /// </summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromMinutes(5);

    public static Duration KeepAliveDuration => new(FormattableString.Invariant($"{(int)KeepAlive.TotalMinutes}m"));

    /// <summary>The derived fields (see <see cref="ArticleIndex.Document"/>) that are not part of the article.</summary>
    private static readonly string[] DerivedFields = [ArticleIndex.ActorNames, ArticleIndex.ActorKeys, ArticleIndex.ActorForms, ArticleIndex.StoryLabel, ArticleIndex.StoryTerms];

    /// <summary>
    /// One page: everything in filter context (no scores are needed, so none are computed), ordered by publication
    /// day with undated articles last and then by id, which is unique, so <c>search_after</c> neither skips nor repeats.
    /// The request names no index: the point in time carries it.
    /// </summary>
    public static ElasticSearchRequest Page(
        string pitId,
        SearchRequest request,
        IReadOnlyDictionary<string, IReadOnlyList<string>> aliases,
        SourceConfig source,
        int size,
        IReadOnlyCollection<FieldValue>? after) => new()
    {
        Pit = new PointInTimeReference { Id = pitId, KeepAlive = KeepAliveDuration },
        Query = QueryTranslator.Bool(filter: [QueryTranslator.Translate(request.Query, aliases), .. FacetedSearch.Filters(request, except: null)]),
        Size = size,
        TrackTotalHits = false,
        Sort = Sort(request.Sort),
        SearchAfter = after is null ? null : [.. after],
        Source = source,
    };

    private static List<SortOptions> Sort(SortOrder order)
    {
        // Relevance has no meaning without scores: as in the embedded store, it streams newest first.
        var direction = order == SortOrder.Oldest ? ElasticSortOrder.Asc : ElasticSortOrder.Desc;
        return
        [
            new() { Field = new FieldSort(ArticleIndex.Published) { Order = direction, Missing = "_last" } },
            new() { Field = new FieldSort(ArticleIndex.Id) { Order = ElasticSortOrder.Asc } },
        ];
    }

    /// <summary>Only what a <see cref="MatchedArticle"/> holds.</summary>
    public static SourceConfig FacetFields()
    {
        string[] fields = [ArticleIndex.Id, ArticleIndex.Source, ArticleIndex.Published, ArticleIndex.ActorName, ArticleIndex.ActorType, ArticleIndex.TopicLabel, ArticleIndex.Story];
        return new SourceFilter { Includes = fields };
    }

    /// <summary>What story assignment reads back of every indexed article.</summary>
    public static SourceConfig StoryFields()
    {
        string[] fields =
        [
            ArticleIndex.Id, ArticleIndex.Source, ArticleIndex.Published, ArticleIndex.PublishedMonthDay, ArticleIndex.ActorName,
            ArticleIndex.Story, ArticleIndex.StoryTerms,
        ];
        return new SourceFilter { Includes = fields };
    }

    public static StoredStory Stored(Hit<JsonObject> hit) => new(
        Matched(hit),
        NewsSearch.Stories.MonthDay.Parse(SearchResults.String(hit.Source?[ArticleIndex.PublishedMonthDay])),
        ArticleIndex.StoryOf(hit.Source)?.Terms ?? []);

    /// <summary>The whole article, less the derived fields, and less the body unless it is wanted.</summary>
    public static SourceConfig ArticleFields(bool withBody)
    {
        string[] fields = withBody ? DerivedFields : [.. DerivedFields, ArticleIndex.Body];
        return new SourceFilter { Excludes = fields };
    }

    /// <summary>
    /// A hit's facet values, normalised as the embedded store writes them: the source trimmed (Unknown when blank),
    /// names trimmed, actor types lower case, and a name repeated in another case counted once, at its first place.
    /// </summary>
    public static MatchedArticle Matched(Hit<JsonObject> hit)
    {
        var source = hit.Source;
        var id = hit.Id ?? SearchResults.String(source?[ArticleIndex.Id]) ?? "";
        var outlet = SearchResults.String(source?[ArticleIndex.Source])?.Trim();
        var actors = Items(source?[ArticleIndex.Actors])
            .Select(a => (Name: SearchResults.String(a["name"])?.Trim(), Type: SearchResults.String(a["type"])?.ToLowerInvariant()))
            .Where(a => !string.IsNullOrEmpty(a.Name))
            .DistinctBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a => new NamedActor(a.Name!, a.Type))
            .ToList();
        var topics = Items(source?[ArticleIndex.Topics])
            .Select(t => SearchResults.String(t["label"])?.Trim())
            .OfType<string>()
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new MatchedArticle(
            id,
            string.IsNullOrEmpty(outlet) ? EnrichedArticle.UnknownSource : outlet,
            Day(SearchResults.String(source?[ArticleIndex.Published])),
            actors,
            topics,
            SearchResults.String(source?[ArticleIndex.Story]));
    }

    /// <summary>The article a hit holds; without the body (left out of the page) it reads as an empty body.</summary>
    public static EnrichedArticle Article(Hit<JsonObject> hit, bool withBody)
    {
        var id = hit.Id ?? "";
        if (!withBody && hit.Source is { } source) source[ArticleIndex.Body] = "";
        var article = ArticleIndex.Article(id, hit.Source);
        return withBody ? article : article with { Body = "" };
    }

    private static IEnumerable<JsonObject> Items(JsonNode? list) => list is JsonArray array ? array.OfType<JsonObject>() : [];

    private static DateOnly? Day(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
}
