using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using NewsSearch.Articles;
using ElasticSearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>The <c>_search</c> requests beside the faceted search: the alias table, suggestions and similar coverage.</summary>
internal static class LookupSearches
{
    /// <summary>Most other names looked up for one word or phrase (as in the embedded store).</summary>
    public const int MaxAliasForms = 12;

    /// <summary>Aggregation names, shared by the requests and the reading of their answers.</summary>
    public const string ActorsAggregation = "actors";
    public const string Matching = "matching";
    public const string Names = "names";
    public const string Keys = "keys";
    public const string Forms = "forms";
    public const string Values = "values";
    public const string Top = "top";

    /// <summary>
    /// The alias table, read from the enriched data: every actor entry whose keys (folded name and aliases) include
    /// one of the query's keys, grouped by actor name, with the keys and written forms seen for it in any article.
    /// </summary>
    public static ElasticSearchRequest AliasLookup(string alias, IReadOnlyCollection<string> keys) => new(alias)
    {
        Size = 0,
        TrackTotalHits = false,
        Aggregations = new Dictionary<string, Aggregation>
        {
            [ActorsAggregation] = new()
            {
                Nested = new NestedAggregation { Path = ArticleIndex.Actors },
                Aggregations = new Dictionary<string, Aggregation>
                {
                    [Matching] = new()
                    {
                        Filter = QueryTranslator.Terms(ArticleIndex.ActorKeys, keys),
                        Aggregations = new Dictionary<string, Aggregation>
                        {
                            [Names] = new()
                            {
                                Terms = new TermsAggregation { Field = ArticleIndex.ActorName, Size = 10 * keys.Count },
                                Aggregations = new Dictionary<string, Aggregation>
                                {
                                    [Keys] = new TermsAggregation { Field = ArticleIndex.ActorKeys, Size = 4 * MaxAliasForms },
                                    [Forms] = new TermsAggregation { Field = ArticleIndex.ActorForms, Size = 4 * MaxAliasForms },
                                },
                            },
                        },
                    },
                },
            },
        },
    };

    /// <summary>
    /// One request, no hits: per kind, a filter on the folded prefix (nested for actors and topics, so only the
    /// matching names are counted) and a terms aggregation of the stored spelling; titles come from top_hits.
    /// </summary>
    public static ElasticSearchRequest Suggest(string alias, string prefix, int limit, bool withTitles)
    {
        // The whole value, or any word in it, starts with the prefix; for actors, any of their names or aliases too.
        Query MatchingPrefix(string field, bool withAliases)
        {
            var should = new List<Query>
            {
                new PrefixQuery(field + ArticleIndex.Folded, ArticleIndex.Fold(prefix)),
                new MatchPhrasePrefixQuery(field + ArticleIndex.Words, prefix),
            };
            if (withAliases) should.Add(new PrefixQuery(ArticleIndex.ActorKeys, QueryTranslator.Key([prefix])));
            return QueryTranslator.Bool(should: should);
        }

        Aggregation ValuesOf(string field, bool withAliases = false) => new()
        {
            Filter = MatchingPrefix(field, withAliases),
            Aggregations = new Dictionary<string, Aggregation> { [Values] = new TermsAggregation { Field = field, Size = limit } },
        };

        var aggregations = new Dictionary<string, Aggregation>
        {
            [LookupResults.Kind(SuggestionKind.Actor)] = new()
            {
                Nested = new NestedAggregation { Path = ArticleIndex.Actors },
                Aggregations = new Dictionary<string, Aggregation> { [Matching] = ValuesOf(ArticleIndex.ActorName, withAliases: true) },
            },
            [LookupResults.Kind(SuggestionKind.Topic)] = new()
            {
                Nested = new NestedAggregation { Path = ArticleIndex.Topics },
                Aggregations = new Dictionary<string, Aggregation> { [Matching] = ValuesOf(ArticleIndex.TopicLabel) },
            },
            [LookupResults.Kind(SuggestionKind.Source)] = ValuesOf(ArticleIndex.Source),
        };
        if (withTitles)
        {
            aggregations[LookupResults.Kind(SuggestionKind.Title)] = new Aggregation
            {
                Filter = new MatchPhrasePrefixQuery(ArticleIndex.Title + ArticleIndex.Plain, prefix),
                Aggregations = new Dictionary<string, Aggregation>
                {
                    [Top] = new TopHitsAggregation { Size = limit, Source = new SourceFilter { Includes = ArticleIndex.Title } },
                },
            };
        }
        return new ElasticSearchRequest(alias) { Size = 0, TrackTotalHits = false, Aggregations = aggregations };
    }

    /// <summary>
    /// Other coverage of the same story: shared distinctive terms (more_like_this on the stored article) or shared
    /// actors must match; another outlet and a publication date within a few days rank higher. The article itself is excluded.
    /// </summary>
    public static ElasticSearchRequest Similar(string alias, EnrichedArticle article, int limit)
    {
        var evidence = new List<Query>
        {
            new MoreLikeThisQuery
            {
                Fields = new[] { ArticleIndex.Title, ArticleIndex.Body, ArticleIndex.ActorNames },
                Like = [new LikeDocument { Index = alias, Id = article.Id }],
                // Small corpora: a term seen once is still distinctive.
                MinTermFreq = 1,
                MinDocFreq = 1,
                MaxQueryTerms = 25,
            },
        };
        var names = article.Actors.Select(a => a.Name).Distinct().ToList();
        if (names.Count > 0)
        {
            evidence.Add(new NestedQuery(ArticleIndex.Actors, QueryTranslator.Terms(ArticleIndex.ActorName, names))
            {
                ScoreMode = ChildScoreMode.Sum,
                Boost = 2,
            });
        }

        // Another outlet's coverage ranks above the same outlet's follow-ups, as in the embedded store.
        var rankHigher = new List<Query>
        {
            new ConstantScoreQuery(QueryTranslator.Bool(mustNot: [QueryTranslator.Term(ArticleIndex.Source, article.Source)])) { Boost = 1.5f },
        };
        if (article.Published is { } published)
        {
            rankHigher.Add(new DateRangeQuery(ArticleIndex.Published)
            {
                Gte = FacetedSearch.Iso(published.AddDays(-3)),
                Lte = FacetedSearch.Iso(published.AddDays(3)),
                Format = "strict_date",
                Boost = 2,
            });
        }

        return new ElasticSearchRequest(alias)
        {
            Size = limit,
            Query = new BoolQuery
            {
                Must = [QueryTranslator.Bool(should: evidence)],
                MustNot = [new IdsQuery { Values = new Elastic.Clients.Elasticsearch.Ids([article.Id]) }],
                // Optional: they order the matches, they do not select them.
                Should = rankHigher,
            },
            Source = FacetedSearch.HitFields(withBody: true),
        };
    }
}
