using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsSearch.Articles;
using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// The embedded search store: SQLite FTS5 in one file, in WAL mode, so one writer (the enrichment service)
/// and readers in other processes (the query service) share it. Every search starts from the FTS match set;
/// filters, facet counts and the date histogram are then computed over an in-memory copy of the articles' facet
/// values (<see cref="FacetIndex"/>), which each reader refreshes incrementally when the file's generation moves.
/// </summary>
public sealed partial class SqliteSearchStore : ISearchStore, IDisposable
{
    // bm25 weights for the FTS columns title, actors, topics, body: title and actors outrank the body.
    private const string Bm25 = "bm25(article_fts, 5.0, 3.0, 2.0, 1.0)";
    private const int BodyColumn = 3;
    private const int MaxAliasForms = 12;
    /// <summary>The most matches a search scores with bm25 in one pass (see <see cref="Scores"/>).</summary>
    public const int DefaultScoringWindow = 4000;

    internal int ScoringWindow { get; init; } = DefaultScoringWindow;
    /// <summary>Below this many articles holding each word, a phrase costs bm25 little (see <see cref="HasPhraseOfCommonWords"/>).</summary>
    internal int CostlyPhraseArticles { get; init; } = 10_000;

    private static readonly Lock InitLock = new();
    private static bool _sqliteReady;

    private readonly string _connectionString;
    private Task _checkpoint = Task.CompletedTask; // started only under the write lock
    private int _commitsToCheckpoint; // commits since the running checkpoint began; 0 when none is running
    private bool _disposed;
    private readonly Lock _indexLock = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly WriterCache _writerCache = new();
    private FacetIndex _index = FacetIndex.Empty;
    private CommonWords _commonWords = new(-1, new());

