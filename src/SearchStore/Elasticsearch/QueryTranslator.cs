using System.Text.Json.Nodes;
using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>
/// Turns the project's query model into Query DSL. User text only ever becomes the <em>value</em> of a
/// match, match_phrase or prefix query, never query_string syntax, so no input can change the query's shape.
/// </summary>
internal static class QueryTranslator
{
    // Title and actor names count above the body (BM25 per field, weighted), as in the embedded store.
    private static readonly (string Field, double Boost)[] SearchFields =
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
    public static JsonObject Translate(Query? query, IReadOnlyDictionary<string, IReadOnlyList<string>> aliases) =>
        query is null ? MatchAll() : Node(query, aliases);

    private static JsonObject Node(Query query, IReadOnlyDictionary<string, IReadOnlyList<string>> aliases) => query switch
    {
        // Prefixes go to the unstemmed subfield: "negotia*" must find "negotiations", whose stem is "negoti".
        TermQuery { IsPrefix: true } term => AnyField((field, boost) => Leaf("prefix", field + ArticleIndex.Plain, "value", ArticleIndex.Fold(term.Term), boost)),
        TermQuery term => WithAliases(AnyField((field, boost) => Leaf("match", field, "query", term.Term, boost)), Key([term.Term]), aliases),
        PhraseQuery phrase => WithAliases(Phrase(string.Join(' ', phrase.Terms)), Key(phrase.Terms), aliases),
        AndQuery and => And(and.Clauses, aliases),
        OrQuery or => Bool(should: [.. or.Clauses.Select(c => Node(c, aliases))]),
        NotQuery not => Bool(must: [MatchAll()], mustNot: [Node(not.Clause, aliases)]),
        _ => throw new NotSupportedException($"Unknown query node {query.GetType().Name}."),
    };

    private static JsonObject Phrase(string text) => AnyField((field, boost) => Leaf("match_phrase", field, "query", text, boost));

    private static JsonObject WithAliases(JsonObject clause, string key, IReadOnlyDictionary<string, IReadOnlyList<string>> aliases) =>
        aliases.TryGetValue(key, out var forms) && forms.Count > 0
            ? Bool(should: [clause, .. forms.Select(Phrase)])
            : clause;

    /// <summary>The alias-table key of a word or phrase: its words folded as the embedded store folds them.</summary>
    public static string Key(IEnumerable<string> terms) => TextKey.Fold(string.Join(' ', terms));

    /// <summary>The keys of every word and phrase of the query that could name an actor (prefixes are not expanded).</summary>
    public static IReadOnlySet<string> AliasKeys(Query? query)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        Collect(query);
        keys.Remove("");
        return keys;

        void Collect(Query? node)
        {
            switch (node)
            {
                case TermQuery { IsPrefix: false } term: keys.Add(Key([term.Term])); break;
                case PhraseQuery phrase: keys.Add(Key(phrase.Terms)); break;
                case AndQuery and: foreach (var clause in and.Clauses) Collect(clause); break;
                case OrQuery or: foreach (var clause in or.Clauses) Collect(clause); break;
                case NotQuery not: Collect(not.Clause); break;
            }
        }
    }

    /// <summary>Negated clauses of an AND become must_not beside the positive ones, so they narrow rather than widen.</summary>
    private static JsonObject And(IReadOnlyList<Query> clauses, IReadOnlyDictionary<string, IReadOnlyList<string>> aliases)
    {
        var positive = clauses.Where(c => c is not NotQuery).Select(c => Node(c, aliases)).ToList();
        var negative = clauses.OfType<NotQuery>().Select(n => Node(n.Clause, aliases)).ToList();
        if (positive.Count == 0) positive.Add(MatchAll());
        return Bool(must: positive, mustNot: negative);
    }

    private static JsonObject AnyField(Func<string, double, JsonObject> clause) =>
        Bool(should: [.. SearchFields.Select(f => clause(f.Field, f.Boost))]);

    private static JsonObject Leaf(string kind, string field, string valueName, string value, double boost) => new()
    {
        [kind] = new JsonObject { [field] = new JsonObject { [valueName] = value, ["boost"] = boost } },
    };

    public static JsonObject MatchAll() => new() { ["match_all"] = new JsonObject() };

    /// <summary>A bool query; with should clauses and no must, at least one should clause has to match.</summary>
    public static JsonObject Bool(
        IReadOnlyList<JsonObject>? must = null,
        IReadOnlyList<JsonObject>? should = null,
        IReadOnlyList<JsonObject>? mustNot = null,
        IReadOnlyList<JsonObject>? filter = null)
    {
        var body = new JsonObject();
        Add("must", must);
        Add("filter", filter);
        Add("should", should);
        Add("must_not", mustNot);
        if (should is { Count: > 0 }) body["minimum_should_match"] = 1;
        return new JsonObject { ["bool"] = body };

        void Add(string occur, IReadOnlyList<JsonObject>? clauses)
        {
            if (clauses is { Count: > 0 }) body[occur] = new JsonArray([.. clauses]);
        }
    }
}
