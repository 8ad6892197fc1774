using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using ElasticSortOrder = Elastic.Clients.Elasticsearch.SortOrder;
using ElasticSearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>The faceted <c>_search</c>: the text query, facet filters as a post_filter, and disjunctive facet counts.</summary>
internal static class FacetedSearch
{
    public const int SnippetLength = 200;

    /// <summary>Aggregation names, shared by the request and the reading of its answer.</summary>
    public const string Values = "values";
    public const string Selected = "selected";
    public const string Display = "display";
    public const string Type = "type";
    public const string Nested = "nested";
    public const string Day = "day";
    public const string Month = "month";
    public const string Undated = "undated";
    public const string Label = "label";

    /// <summary>Facet names as they appear in the aggregations of a faceted search.</summary>
    public enum Facet
    {
        Source,
        Actor,
        Topic,
        Date,
        Story,
    }

    public static string Name(Facet facet) => facet.ToString().ToLowerInvariant();

    /// <summary>
    /// The query holds only the text; every facet filter is a post_filter, and each facet's aggregation is wrapped
    /// in a filter of all the <em>other</em> facets' selections, which makes the counts disjunctive.
    /// </summary>
    public static ElasticSearchRequest Request(string alias, SearchRequest request, IReadOnlyDictionary<string, IReadOnlyList<string>> aliases)
    {
        var postFilter = Filters(request, except: null);
        return new ElasticSearchRequest(alias)
        {
            Query = QueryTranslator.Translate(request.Query, aliases),
            From = (request.Page - 1) * request.Size,
            Size = request.Size,
            TrackTotalHits = true,
            Sort = Sort(request.Sort),
            Source = HitFields(withBody: request.Query is null),
            Aggregations = new Dictionary<string, Aggregation>
            {
                [Name(Facet.Source)] = Filtered(request, Facet.Source, KeywordFacet(ArticleIndex.Source, request.Sources, request.FacetSize)),
                [Name(Facet.Actor)] = Filtered(request, Facet.Actor, NestedIn(ArticleIndex.Actors, KeywordFacet(ArticleIndex.ActorName, request.Actors, request.FacetSize, typeField: ArticleIndex.ActorType))),
                [Name(Facet.Topic)] = Filtered(request, Facet.Topic, NestedIn(ArticleIndex.Topics, KeywordFacet(ArticleIndex.TopicLabel, request.Topics, request.FacetSize))),
                [Name(Facet.Date)] = Filtered(request, Facet.Date, DateHistograms()),
                [Name(Facet.Story)] = Filtered(request, Facet.Story, StoryFacet(request.Stories, request.FacetSize)),
            },
            PostFilter = postFilter.Count > 0 ? QueryTranslator.Bool(filter: postFilter) : null,
            // Without a query there is nothing to highlight: the snippet is the start of the body (fetched above).
            Highlight = request.Query is null ? null : Highlight(),
        };
    }

    public static SourceConfig HitFields(bool withBody)
    {
        string[] fields = [ArticleIndex.Id, ArticleIndex.Title, ArticleIndex.Source, ArticleIndex.Published, ArticleIndex.ActorName, ArticleIndex.TopicLabel, ArticleIndex.Story];
        return new SourceFilter { Includes = withBody ? [.. fields, ArticleIndex.Body] : fields };
    }

    private static List<SortOptions> Sort(SortOrder order)
    {
        // Ties are broken by id so that paging is stable.
        SortOptions Published(ElasticSortOrder direction) => new() { Field = new FieldSort(ArticleIndex.Published) { Order = direction, Missing = "_last" } };
        SortOptions Score() => new() { Score = new ScoreSort { Order = ElasticSortOrder.Desc } };
        SortOptions Id() => new() { Field = new FieldSort(ArticleIndex.Id) { Order = ElasticSortOrder.Asc } };
        return order switch
        {
            SortOrder.Newest => [Published(ElasticSortOrder.Desc), Score(), Id()],
            SortOrder.Oldest => [Published(ElasticSortOrder.Asc), Score(), Id()],
            _ => [Score(), Published(ElasticSortOrder.Desc), Id()],
        };
    }