    public SqliteSearchStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        lock (InitLock)
        {
            if (!_sqliteReady)
            {
                SQLitePCL.Batteries_V2.Init();
                _sqliteReady = true;
            }
        }
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
    }

    public string DatabasePath { get; }

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var directory = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        using var connection = Open();
        SqliteSchema.Apply(connection);
        return Task.CompletedTask;
    }

    public async Task<UpsertResult> UpsertAsync(IReadOnlyList<EnrichedArticle> articles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var failed = new Dictionary<string, string>();
        var valid = new List<EnrichedArticle>();
        foreach (var article in articles)
        {
            if (IndexableArticle.Problem(article) is { } problem) failed[article?.Id ?? "(null)"] = problem;
            else valid.Add(article!);
        }
        if (valid.Count == 0) return new UpsertResult(0, failed);
        // The last copy of an id in one batch wins, as it would over two batches.
        var unique = valid.GroupBy(a => a.Id).Select(g => g.Last()).ToList();

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            // A checkpoint every 64 MB of WAL rather than every 4 MB: FTS5 rewrites the same segment pages batch after
            // batch, and each checkpoint copied them into the file again (12% of the indexing time at 30k articles).
            Execute(connection, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384;");
            using var transaction = connection.BeginTransaction();
            using var writer = new ArticleWriter(connection, NextGeneration(connection), _writerCache);
            writer.Write(unique, cancellationToken);
            transaction.Commit();
            CheckpointInBackground();
            return new UpsertResult(valid.Count, failed);
        }
        catch
        {
            _writerCache.Clear(); // the rolled-back rows may be in it
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            var doc = FindDoc(connection, id);
            if (doc is null) return false;
            var generation = NextGeneration(connection);
            Execute(connection, """
                DELETE FROM article_fts WHERE rowid = $doc;
                DELETE FROM article_json WHERE doc = $doc;
                DELETE FROM article WHERE doc = $doc;
                INSERT OR REPLACE INTO deleted(doc, seq) VALUES ($doc, $seq);
                """, ("$doc", doc.Value), ("$seq", generation));
            transaction.Commit();
            return true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<EnrichedArticle?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT j.json, f.body FROM article a JOIN article_json j ON j.doc = a.doc JOIN article_fts f ON f.rowid = a.doc
            WHERE a.id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return Task.FromResult<EnrichedArticle?>(null);
        var article = JsonSerializer.Deserialize<EnrichedArticle>(reader.GetString(0), ArticleJson.Options)!;
        return Task.FromResult<EnrichedArticle?>(article.Body.Length > 0 ? article : article with { Body = reader.GetString(1) });
    }

    public Task<long> CountAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM article";
        return Task.FromResult((long)command.ExecuteScalar()!);
    }

    public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var connection = Open();
            var version = SqliteSchema.ReadVersion(connection);
            if (version != SqliteSchema.Version)
                return Task.FromResult(new StoreHealth(false, $"Schema version {version}, expected {SqliteSchema.Version}: the store is not initialised."));
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM article";
            var count = (long)command.ExecuteScalar()!;
            return Task.FromResult(new StoreHealth(true, $"SQLite {connection.ServerVersion} at {DatabasePath}: {count} articles."));
        }
        catch (SqliteException ex)
        {
            return Task.FromResult(new StoreHealth(false, $"SQLite at {DatabasePath} failed: {ex.Message}"));
        }
    }

    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Validate();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems.Select(p => $"{p.Key}: {p.Value}")), nameof(request));
        cancellationToken.ThrowIfCancellationRequested();
        var stopwatch = Stopwatch.StartNew();

        using var connection = Open();
        // One read transaction: the generation, the facet index and the match set all come from one snapshot.
        using var transaction = connection.BeginTransaction(deferred: true);
        var index = CurrentIndex(connection);
        var fts = request.Query is null ? null : FtsQuery.Translate(request.Query, key => AliasForms(connection, key));
        var costlyPhrase = fts is { HasPhrase: true } && HasPhraseOfCommonWords(connection, index, fts);
        var ranked = request.Sort == SortOrder.Relevance && fts is { Negated: false } && !costlyPhrase;
        IReadOnlyDictionary<int, double>? scores = null;
        MatchSet matches;
        if (ranked && fts!.HasPhrase) (matches, scores) = ScoredMatches(connection, fts);
        else if (costlyPhrase) matches = MatchesInHalves(connection, index, fts!);
        else matches = Matches(connection, index, fts);
        var evaluation = SearchEvaluation.Run(index, matches, request);
        if (ranked && evaluation.Total > 0 && !WithoutWeight(fts!, matches, index))
            evaluation.ApplyScores(scores ?? Scores(connection, fts!, evaluation.ResultDocs));
        var pageItems = evaluation.Page(request, index);
        var hits = Hits(connection, index, pageItems, fts);
        stopwatch.Stop();
        return Task.FromResult(new SearchResult(evaluation.Total, request.Page, request.Size, stopwatch.ElapsedMilliseconds, hits, evaluation.Facets));
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        limit = Math.Clamp(limit, 1, 50);
        var key = TextKey.Fold(prefix ?? "");
        if (key.Length == 0) return Task.FromResult<IReadOnlyList<Suggestion>>([]);

        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        var index = CurrentIndex(connection);
        var suggestions = Suggester.Suggest(index, key, limit).ToList();
        if (key.Length >= QueryParser.MinPrefixLength)
            suggestions.AddRange(TitleSuggestions(connection, key, limit));
        IReadOnlyList<Suggestion> ranked = suggestions
            .OrderByDescending(s => s.Count)
            .ThenBy(s => s.Kind)
            .ThenBy(s => s.Value, StringComparer.OrdinalIgnoreCase)
            .Take(limit)
            .ToList();
        return Task.FromResult(ranked);
    }

    public Task<IReadOnlyList<SearchHit>> SimilarAsync(string id, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        limit = Math.Clamp(limit, 1, 50);
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        var index = CurrentIndex(connection);
        var doc = FindDoc(connection, id);
        if (doc is null) return Task.FromResult<IReadOnlyList<SearchHit>>([]);
        var candidates = SimilarArticles.CandidatesFor(index, (int)doc.Value);
        var termScores = DistinctiveTermScores(connection, ReadTitle(connection, doc.Value), candidates);
        var ranked = SimilarArticles.Rank(index, (int)doc.Value, candidates, termScores, limit);
        IReadOnlyList<SearchHit> hits = Hits(connection, index, ranked, null);
        return Task.FromResult(hits);
    }

    /// <summary>
    /// Copies the pages the last commits added to the WAL into the file, on another thread. Done by the writer
    /// itself (SQLite's automatic checkpoint, kept as the backstop), this copying took a sixth of the indexing time
    /// at 100,000 articles; now the second core does it while the writer goes on. Called after each commit, under
    /// the write lock. A checkpoint copies only what was committed before it began, so one that finds more commits
    /// when it ends goes round again. PASSIVE never waits for readers or the writer.
    /// </summary>
    private void CheckpointInBackground()
    {
        if (Interlocked.Increment(ref _commitsToCheckpoint) > 1) return; // the running checkpoint goes round again
        _checkpoint = Task.Run(() =>
        {
            int seen;
            do
            {
                seen = Volatile.Read(ref _commitsToCheckpoint);
                try
                {
                    using var connection = Open();
                    Execute(connection, "PRAGMA wal_checkpoint(PASSIVE);");
                }
                catch (SqliteException)
                {
                    // Nothing is lost: the pages stay in the WAL, where readers find them, until a later checkpoint.
                }
            }
            while (Interlocked.CompareExchange(ref _commitsToCheckpoint, 0, seen) != seen);
        });
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _writeLock.Wait(); // a write still running would start another checkpoint
        _checkpoint.Wait(); // it holds a connection to the file
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _writeLock.Dispose();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static long ReadGeneration(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'generation'";
        return command.ExecuteScalar() is long g ? g : throw new InvalidOperationException("The search store is not initialised; call InitializeAsync first.");
    }

    private FacetIndex CurrentIndex(SqliteConnection connection)
    {
        var generation = ReadGeneration(connection);
        var current = _index;
        if (current.Generation == generation) return current;
        lock (_indexLock)
        {
            if (_index.Generation == generation) return _index;
            var refreshed = _index.Refresh(connection, generation);
            // Keep the newest: a query on an older snapshot must not roll the shared copy back.
            if (refreshed.Generation > _index.Generation) _index = refreshed;
            return refreshed;
        }
    }

    private static long NextGeneration(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE meta SET value = value + 1 WHERE key = 'generation' RETURNING value";
        return (long)command.ExecuteScalar()!;
    }

    private static long? FindDoc(SqliteConnection connection, string id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT doc FROM article WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() as long?;
    }

    private static string ReadTitle(SqliteConnection connection, long doc)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT title FROM article_json WHERE doc = $doc";
        command.Parameters.AddWithValue("$doc", doc);
        return command.ExecuteScalar() as string ?? "";
    }

    private static IReadOnlyList<string> AliasForms(SqliteConnection connection, string key)
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

    /// <summary>The rowids of the articles the query matches, in rowid order, before filters.</summary>
    private static MatchSet Matches(SqliteConnection connection, FacetIndex index, FtsQuery? fts)
    {
        if (fts is null) return MatchSet.All(index);
        var docs = MatchesBetween(connection, fts, 0, int.MaxValue);
        return fts.Negated ? MatchSet.AllExcept(index, docs) : new MatchSet(docs);
    }

    /// <summary>
    /// The match set of a query with a phrase of common words (see <see cref="HasPhraseOfCommonWords"/>), whose one
    /// pass over their positions takes tens of milliseconds: a second connection matches the older half of the
    /// rowids on another core while this one matches the newer half. The second connection's snapshot may be newer;
    /// every write moves the generation, so its half is used only when its generation is this snapshot's, and is
    /// matched here otherwise.
    /// </summary>
    private MatchSet MatchesInHalves(SqliteConnection connection, FacetIndex index, FtsQuery fts)
    {
        var middle = index.Capacity / 2;
        List<int>? older = null, newer = null;
        // Both halves end (or fail) before this returns; a busy pool runs them one after the other here.
        Parallel.Invoke(
            () =>
            {
                using var other = Open();
                using var transaction = other.BeginTransaction(deferred: true);
                if (ReadGeneration(other) == index.Generation) older = MatchesBetween(other, fts, 0, middle);
            },
            () => newer = MatchesBetween(connection, fts, middle + 1, int.MaxValue));
        var docs = older ?? MatchesBetween(connection, fts, 0, middle);
        docs.AddRange(newer!);
        return fts.Negated ? MatchSet.AllExcept(index, docs) : new MatchSet(docs);
    }

    /// <summary>The rowids from <paramref name="first"/> to <paramref name="last"/> that the query matches, ascending.</summary>
    private static List<int> MatchesBetween(SqliteConnection connection, FtsQuery fts, int first, int last) =>
        DocList.QueryAscending(connection,
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
        using var command = connection.CreateCommand();
        command.CommandText = ScoresOf($"SELECT rowid, {Bm25} AS score FROM article_fts WHERE article_fts MATCH $match ORDER BY rowid DESC LIMIT $window");
        command.Parameters.AddWithValue("$match", fts.Match);
        command.Parameters.AddWithValue("$window", ScoringWindow);
        var (docs, scores) = ReadScores(command);
        docs.Sort(); // at most a window's worth, and match sets are in ascending rowid order
        if (docs.Count < ScoringWindow) return (new MatchSet(docs), scores);
        // In rowid order: FTS5 walks a doclist backwards only by buffering each page, which costs a sixth more.
        var older = MatchesBetween(connection, fts, 0, docs[0] - 1);
        older.AddRange(docs);
        return (new MatchSet(older), scores);
    }

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
    private static bool WithoutWeight(FtsQuery fts, MatchSet matches, FacetIndex index) =>
        matches.Docs.Count * 2L > index.Count && !fts.Match.Contains(" OR ", StringComparison.Ordinal);

    /// <summary>
    /// bm25 scores (higher is better) for the results, at a bounded cost. bm25 is the costly part of a ranked FTS5
    /// query (microseconds per matching row, and one-by-one seeks for common words cost milliseconds each), so a
    /// search scores at most <see cref="ScoringWindow"/> matches: the most recently indexed ones within the span
    /// of the results' rowids. Results outside the window follow the scored ones, newest first. A query with
    /// that many matches is a broad one, and a word in most articles carries next to no bm25 weight anyway.
    /// </summary>
    private Dictionary<int, double> Scores(SqliteConnection connection, FtsQuery fts, IReadOnlyList<int> results)
    {
        using var command = connection.CreateCommand();
        command.CommandText = ScoresOf($"""
            SELECT rowid, {Bm25} AS score FROM article_fts WHERE article_fts MATCH $match AND rowid BETWEEN $first AND $last
            ORDER BY rowid DESC LIMIT $window
            """);
        command.Parameters.AddWithValue("$match", fts.Match);
        command.Parameters.AddWithValue("$first", results[0]);
        command.Parameters.AddWithValue("$last", results[^1]);
        command.Parameters.AddWithValue("$window", ScoringWindow);
        return ReadScores(command).Scores;
    }

    /// <summary>
    /// Wraps a statement yielding (rowid, score) rows into one row of two aligned lists; see <see cref="DocList"/>
    /// for why. The scores cross as integers in billionths: this SQLite's conversion of a real to text costs more
    /// than a search's whole bm25.
    /// </summary>
    private static string ScoresOf(string scoredRows) =>
        $"SELECT group_concat(rowid), group_concat(CAST(round(score * {ScoreScale}) AS INTEGER)) FROM ({scoredRows})";

    private const long ScoreScale = 1_000_000_000;

    /// <summary>The rowids and their scores (higher is better: bm25 is lower for better matches).</summary>
    private static (List<int> Docs, Dictionary<int, double> Scores) ReadScores(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        reader.Read(); // an aggregate always yields one row
        var docs = DocList.Parse(reader.GetValue(0));
        var bm25 = DocList.ParseLongs(reader.GetValue(1));
        if (bm25.Count != docs.Count) throw new InvalidOperationException("bm25 gave no score for some matching rows.");
        var scores = new Dictionary<int, double>(docs.Count);
        for (var i = 0; i < docs.Count; i++) scores[docs[i]] = -bm25[i] / (double)ScoreScale;
        return (docs, scores);
    }

    private static IReadOnlyList<SearchHit> Hits(SqliteConnection connection, FacetIndex index, IReadOnlyList<(int Doc, double Score)> items, FtsQuery? fts)
    {
        var hits = new List<SearchHit>(items.Count);
        using var titleCommand = connection.CreateCommand();
        titleCommand.CommandText = "SELECT title FROM article_json WHERE doc = $doc";
        var titleDoc = titleCommand.Parameters.Add("$doc", SqliteType.Integer);
        using var snippetCommand = connection.CreateCommand();
        var highlight = fts is { Negated: false };
        snippetCommand.CommandText = highlight
            ? $"SELECT snippet(article_fts, {BodyColumn}, char(57344), char(57345), '…', {Snippets.Tokens}) FROM article_fts WHERE article_fts MATCH $match AND rowid = $doc"
            : "SELECT body FROM article_fts WHERE rowid = $doc";
        var snippetDoc = snippetCommand.Parameters.Add("$doc", SqliteType.Integer);
        if (highlight) snippetCommand.Parameters.AddWithValue("$match", fts!.Match);

        foreach (var (doc, score) in items)
        {
            titleDoc.Value = doc;
            snippetDoc.Value = doc;
            var title = titleCommand.ExecuteScalar() as string ?? "";
            var text = snippetCommand.ExecuteScalar() as string ?? "";
            var snippet = highlight ? Snippets.ToHtml(text) : Snippets.Lead(text);
            var day = index.Day[doc];
            hits.Add(new SearchHit(
                index.Ids[doc]!,
                title,
                index.Names.SourceNames[index.Source[doc]],
                day == FacetIndex.NoDay ? null : DateOnly.FromDayNumber(day),
                snippet,
                index.Actors[doc].Select(a => index.Names.ActorNames[a]).ToList(),
                index.Topics[doc].Select(t => index.Names.TopicNames[t]).ToList(),
                double.IsFinite(score) ? Math.Round(score, 4) : 0));
        }
        return hits;
    }

    /// <summary>
    /// Titles with a word starting with the prefix, from the most recently indexed matching articles (FTS5 walks
    /// rowids backwards without scoring), so a common prefix costs no more than a rare one.
    /// </summary>
    private static IEnumerable<Suggestion> TitleSuggestions(SqliteConnection connection, string key, int limit)
    {
        var words = key.Split(' ');
        // Earlier words whole, the last as a prefix, all within titles: "peace ta" completes "Peace talks resume".
        var match = "{title} : " + string.Join(" AND ", words.Select((w, i) => FtsQuery.Quote([w]) + (i == words.Length - 1 ? " *" : "")));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT title FROM article_fts WHERE article_fts MATCH $match ORDER BY rowid DESC LIMIT $scan";
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$scan", limit * 20);
        using var reader = command.ExecuteReader();
        var titles = new List<string>();
        while (reader.Read()) titles.Add(reader.GetString(0));
        return titles
            .GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
            .Select(g => new Suggestion(g.First(), SuggestionKind.Title, g.Count()))
            .OrderByDescending(s => s.Count)
            .Take(limit);
    }

    /// <summary>
    /// How much of this article's title vocabulary each candidate's title shares (cosine over distinctive words).
    /// Computed here rather than by FTS5: a seek per candidate for common words costs milliseconds each.
    /// </summary>
    private static Dictionary<int, double> DistinctiveTermScores(SqliteConnection connection, string title, IReadOnlyList<int> candidates)
    {
        var mine = DistinctiveWords(title);
        var scores = new Dictionary<int, double>();
        if (mine.Count == 0 || candidates.Count == 0) return scores;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT title FROM article_json WHERE doc = $doc";
        var doc = command.Parameters.Add("$doc", SqliteType.Integer);
        foreach (var candidate in candidates)
        {
            doc.Value = candidate;
            if (command.ExecuteScalar() is not string other) continue;
            var theirs = DistinctiveWords(other);
            var shared = theirs.Count(mine.Contains);
            if (shared > 0) scores[candidate] = shared / Math.Sqrt(mine.Count * (double)theirs.Count);
        }
        return scores;
    }

    private static HashSet<string> DistinctiveWords(string text) =>
        QueryParser.Words(text).Select(TextKey.FoldWord).Where(w => w.Length >= 4 && !StopWords.Contains(w)).ToHashSet();

    private static readonly HashSet<string> StopWords =
    [
        "about", "after", "again", "against", "also", "amid", "been", "before", "being", "between", "could", "during",
        "from", "have", "into", "more", "over", "said", "says", "than", "that", "their", "there", "they", "this",
        "under", "were", "what", "when", "which", "while", "will", "with", "would",
    ];

    internal static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}
