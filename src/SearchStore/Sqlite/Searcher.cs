using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// Runs a search on one snapshot: the FTS match set first, then filters, facet counts and the date histogram over
/// the in-memory facet index (<see cref="SearchEvaluation"/>), bm25 for the results worth ranking
/// (<see cref="Bm25Scores"/>), and the page's hits (<see cref="HitReader"/>). How the match set is found depends on
/// what the query costs FTS5, see <see cref="HasPhraseOfCommonWords"/>.
/// </summary>
internal sealed class Searcher
{
    public const int DefaultScoringWindow = 4000;
    private const int MaxAliasForms = 12;

    /// <summary>The most matches a search scores with bm25 (see <see cref="Bm25Scores"/>).</summary>
    public int ScoringWindow { get; set; } = DefaultScoringWindow;

    /// <summary>Below this many articles holding each word, a phrase costs bm25 little (see <see cref="HasPhraseOfCommonWords"/>).</summary>
    public int CostlyPhraseArticles { get; set; } = 10_000;

    private CommonWords _commonWords = new(-1, new());

    public SearchResult Search(ReadSnapshot snapshot, SearchRequest request)
    {
        var stopwatch = Stopwatch.StartNew();
        var connection = snapshot.Connection;
        var index = snapshot.Index;
        var fts = request.Query is null ? null : FtsQuery.Translate(request.Query, key => AliasForms(connection, key));
        var costlyPhrase = fts is { HasPhrase: true } && HasPhraseOfCommonWords(connection, index, fts);
        var ranked = request.Sort == SortOrder.Relevance && fts is { Negated: false } && !costlyPhrase;
        IReadOnlyDictionary<int, double>? scores = null;
        MatchSet matches;
        if (ranked && fts!.HasPhrase) (matches, scores) = ScoredMatches(connection, fts);
        else if (costlyPhrase) matches = MatchesInHalves(snapshot, fts!);
        else matches = Matches(connection, index, fts);
        var matched = matches.Count;
        using var evaluation = Evaluate(index, matches, request);
        if (ranked && evaluation.Total > 0 && !WithoutWeight(fts!, matched, index))
            evaluation.ApplyScores(scores ?? ScoresWithin(connection, fts!, evaluation.ResultDocs[0], evaluation.ResultDocs[^1]));
        var pageItems = evaluation.Page(request, index);
        var hits = HitReader.Read(snapshot, pageItems, fts);
        return new SearchResult(evaluation.Total, request.Page, request.Size, stopwatch.ElapsedMilliseconds, hits, evaluation.Facets);
    }

    internal static IReadOnlyList<string> AliasForms(SqliteConnection connection, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT DISTINCT other.form FROM actor_form mine JOIN actor_form other ON other.actor_id = mine.actor_id
            WHERE mine.form_key = $key AND other.form_key <> $key LIMIT $limit
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$limit", MaxAliasForms);
        using var reader = command.ExecuteReader();
        var forms = new List<string>();
        while (reader.Read()) forms.Add(reader.GetString(0));
        return forms;
    }

    /// <summary>Filters and counts the match set, which it then gives back to the pool.</summary>
    internal static SearchEvaluation Evaluate(FacetIndex index, MatchSet matches, SearchRequest request)
    {
        using (matches) return SearchEvaluation.Run(index, matches, request);
    }

    /// <summary>The rowids of the articles the query matches, in rowid order, before filters.</summary>
    internal static MatchSet Matches(SqliteConnection connection, FacetIndex index, FtsQuery? fts)
    {
        if (fts is null) return MatchSet.All(index);
        var docs = new MatchSet();
        MatchesBetween(connection, fts, 0, int.MaxValue, docs);
        return Complement(index, fts, docs);
    }

    /// <summary>The articles a negated query matches: every live article but those its positive form matches.</summary>
    private static MatchSet Complement(FacetIndex index, FtsQuery fts, MatchSet docs)
    {
        if (!fts.Negated) return docs;
        using (docs) return MatchSet.AllExcept(index, docs.Docs);
    }

    /// <summary>
    /// The match set of a query with a phrase of common words (see <see cref="HasPhraseOfCommonWords"/>), whose one
    /// pass over their positions takes tens of milliseconds: a second connection matches the older half of the
    /// rowids on another core while this one matches the newer half. The second connection's snapshot may be newer;
    /// every write moves the generation, so its half is used only when its generation is this snapshot's, and is
    /// matched here otherwise.
    /// </summary>
    private static MatchSet MatchesInHalves(ReadSnapshot snapshot, FtsQuery fts)
    {
        var index = snapshot.Index;
        var middle = index.Capacity / 2;
        // A set left undisposed by a failure is only an array the pool does not get back.
        var older = new MatchSet();
        using var newer = new MatchSet();
        var olderMatched = false;
        // Both halves end (or fail) before this returns; a busy pool runs them one after the other here.
        Parallel.Invoke(
            () =>
            {
                using var other = snapshot.File.Open();
                using var transaction = other.BeginTransaction(deferred: true);
                using var stop = other.StopOn(snapshot.CancellationToken);
                if (SharedFacetIndex.ReadGeneration(other) != index.Generation) return;
                MatchesBetween(other, fts, 0, middle, older);
                olderMatched = true;
            },
            () => MatchesBetween(snapshot.Connection, fts, middle + 1, int.MaxValue, newer));
        if (!olderMatched) MatchesBetween(snapshot.Connection, fts, 0, middle, older);
        older.Append(newer.Docs);
        return Complement(index, fts, older);
    }

