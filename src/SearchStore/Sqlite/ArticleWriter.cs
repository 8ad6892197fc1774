using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsSearch.Articles;
using NewsSearch.SearchStore.Querying;
using NewsSearch.Stories;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// Writes a batch of articles inside the caller's write transaction. Statement count, not B-tree work, dominated
/// the writer's time beyond FTS5 (each execution costs microseconds in the ADO.NET layer), so an article takes
/// three statements (its row, its JSON, its FTS row), the batch's existing articles are looked up in one statement
/// over a JSON array (<c>json_each</c>), and prepared commands keep their parameter objects across executions.
/// </summary>
internal sealed class ArticleWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly long _generation;
    private readonly WriterCache _cache;
    private readonly StoryWriter _stories;
    private readonly List<SqliteCommand> _commands = [];
    private readonly Statement _find, _body, _insertArticle, _updateArticle, _upsertJson, _insertFts, _deleteFts, _addForm;

    public ArticleWriter(SqliteConnection connection, long generation, WriterCache cache, StoryWriter stories)
    {
        _connection = connection;
        _generation = generation;
        _cache = cache;
        _stories = stories;
        _find = Prepare("SELECT a.id, a.doc, j.json FROM article a JOIN article_json j ON j.doc = a.doc WHERE a.id IN (SELECT value FROM json_each($ids))", "$ids");
        _body = Prepare("SELECT body FROM article_fts WHERE rowid = $doc", "$doc");
        _insertArticle = Prepare("INSERT INTO article(id, source_id, published, seq, actors, topics) VALUES ($id, $source, $published, $seq, $actors, $topics) RETURNING doc",
            "$id", "$source", "$published", "$seq", "$actors", "$topics");
        _updateArticle = Prepare("UPDATE article SET source_id = $source, published = $published, seq = $seq, actors = $actors, topics = $topics WHERE doc = $doc",
            "$source", "$published", "$seq", "$actors", "$topics", "$doc");
        _upsertJson = Prepare("INSERT OR REPLACE INTO article_json(doc, title, json) VALUES ($doc, $title, $json)", "$doc", "$title", "$json");
        _insertFts = Prepare("INSERT INTO article_fts(rowid, title, actors, topics, body) VALUES ($doc, $title, $actors, $topics, $body)", "$doc", "$title", "$actors", "$topics", "$body");
        _deleteFts = Prepare("DELETE FROM article_fts WHERE rowid = $doc", "$doc");
        _addForm = Prepare("INSERT OR IGNORE INTO actor_form(actor_id, form_key, form) VALUES ($id, $key, $form)", "$id", "$key", "$form");
    }

    /// <summary>
    /// Writes the batch (ids unique within it): article and JSON rows first, then the FTS rows. Keeping FTS5's
    /// inserts together keeps its pages hot: interleaving them per article cost a third of the rate. Other
    /// threads prepare the articles (<see cref="PreparedArticle"/>) just ahead of this thread's writes, inside the
    /// write lock, so an article that fails to prepare rolls the batch back like any other failed write.
    /// </summary>
    public void Write(IReadOnlyList<EnrichedArticle> batch, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, (long Doc, string Json)>();
        using (var reader = _find.Run(JsonSerializer.Serialize(batch.Select(a => a.Id))).ExecuteReader())
            while (reader.Read()) existing[reader.GetString(0)] = (reader.GetInt64(1), reader.GetString(2));
        var prepared = batch.AsParallel().AsOrdered().WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .WithCancellation(cancellationToken)
            .Select(PreparedArticle.From);
        var written = new List<(long Doc, PreparedArticle Article)>();
        foreach (var article in prepared)
            if (Upsert(article, existing.TryGetValue(article.Article.Id, out var found) ? found : null) is { } doc)
                written.Add((doc, article));
        foreach (var (doc, article) in written)
            _insertFts.Run(doc, article.Article.Title, article.ActorText, article.TopicText, article.IndexedBody).ExecuteNonQuery();
    }

    /// <summary>Writes the article's row and JSON; returns its rowid, or null when it was delivered again unchanged.</summary>
    private long? Upsert(PreparedArticle prepared, (long Doc, string Json)? existing)
    {
        var article = prepared.Article;
        if (existing is { } same && same.Json == prepared.Json && _body.Run(same.Doc).ExecuteScalar() as string == prepared.IndexedBody)
            return null; // nothing to do, and readers keep their cached facets

        var source = Resolve(_cache.Sources, "source", "name", prepared.Source, null);
        object published = article.Published is { } p ? p.DayNumber : DBNull.Value;
        var actors = IdList(prepared.Actors.Select(ResolveActor));
        var topics = IdList(prepared.Topics.Select(topic => Resolve(_cache.Topics, "topic", "label", topic, null)));
        long doc;
        if (existing is { } found)
        {
            doc = found.Doc;
            _deleteFts.Run(doc).ExecuteNonQuery();
            _updateArticle.Run(source, published, _generation, actors, topics, doc).ExecuteNonQuery();
        }
        else
        {
            doc = (long)_insertArticle.Run(article.Id, source, published, _generation, actors, topics).ExecuteScalar()!;
        }
        // The story is decided once the row exists (a new article's story may be named by its own rowid).
        var (_, stored) = _stories.Assign(doc, prepared);
        _upsertJson.Run(doc, article.Title, ReferenceEquals(stored, article) ? prepared.Json : PreparedArticle.JsonOf(stored)).ExecuteNonQuery();
        return doc;
    }

    private long ResolveActor(PreparedActor actor)
    {
        var actorId = Resolve(_cache.Actors, "actor", "name", actor.Name, actor.Type);
        foreach (var (key, form) in actor.Forms)
            if (_cache.Forms.Add((actorId, key))) _addForm.Run(actorId, key, form).ExecuteNonQuery();
        return actorId;
    }

    /// <summary>
    /// An article's actor or topic ids, in the order the article gives them, as the comma-separated text the
    /// <c>article.actors</c> and <c>article.topics</c> columns hold. Two names that differ only in case are one
    /// actor or topic (the name columns and the writer's cache ignore case); it then counts once, at its first place.
    /// </summary>
    private static string IdList(IEnumerable<long> ids) => string.Join(',', ids.Distinct());

    private long Resolve(Dictionary<string, long> cache, string table, string column, string value, string? type)
    {
        if (cache.TryGetValue(value, out var id)) return id;
        using var command = _connection.CreateCommand();
        command.CommandText = type is null
            ? $"INSERT INTO {table}({column}) VALUES ($value) ON CONFLICT({column}) DO UPDATE SET {column} = {column} RETURNING id"
            : $"INSERT INTO {table}({column}, type) VALUES ($value, $type) ON CONFLICT({column}) DO UPDATE SET {column} = {column} RETURNING id";
        command.Parameters.AddWithValue("$value", value);
        if (type is not null) command.Parameters.AddWithValue("$type", type);
        id = (long)command.ExecuteScalar()!;
        cache[value] = id;
        return id;
    }

    private Statement Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        _commands.Add(command);
        return new Statement(command);
    }

    public void Dispose()
    {
        foreach (var command in _commands) command.Dispose();
    }

    /// <summary>A prepared command whose parameters are set by position, in the order <see cref="Prepare"/> named them.</summary>
    private readonly record struct Statement(SqliteCommand Command)
    {
        public SqliteCommand Run(params object[] values)
        {
            for (var i = 0; i < values.Length; i++) Command.Parameters[i].Value = values[i];
            return Command;
        }
    }
}

