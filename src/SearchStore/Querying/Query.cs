namespace NewsSearch.SearchStore.Querying;

/// <summary>
/// The project's own query model. User text is parsed into these nodes (see <c>QueryParser</c>)
/// and each store translates the nodes; user text never reaches FTS5 or Elasticsearch syntax directly.
/// </summary>
public abstract record Query;

/// <summary>A single word; <see cref="IsPrefix"/> for <c>word*</c>.</summary>
public sealed record TermQuery(string Term, bool IsPrefix = false) : Query;

/// <summary>Words that must appear in this order: <c>"peace talks"</c>.</summary>
public sealed record PhraseQuery(IReadOnlyList<string> Terms) : Query;

public sealed record AndQuery(IReadOnlyList<Query> Clauses) : Query;

public sealed record OrQuery(IReadOnlyList<Query> Clauses) : Query;

/// <summary><c>NOT x</c> or <c>-x</c>. Only meaningful beside a positive clause; alone it means "everything except".</summary>
public sealed record NotQuery(Query Clause) : Query;
