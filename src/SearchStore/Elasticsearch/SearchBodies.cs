using System.Text.Json.Nodes;
using NewsSearch.Articles;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>The <c>_search</c> bodies: faceted search, suggestions and similar articles.</summary>
internal static class SearchBodies
{
    public const int SnippetLength = 200;

    /// <summary>Facet names as they appear in the aggregations of a faceted search.</summary>
    public enum Facet
    {
        Source,
        Actor,
        Topic,
        Date,
    }

    /// <summary>
    /// The query holds only the text; every facet filter is a post_filter, and each facet's aggregation is wrapped
    /// in a filter of all the <em>other</em> facets' selections, which makes the counts disjunctive.
    /// </summary>
    public static JsonObject Search(SearchRequest request, IReadOnlyDictionary<string, IReadOnlyList<string>> aliases)
    {
        var body = new JsonObject
        {
            ["query"] = QueryTranslator.Translate(request.Query, aliases),
            ["from"] = (request.Page - 1) * request.Size,
            ["size"] = request.Size,
            ["track_total_hits"] = true,
            ["sort"] = Sort(request.Sort),
            ["_source"] = new JsonObject { ["includes"] = HitFields(withBody: request.Query is null) },
            ["aggregations"] = new JsonObject
            {
                ["source"] = Filtered(request, Facet.Source, KeywordFacet(ArticleIndex.Source, request.Sources, request.FacetSize)),
                ["actor"] = Filtered(request, Facet.Actor, Nested(ArticleIndex.Actors, KeywordFacet(ArticleIndex.ActorName, request.Actors, request.FacetSize, typeField: ArticleIndex.ActorType))),
                ["topic"] = Filtered(request, Facet.Topic, Nested(ArticleIndex.Topics, KeywordFacet(ArticleIndex.TopicLabel, request.Topics, request.FacetSize))),
                ["date"] = Filtered(request, Facet.Date, DateHistograms()),
            },
        };
        var postFilter = Filters(request, except: null);
        if (postFilter.Count > 0) body["post_filter"] = QueryTranslator.Bool(filter: postFilter);
        // Without a query there is nothing to highlight: the snippet is the start of the body (fetched above).
        if (request.Query is not null) body["highlight"] = Highlight();
        return body;
    }

    public static JsonArray HitFields(bool withBody)
    {
        var fields = new JsonArray(ArticleIndex.Id, ArticleIndex.Title, ArticleIndex.Source, ArticleIndex.Published, ArticleIndex.ActorName, ArticleIndex.TopicLabel);
        if (withBody) fields.Add(ArticleIndex.Body);
        return fields;
    }

    private static JsonArray Sort(SortOrder order)
    {
        // Ties are broken by id so that paging is stable.
        JsonObject Published(string direction) => new() { [ArticleIndex.Published] = new JsonObject { ["order"] = direction, ["missing"] = "_last" } };
        JsonObject Score() => new() { ["_score"] = new JsonObject { ["order"] = "desc" } };
        JsonObject Id() => new() { [ArticleIndex.Id] = new JsonObject { ["order"] = "asc" } };
        return order switch
        {
            SortOrder.Newest => [Published("desc"), Score(), Id()],
            SortOrder.Oldest => [Published("asc"), Score(), Id()],
            _ => [Score(), Published("desc"), Id()],
        };
    }

