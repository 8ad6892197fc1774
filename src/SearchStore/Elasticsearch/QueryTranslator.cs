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

    public static JsonObject Translate(Query? query) => query is null ? MatchAll() : Node(query);

    private static JsonObject Node(Query query) => query switch
    {
        // Prefixes go to the unstemmed subfield: "negotia*" must find "negotiations", whose stem is "negoti".
        TermQuery { IsPrefix: true } term => AnyField((field, boost) => Leaf("prefix", field + ArticleIndex.Plain, "value", ArticleIndex.Fold(term.Term), boost)),
        TermQuery term => AnyField((field, boost) => Leaf("match", field, "query", term.Term, boost)),
        PhraseQuery phrase => AnyField((field, boost) => Leaf("match_phrase", field, "query", string.Join(' ', phrase.Terms), boost)),
        AndQuery and => And(and.Clauses),
        OrQuery or => Bool(should: [.. or.Clauses.Select(Node)]),
        NotQuery not => Bool(must: [MatchAll()], mustNot: [Node(not.Clause)]),
        _ => throw new NotSupportedException($"Unknown query node {query.GetType().Name}."),
    };

    /// <summary>Negated clauses of an AND become must_not beside the positive ones, so they narrow rather than widen.</summary>
    private static JsonObject And(IReadOnlyList<Query> clauses)
    {
        var positive = clauses.Where(c => c is not NotQuery).Select(Node).ToList();
        var negative = clauses.OfType<NotQuery>().Select(n => Node(n.Clause)).ToList();
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