    /// <summary>The filter clauses of every selected facet but <paramref name="except"/>; fresh objects on each call.</summary>
    public static List<Query> Filters(SearchRequest request, Facet? except)
    {
        var filters = new List<Query>();
        if (except != Facet.Source && request.Sources.Count > 0)
            filters.Add(QueryTranslator.Terms(ArticleIndex.Source + ArticleIndex.Folded, request.Sources));
        if (except != Facet.Actor && request.Actors.Count > 0)
            filters.Add(QueryTranslator.Nested(ArticleIndex.Actors, QueryTranslator.Terms(ArticleIndex.ActorName + ArticleIndex.Folded, request.Actors)));
        if (except != Facet.Topic && request.Topics.Count > 0)
            filters.Add(QueryTranslator.Nested(ArticleIndex.Topics, QueryTranslator.Terms(ArticleIndex.TopicLabel + ArticleIndex.Folded, request.Topics)));
        if (except != Facet.Story && request.Stories.Count > 0)
            filters.Add(QueryTranslator.Terms(ArticleIndex.Story, SelectedStories(request.Stories)));
        if (except != Facet.Date && (request.From is not null || request.To is not null))
        {
            filters.Add(new DateRangeQuery(ArticleIndex.Published)
            {
                Format = "strict_date",
                Gte = request.From is { } from ? DateMath.FromString(Iso(from)) : null,
                Lte = request.To is { } to ? DateMath.FromString(Iso(to)) : null,
            });
        }
        return filters;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Aggregation Filtered(SearchRequest request, Facet facet, Dictionary<string, Aggregation> aggregations)
    {
        var filters = Filters(request, except: facet);
        return new Aggregation
        {
            Filter = filters.Count == 0 ? QueryTranslator.MatchAll() : QueryTranslator.Bool(filter: filters),
            Aggregations = aggregations,
        };
    }

    private static Dictionary<string, Aggregation> NestedIn(string path, Dictionary<string, Aggregation> aggregations) => new()
    {
        [Nested] = new Aggregation { Nested = new NestedAggregation { Path = path }, Aggregations = aggregations },
    };

    /// <summary>
    /// The top values, and, for the selected values, one <c>filters</c> bucket each: a selected value is reported
    /// even when it is outside the top N (or matches nothing), with its stored spelling from a one-bucket terms.
    /// The filters are anonymous, answered in the order of <see cref="SelectedValues"/>: the client reads only that form.
    /// </summary>
    private static Dictionary<string, Aggregation> KeywordFacet(string field, IReadOnlyList<string> selected, int size, string? typeField = null)
    {
        Aggregation Terms(int count) => new()
        {
            Terms = new TermsAggregation { Field = field, Size = count },
            Aggregations = typeField is null
                ? null
                : new Dictionary<string, Aggregation> { [Type] = new TermsAggregation { Field = typeField, Size = 1 } },
        };

        var aggregations = new Dictionary<string, Aggregation> { [Values] = Terms(size) };
        if (selected.Count > 0)
        {
            var filters = SelectedValues(selected).Select(value => QueryTranslator.Term(field + ArticleIndex.Folded, value)).ToList();
            aggregations[Selected] = new Aggregation
            {
                Filters = new FiltersAggregation { Filters = new Buckets<Query>(filters) },
                Aggregations = new Dictionary<string, Aggregation> { [Display] = Terms(1) },
            };
        }
        return aggregations;
    }

    /// <summary>The selected values of a facet, once each, in the order of their <c>filters</c> buckets.</summary>
    public static IReadOnlyList<string> SelectedValues(IReadOnlyList<string> selected) => [.. selected.Distinct()];

    /// <summary>
    /// The stories with the most matches (ties by id, as Elasticsearch orders equal counts), each with its label, and a
    /// <c>filters</c> bucket per selected story, as for the keyword facets. Story ids are matched exactly, as given.
    /// </summary>
    private static Dictionary<string, Aggregation> StoryFacet(IReadOnlyList<string> selected, int size)
    {
        Aggregation Terms(int count) => new()
        {
            Terms = new TermsAggregation { Field = ArticleIndex.Story, Size = count },
            Aggregations = new Dictionary<string, Aggregation> { [Label] = new TermsAggregation { Field = ArticleIndex.StoryLabel, Size = 1 } },
        };

        var aggregations = new Dictionary<string, Aggregation> { [Values] = Terms(size) };
        if (selected.Count > 0)
        {
            aggregations[Selected] = new Aggregation
            {
                Filters = new FiltersAggregation { Filters = new Buckets<Query>([.. SelectedStories(selected).Select(id => QueryTranslator.Term(ArticleIndex.Story, id))]) },
                Aggregations = new Dictionary<string, Aggregation> { [Display] = Terms(1) },
            };
        }
        return aggregations;
    }

    /// <summary>The selected story ids, trimmed, once each, in the order of their <c>filters</c> buckets.</summary>
    public static IReadOnlyList<string> SelectedStories(IReadOnlyList<string> selected) =>
        [.. selected.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>Both granularities and the undated count; the reader keeps days when the matching dates span at most about two months.</summary>
    private static Dictionary<string, Aggregation> DateHistograms() => new()
    {
        [Day] = DateHistogram(CalendarInterval.Day, "yyyy-MM-dd"),
        [Month] = DateHistogram(CalendarInterval.Month, "yyyy-MM"),
        // Articles whose publication year is unknown have no date: counted apart, never in a bar.
        [Undated] = new MissingAggregation { Field = ArticleIndex.Published },
    };

    private static DateHistogramAggregation DateHistogram(CalendarInterval interval, string format) => new()
    {
        Field = ArticleIndex.Published,
        CalendarInterval = interval,
        Format = format,
        // Empty buckets between the first and the last date are kept, as in the embedded store.
        MinDocCount = 0,
    };

    private static Highlight Highlight()
    {
        HighlightField Field() => new()
        {
            Type = HighlighterType.Unified,
            FragmentSize = SnippetLength,
            NumberOfFragments = 1,
            NoMatchSize = SnippetLength,
        };
        return new Highlight
        {
            // html encoder: everything outside the tags is escaped by Elasticsearch.
            Encoder = HighlighterEncoder.Html,
            PreTags = ["<mark>"],
            PostTags = ["</mark>"],
            // body.plain carries prefix matches, which the stemmed body field does not see.
            Fields =
            [
                new(ArticleIndex.Body, Field()),
                new(ArticleIndex.Body + ArticleIndex.Plain, Field()),
            ],
        };
    }
}
