using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsSearch.Articles;
using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// The embedded search store: SQLite FTS5 in one file, in WAL mode, so one writer (the enrichment service)
/// and readers in other processes (the query service) share it. Writes go through <see cref="StoreWriter"/>; each
/// read runs on a snapshot of its own (<see cref="ReadSnapshot"/>), where a search starts from the FTS match set and
/// computes filters, facet counts and the date histogram over an in-memory copy of the articles' facet values
/// (<see cref="Searcher"/>). Reads run on the caller's thread, and a cancelled token stops them inside SQLite.
/// </summary>
public sealed partial class SqliteSearchStore : ISearchStore, IDisposable
{
    private readonly StoreFile _file;
    private readonly StoreWriter _writer;
    private readonly SharedFacetIndex _facets = new();
    private readonly Searcher _searcher = new();
    private bool _disposed;

    public SqliteSearchStore(string databasePath)
    {
        _file = new StoreFile(databasePath);
        _writer = new StoreWriter(_file);
    }

    public string DatabasePath => _file.Path;

    internal int ScoringWindow { get => _searcher.ScoringWindow; init => _searcher.ScoringWindow = value; }

    internal int CostlyPhraseArticles { get => _searcher.CostlyPhraseArticles; init => _searcher.CostlyPhraseArticles = value; }

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var directory = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        using (var connection = _file.Open()) SqliteSchema.Apply(connection);
        return _writer.AssignMissingStoriesAsync(cancellationToken);
    }

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<EnrichedArticle> articles, CancellationToken cancellationToken) =>
        _writer.UpsertAsync(articles, cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => _writer.DeleteAsync(id, cancellationToken);

    public Task<EnrichedArticle?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Read(cancellationToken, withFacets: false, snapshot =>
        {
            using var command = snapshot.Connection.CreateCommand();
            command.CommandText = """
                SELECT j.json, f.body, s.article_id FROM article a JOIN article_json j ON j.doc = a.doc JOIN article_fts f ON f.rowid = a.doc
                LEFT JOIN story s ON s.id = a.story
                WHERE a.id = $id
                """;
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            if (!reader.Read()) return null;
            var article = JsonSerializer.Deserialize<EnrichedArticle>(reader.GetString(0), ArticleJson.Options)! with
            {
                Story = reader.IsDBNull(2) ? null : reader.GetString(2),
            };
            return article.Body.Length > 0 ? article : article with { Body = reader.GetString(1) };
        });
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        Read(cancellationToken, withFacets: false, snapshot => (long)Sql.Scalar(snapshot.Connection, "SELECT count(*) FROM article")!);

    public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var connection = _file.Open();
            var version = SqliteSchema.ReadVersion(connection);
            if (version != SqliteSchema.Version)
                return Task.FromResult(new StoreHealth(false, $"Schema version {version}, expected {SqliteSchema.Version}: the store is not initialised."));
            var count = (long)Sql.Scalar(connection, "SELECT count(*) FROM article")!;
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
        return Read(cancellationToken, withFacets: true, snapshot => _searcher.Search(snapshot, request));
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, 50);
        var key = TextKey.Fold(prefix ?? "");
        if (key.Length == 0) return Task.FromResult<IReadOnlyList<Suggestion>>([]);
        return Read<IReadOnlyList<Suggestion>>(cancellationToken, withFacets: true, snapshot =>
        {
            var suggestions = Suggester.Suggest(snapshot.Index, key, limit).ToList();
            if (key.Length >= QueryParser.MinPrefixLength)
                suggestions.AddRange(TitleSuggestions.Find(snapshot.Connection, key, limit));
            return Suggestion.Best(suggestions, limit);
        });
    }

    public Task<IReadOnlyList<SearchHit>> SimilarAsync(string id, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        limit = Math.Clamp(limit, 1, 50);
        return Read(cancellationToken, withFacets: true, snapshot =>
        {
            if (Sql.FindDoc(snapshot.Connection, id) is not { } doc) return [];
            var candidates = SimilarArticles.CandidatesFor(snapshot.Index, (int)doc);
            var termScores = TitleOverlap.Scores(snapshot.Connection, doc, candidates);
            var ranked = SimilarArticles.Rank(snapshot.Index, (int)doc, candidates, termScores, limit);
            return HitReader.Read(snapshot, ranked, null);
        });
    }

    public Task<StoryDetail?> StoryAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Read(cancellationToken, withFacets: true, snapshot => StoryDetails.Read(snapshot.Index, id));
    }

    /// <summary>Runs a read on a snapshot of its own, on the caller's thread: its statements end when the token is cancelled.</summary>
    private Task<T> Read<T>(CancellationToken cancellationToken, bool withFacets, Func<ReadSnapshot, T> read) =>
        Task.FromResult(Interruption.Run(() =>
        {
            using var snapshot = new ReadSnapshot(_file, withFacets ? _facets : null, cancellationToken);
            return read(snapshot);
        }, cancellationToken));

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _writer.Dispose();
        _file.ClosePool();
    }
}
