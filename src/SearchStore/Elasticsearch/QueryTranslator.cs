using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.QueryDsl;
using NewsSearch.SearchStore.Querying;
using Query = Elastic.Clients.Elasticsearch.QueryDsl.Query;
using UserQuery = NewsSearch.SearchStore.Querying.Query;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>
/// Turns the project's query model into Query DSL. User text only ever becomes the <em>value</em> of a
/// match, match_phrase or prefix query, never query_string syntax, so no input can change the query's shape.
/// </summary>
internal static class QueryTranslator
{
    // Title and actor names count above the body (BM25 per field, weighted), as in the embedded store.
    private static readonly (string Field, float Boost)[] SearchFields =
    [
        (ArticleIndex.Title, 3),
        (ArticleIndex.ActorNames, 2),
        (ArticleIndex.Body, 1),
    ];

    /// <summary>No alias expansion: every name is searched only as written.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoAliases = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// The query as Query DSL. <paramref name="aliases"/> maps the folded key of a word or phrase (see
    /// <see cref="AliasKeys"/>) to the other names of the actor it names; each is searched as a phrase beside it.
    /// </summary>
    public static Query Translate(UserQuery? query, IReadOnlyDictionary<string, IReadOnlyList<string>> aliases) =>
        query is null ? MatchAll() : Node(query, aliases);

    private static Query Node(UserQuery query, IReadOnlyDictionary<string, IReadOnlyList<string>> aliases) => query switch
    {
        // Prefixes go to the unstemmed subfield: "negotia*" must find "negotiations", whose stem is "negoti".
        Querying.TermQuery { IsPrefix: true } term => AnyField((field, boost) =>
            new PrefixQuery(field + ArticleIndex.Plain, ArticleIndex.Fold(term.Term)) { Boost = boost }),
        Querying.TermQuery term => WithAliases(AnyField((field, boost) => new MatchQuery(field, term.Term) { Boost = boost }), Key([term.Term]), aliases),
        PhraseQuery phrase => WithAliases(Phrase(string.Join(' ', phrase.Terms)), Key(phrase.Terms), aliases),
        AndQuery and => And(and.Clauses, aliases),
        OrQuery or => Bool(should: [.. or.Clauses.Select(c => Node(c, aliases))]),
        NotQuery not => Bool(must: [MatchAll()], mustNot: [Node(not.Clause, aliases)]),
        _ => throw new NotSupportedException($"Unknown query node {query.GetType().Name}."),
    };

    private static Query Phrase(string text) => AnyField((field, boost) => new MatchPhraseQuery(field, text) { Boost = boost });

    private static Query WithAliases(Query clause, string key, IReadOnlyDictionary<string, IReadOnlyList<string>> aliases) =>
        aliases.TryGetValue(key, out var forms) && forms.Count > 0
            ? Bool(should: [clause, .. forms.Select(Phrase)])
            : clause;

    /// <summary>The alias-table key of a word or phrase: its words folded as the embedded store folds them.</summary>
    public static string Key(IEnumerable<string> terms) => TextKey.Fold(string.Join(' ', terms));

    /// <summary>The keys of every word and phrase of the query that could name an actor (prefixes are not expanded).</summary>
    public static IReadOnlySet<string> AliasKeys(UserQuery? query)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        Collect(query);
        keys.Remove("");
        return keys;

        void Collect(UserQuery? node)
        {
            switch (node)
            {
                case Querying.TermQuery { IsPrefix: false } term: keys.Add(Key([term.Term])); break;
                case PhraseQuery phrase: keys.Add(Key(phrase.Terms)); break;
                case AndQuery and: foreach (var clause in and.Clauses) Collect(clause); break;
                case OrQuery or: foreach (var clause in or.Clauses) Collect(clause); break;
                case NotQuery not: Collect(not.Clause); break;
            }
        }
    }

    /// <summary>Negated clauses of an AND become must_not beside the positive ones, so they narrow rather than widen.</summary>
    private static Query And(IReadOnlyList<UserQuery> clauses, IReadOnlyDictionary<string, IReadOnlyList<string>> aliases)
    {
        var positive = clauses.Where(c => c is not NotQuery).Select(c => Node(c, aliases)).ToList();
        var negative = clauses.OfType<NotQuery>().Select(n => Node(n.Clause, aliases)).ToList();
        if (positive.Count == 0) positive.Add(MatchAll());
        return Bool(must: positive, mustNot: negative);
    }

    private static Query AnyField(Func<string, float, Query> clause) =>
        Bool(should: [.. SearchFields.Select(f => clause(f.Field, f.Boost))]);

    public static Query MatchAll() => new MatchAllQuery();

    /// <summary>A bool query; with should clauses and no must, at least one should clause has to match.</summary>
    public static Query Bool(
        IReadOnlyList<Query>? must = null,
        IReadOnlyList<Query>? should = null,
        IReadOnlyList<Query>? mustNot = null,
        IReadOnlyList<Query>? filter = null) => new BoolQuery
        {
            Must = Clauses(must),
            Filter = Clauses(filter),
            Should = Clauses(should),
            MustNot = Clauses(mustNot),
            MinimumShouldMatch = should is { Count: > 0 } ? 1 : null,
        };

    /// <summary>Absent rather than empty, so the request carries only the clauses that mean something.</summary>
    private static List<Query>? Clauses(IReadOnlyList<Query>? clauses) => clauses is { Count: > 0 } ? [.. clauses] : null;

    /// <summary>The values, matched exactly (on a keyword field, through its normalizer).</summary>
    public static Query Terms(string field, IEnumerable<string> values) =>
        new TermsQuery(field, new TermsQueryField([.. values.Distinct().Select(v => (FieldValue)v)]));

    public static Query Term(string field, string value) => new Elastic.Clients.Elasticsearch.QueryDsl.TermQuery(field, value);

    public static Query Nested(string path, Query query) => new NestedQuery(path, query);
}