/// <summary>
/// What can be computed for an article without the database (JSON, folded alias keys, the text of the actor and
/// topic columns), so other threads prepare a batch while the single writer writes it.
/// </summary>
internal sealed record PreparedArticle(
    EnrichedArticle Article,
    string Json,
    string IndexedBody,
    string Source,
    IReadOnlyList<PreparedActor> Actors,
    IReadOnlyList<string> Topics,
    string ActorText,
    string TopicText,
    IReadOnlyList<(string Word, int Count)> Words)
{
    public static PreparedArticle From(EnrichedArticle article)
    {
        var hasMarkers = HasMarkers(article.Body);
        var indexedBody = hasMarkers ? article.Body.Replace(Snippets.Open, ' ').Replace(Snippets.Close, ' ') : article.Body;
        var actors = article.Actors
            .Select(a => new PreparedActor(
                a.Name.Trim(),
                a.Type.ToString().ToLowerInvariant(),
                (a.Aliases ?? []).Prepend(a.Name)
                    .Where(f => !string.IsNullOrWhiteSpace(f))
                    .Select(f => (Key: TextKey.Fold(f), Form: f.Trim()))
                    .Where(f => f.Key.Length > 0)
                    .DistinctBy(f => f.Key)
                    .ToList()))
            .ToList();
        var topics = article.Topics.Select(t => t.Label.Trim()).ToList();
        return new PreparedArticle(
            article,
            JsonOf(article),
            indexedBody,
            string.IsNullOrWhiteSpace(article.Source) ? EnrichedArticle.UnknownSource : article.Source.Trim(),
            actors,
            topics,
            string.Join(" ; ", actors.SelectMany(a => a.Forms.Select(f => f.Form)).Distinct()),
            string.Join(" ; ", topics),
            StoryTerms.Count(article.Title, article.Body));
    }

    /// <summary>
    /// The JSON kept for an article. The body lives once, in the FTS table; the JSON holds everything else. The snippet
    /// markers must not occur in indexed text, so a body holding them is indexed without them and kept whole in the JSON
    /// instead. The story is the store's to decide and lives in the article row.
    /// </summary>
    public static string JsonOf(EnrichedArticle article) =>
        JsonSerializer.Serialize(article with { Body = HasMarkers(article.Body) ? article.Body : "", Story = null }, ArticleJson.Options);

    private static bool HasMarkers(string body) => body.AsSpan().IndexOfAny(Snippets.Open, Snippets.Close) >= 0;
}

internal sealed record PreparedActor(string Name, string Type, IReadOnlyList<(string Key, string Form)> Forms);

/// <summary>
/// Ids of facet values and actor forms this process knows are in the file, so a batch skips most dictionary
/// statements. Safe across batches because those rows are never deleted; cleared when a write transaction fails.
/// </summary>
internal sealed class WriterCache
{
    public Dictionary<string, long> Sources { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, long> Actors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, long> Topics { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<(long Actor, string Key)> Forms { get; } = [];

    public void Clear()
    {
        Sources.Clear();
        Actors.Clear();
        Topics.Clear();
        Forms.Clear();
    }
}