    /// <summary>The filter clauses of every selected facet but <paramref name="except"/>; fresh nodes on each call.</summary>
    private static List<JsonObject> Filters(SearchRequest request, Facet? except)
    {
        var filters = new List<JsonObject>();
        if (except != Facet.Source && request.Sources.Count > 0)
            filters.Add(Terms(ArticleIndex.Source + ArticleIndex.Folded, request.Sources));
        if (except != Facet.Actor && request.Actors.Count > 0)
            filters.Add(NestedQuery(ArticleIndex.Actors, Terms(ArticleIndex.ActorName + ArticleIndex.Folded, request.Actors)));
        if (except != Facet.Topic && request.Topics.Count > 0)
            filters.Add(NestedQuery(ArticleIndex.Topics, Terms(ArticleIndex.TopicLabel + ArticleIndex.Folded, request.Topics)));
        if (except != Facet.Date && (request.From is not null || request.To is not null))
        {
            var range = new JsonObject { ["format"] = "strict_date" };
            if (request.From is { } from) range["gte"] = Iso(from);
            if (request.To is { } to) range["lte"] = Iso(to);
            filters.Add(new JsonObject { ["range"] = new JsonObject { [ArticleIndex.Published] = range } });
        }
        return filters;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The keyword normalizer folds the values too, so a selection matches whatever its case and accents.</summary>
    private static JsonObject Terms(string field, IEnumerable<string> values) => new()
    {
        ["terms"] = new JsonObject { [field] = new JsonArray([.. values.Distinct().Select(v => (JsonNode)v)]) },
    };

    private static JsonObject Term(string field, string value) => new()
    {
        ["term"] = new JsonObject { [field] = new JsonObject { ["value"] = value } },
    };

    private static JsonObject NestedQuery(string path, JsonObject query) => new()
    {
        ["nested"] = new JsonObject { ["path"] = path, ["query"] = query },
    };

    private static JsonObject Filtered(SearchRequest request, Facet facet, JsonObject aggregations)
    {
        var filters = Filters(request, except: facet);
        return new JsonObject
        {
            ["filter"] = filters.Count == 0 ? QueryTranslator.MatchAll() : QueryTranslator.Bool(filter: filters),
            ["aggregations"] = aggregations,
        };
    }

    private static JsonObject Nested(string path, JsonObject aggregations) => new()
    {
        ["nested"] = new JsonObject
        {
            ["nested"] = new JsonObject { ["path"] = path },
            ["aggregations"] = aggregations,
        },
    };

    /// <summary>
    /// The top values, and, for the selected values, one <c>filters</c> bucket each: a selected value is reported
    /// even when it is outside the top N (or matches nothing), with its stored spelling from a one-bucket terms.
    /// </summary>
    private static JsonObject KeywordFacet(string field, IReadOnlyList<string> selected, int size, string? typeField = null)
    {
        JsonObject Display(int count)
        {
            var terms = new JsonObject { ["terms"] = new JsonObject { ["field"] = field, ["size"] = count } };
            if (typeField is not null)
                terms["aggregations"] = new JsonObject { ["type"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = typeField, ["size"] = 1 } } };
            return terms;
        }

        var aggregations = new JsonObject { ["values"] = Display(size) };
        if (selected.Count > 0)
        {
            var buckets = new JsonObject();
            foreach (var value in selected.Distinct()) buckets[value] = Term(field + ArticleIndex.Folded, value);
            aggregations["selected"] = new JsonObject
            {
                ["filters"] = new JsonObject { ["filters"] = buckets },
                ["aggregations"] = new JsonObject { ["display"] = Display(1) },
            };
        }
        return aggregations;
    }

    /// <summary>Both granularities and the undated count; the parser keeps days when the matching dates span at most about two months.</summary>
    private static JsonObject DateHistograms() => new()
    {
        ["day"] = DateHistogram("day", "yyyy-MM-dd"),
        ["month"] = DateHistogram("month", "yyyy-MM"),
        // Articles whose publication year is unknown have no date: counted apart, never in a bar.
        ["undated"] = new JsonObject { ["missing"] = new JsonObject { ["field"] = ArticleIndex.Published } },
    };

    private static JsonObject DateHistogram(string interval, string format) => new()
    {
        ["date_histogram"] = new JsonObject
        {
            ["field"] = ArticleIndex.Published,
            ["calendar_interval"] = interval,
            ["format"] = format,
            // Empty buckets between the first and the last date are kept, as in the embedded store.
            ["min_doc_count"] = 0,
        },
    };

    private static JsonObject Highlight()
    {
        JsonObject Field() => new()
        {
            ["type"] = "unified",
            ["fragment_size"] = SnippetLength,
            ["number_of_fragments"] = 1,
            ["no_match_size"] = SnippetLength,
        };
        return new JsonObject
        {
            // html encoder: everything outside the tags is escaped by Elasticsearch.
            ["encoder"] = "html",
            ["pre_tags"] = new JsonArray("<mark>"),
            ["post_tags"] = new JsonArray("</mark>"),
            // body.plain carries prefix matches, which the stemmed body field does not see.
            ["fields"] = new JsonArray(
                new JsonObject { [ArticleIndex.Body] = Field() },
                new JsonObject { [ArticleIndex.Body + ArticleIndex.Plain] = Field() }),
        };
    }

    /// <summary>Most other names looked up for one word or phrase (as in the embedded store).</summary>
    public const int MaxAliasForms = 12;