    /// <summary>The rowids from <paramref name="first"/> to <paramref name="last"/> that the query matches, ascending.</summary>
    private static void MatchesBetween(SqliteConnection connection, FtsQuery fts, int first, int last, MatchSet into) =>
        DocList.QueryAscending(connection, into,
            "SELECT group_concat(rowid) FROM article_fts WHERE article_fts MATCH $match AND rowid BETWEEN $first AND $last",
            ("$match", fts.Match), ("$first", first), ("$last", last));

    /// <summary>
    /// The match set of a ranked query with a phrase, and bm25 scores for its <see cref="ScoringWindow"/> most
    /// recently indexed matches. Before it scores the first row, bm25 counts the articles holding each phrase by
    /// evaluating the phrase over the whole index, which for common words costs as much as the match itself; so
    /// the scored statement also yields the match set, and only a set larger than the window needs a second one
    /// for the older rest.
    /// </summary>
    private (MatchSet, Dictionary<int, double>) ScoredMatches(SqliteConnection connection, FtsQuery fts)
    {
        var (docs, scores) = Bm25Scores.Newest(connection, fts, ScoringWindow);
        docs.Sort(); // at most a window's worth, and match sets are in ascending rowid order
        var matches = new MatchSet(docs.Count);
        // In rowid order: FTS5 walks a doclist backwards only by buffering each page, which costs a sixth more.
        if (docs.Count >= ScoringWindow) MatchesBetween(connection, fts, 0, docs[0] - 1, matches);
        matches.Append(CollectionsMarshal.AsSpan(docs));
        return (matches, scores);
    }

    /// <summary>
    /// bm25 scores for the results: for the <see cref="ScoringWindow"/> most recently indexed matches within the
    /// span of their rowids (<paramref name="first"/> to <paramref name="last"/>). Results outside the window follow
    /// the scored ones, newest first.
    /// </summary>
    private Dictionary<int, double> ScoresWithin(SqliteConnection connection, FtsQuery fts, int first, int last) =>
        Bm25Scores.Newest(connection, fts, ScoringWindow, first, last).Scores;

    /// <summary>
    /// True when the query holds a phrase (anywhere: under NOT or OR too) made only of words found in more than half
    /// the articles and in more than <see cref="CostlyPhraseArticles"/>, such as "said the". Before bm25 scores a row
    /// it counts the articles holding each phrase of the expression by evaluating the phrase over the whole index,
    /// and for such words that comparison of positions costs as much as the search itself (tens of milliseconds at
    /// 100,000 articles). Such a query is not ranked: its results go newest first, like those of the common words
    /// the phrase is made of, and its match set is found on two cores (<see cref="MatchesInHalves"/>).
    /// </summary>
    private bool HasPhraseOfCommonWords(SqliteConnection connection, FacetIndex index, FtsQuery fts)
    {
        var common = Math.Max(index.Count / 2, CostlyPhraseArticles);
        // Each answer holds for one generation of the file: the next search of the same snapshot reuses it.
        var known = _commonWords;
        if (known.Generation != index.Generation) _commonWords = known = new CommonWords(index.Generation, new());
        using var command = connection.CreateCommand();
        // Counting stops past the threshold, so a word costs at most a walk over half the index's entries for it.
        command.CommandText = "SELECT count(*) FROM (SELECT 1 FROM article_fts WHERE article_fts MATCH $word LIMIT $common + 1)";
        var word = command.Parameters.Add("$word", SqliteType.Text);
        command.Parameters.AddWithValue("$common", common);
        bool IsCommon(string term)
        {
            if (known.ByTerm.TryGetValue(term, out var isCommon)) return isCommon;
            word.Value = term;
            return known.ByTerm[term] = (long)command.ExecuteScalar()! > common;
        }
        return fts.Phrases.Any(phrase => phrase.All(IsCommon));
    }

    /// <summary>Which phrase words <see cref="HasPhraseOfCommonWords"/> found common, for one generation of the file.</summary>
    private sealed record CommonWords(long Generation, ConcurrentDictionary<string, bool> ByTerm);

    /// <summary>
    /// True when bm25 would give every result next to nothing: FTS5 clamps the weight of a word found in more than
    /// half the articles to 1e-6. Without OR, each word the query requires is in at least every match, so more
    /// matches than half the articles means every scored word is that common; the results then go newest first.
    /// </summary>
    private static bool WithoutWeight(FtsQuery fts, int matches, FacetIndex index) =>
        matches * 2L > index.Count && !fts.Match.Contains(" OR ", StringComparison.Ordinal);
}