    /// <summary>
    /// The alias table, read from the enriched data: every actor entry whose keys (folded name and aliases) include
    /// one of the query's keys, grouped by actor name, with the keys and written forms seen for it in any article.
    /// </summary>
    public static JsonObject AliasLookup(IReadOnlyCollection<string> keys) => new()
    {
        ["size"] = 0,
        ["track_total_hits"] = false,
        ["aggregations"] = new JsonObject
        {
            ["actors"] = new JsonObject
            {
                ["nested"] = new JsonObject { ["path"] = ArticleIndex.Actors },
                ["aggregations"] = new JsonObject
                {
                    ["matching"] = new JsonObject
                    {
                        ["filter"] = Terms(ArticleIndex.ActorKeys, keys),
                        ["aggregations"] = new JsonObject
                        {
                            ["names"] = new JsonObject
                            {
                                ["terms"] = new JsonObject { ["field"] = ArticleIndex.ActorName, ["size"] = 10 * keys.Count },
                                ["aggregations"] = new JsonObject
                                {
                                    ["keys"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = ArticleIndex.ActorKeys, ["size"] = 4 * MaxAliasForms } },
                                    ["forms"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = ArticleIndex.ActorForms, ["size"] = 4 * MaxAliasForms } },
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
    public static JsonObject Suggest(string prefix, int limit, bool withTitles)
    {
        // The whole value, or any word in it, starts with the prefix; for actors, any of their names or aliases too.
        JsonObject Matching(string field, bool withAliases)
        {
            var should = new List<JsonObject>
            {
                new() { ["prefix"] = new JsonObject { [field + ArticleIndex.Folded] = new JsonObject { ["value"] = ArticleIndex.Fold(prefix) } } },
                new() { ["match_phrase_prefix"] = new JsonObject { [field + ArticleIndex.Words] = new JsonObject { ["query"] = prefix } } },
            };
            if (withAliases)
                should.Add(new JsonObject { ["prefix"] = new JsonObject { [ArticleIndex.ActorKeys] = new JsonObject { ["value"] = QueryTranslator.Key([prefix]) } } });
            return QueryTranslator.Bool(should: should);
        }

        JsonObject Values(string field, bool withAliases = false) => new()
        {
            ["filter"] = Matching(field, withAliases),
            ["aggregations"] = new JsonObject
            {
                ["values"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = field, ["size"] = limit } },
            },
        };

        var aggregations = new JsonObject
        {
            ["actor"] = new JsonObject
            {
                ["nested"] = new JsonObject { ["path"] = ArticleIndex.Actors },
                ["aggregations"] = new JsonObject { ["matching"] = Values(ArticleIndex.ActorName, withAliases: true) },
            },
            ["topic"] = new JsonObject
            {
                ["nested"] = new JsonObject { ["path"] = ArticleIndex.Topics },
                ["aggregations"] = new JsonObject { ["matching"] = Values(ArticleIndex.TopicLabel) },
            },
            ["source"] = Values(ArticleIndex.Source),
        };
        if (withTitles)
        {
            aggregations["title"] = new JsonObject
            {
                ["filter"] = new JsonObject
                {
                    ["match_phrase_prefix"] = new JsonObject { [ArticleIndex.Title + ArticleIndex.Plain] = new JsonObject { ["query"] = prefix } },
                },
                ["aggregations"] = new JsonObject
                {
                    ["top"] = new JsonObject
                    {
                        ["top_hits"] = new JsonObject
                        {
                            ["size"] = limit,
                            ["_source"] = new JsonObject { ["includes"] = new JsonArray(ArticleIndex.Title) },
                        },
                    },
                },
            };
        }
        return new JsonObject { ["size"] = 0, ["track_total_hits"] = false, ["aggregations"] = aggregations };
    }

    /// <summary>
    /// Other coverage of the same story: shared distinctive terms (more_like_this on the stored article) or shared
    /// actors must match; another outlet and a publication date within a few days rank higher. The article itself is excluded.
    /// </summary>
    public static JsonObject Similar(string alias, EnrichedArticle article, int limit)
    {
        var evidence = new List<JsonObject>
        {
            new()
            {
                ["more_like_this"] = new JsonObject
                {
                    ["fields"] = new JsonArray(ArticleIndex.Title, ArticleIndex.Body, ArticleIndex.ActorNames),
                    ["like"] = new JsonArray(new JsonObject { ["_index"] = alias, ["_id"] = article.Id }),
                    // Small corpora: a term seen once is still distinctive.
                    ["min_term_freq"] = 1,
                    ["min_doc_freq"] = 1,
                    ["max_query_terms"] = 25,
                },
            },
        };
        var names = article.Actors.Select(a => a.Name).Distinct().ToList();
        if (names.Count > 0)
        {
            evidence.Add(new JsonObject
            {
                ["nested"] = new JsonObject
                {
                    ["path"] = ArticleIndex.Actors,
                    ["query"] = Terms(ArticleIndex.ActorName, names),
                    ["score_mode"] = "sum",
                    ["boost"] = 2,
                },
            });
        }

        var query = new JsonObject
        {
            ["must"] = new JsonArray(QueryTranslator.Bool(should: evidence)),
            ["must_not"] = new JsonArray(new JsonObject { ["ids"] = new JsonObject { ["values"] = new JsonArray(article.Id) } }),
        };
        // Another outlet's coverage ranks above the same outlet's follow-ups, as in the embedded store.
        var should = new JsonArray(new JsonObject
        {
            ["constant_score"] = new JsonObject
            {
                ["filter"] = new JsonObject { ["bool"] = new JsonObject { ["must_not"] = new JsonArray(Term(ArticleIndex.Source, article.Source)) } },
                ["boost"] = 1.5,
            },
        });
        query["should"] = should;
        if (article.Published is { } published)
        {
            should.Add(new JsonObject
            {
                ["range"] = new JsonObject
                {
                    [ArticleIndex.Published] = new JsonObject
                    {
                        ["gte"] = Iso(published.AddDays(-3)),
                        ["lte"] = Iso(published.AddDays(3)),
                        ["format"] = "strict_date",
                        ["boost"] = 2,
                    },
                },
            });
        }

        return new JsonObject
        {
            ["size"] = limit,
            ["query"] = new JsonObject { ["bool"] = query },
            ["_source"] = new JsonObject { ["includes"] = HitFields(withBody: true) },
        };
    }
}
