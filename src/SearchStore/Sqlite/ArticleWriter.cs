using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsSearch.Articles;
using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>Writes articles inside the caller's write transaction, with prepared commands reused across the batch.</summary>
internal sealed class ArticleWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly long _generation;
    private readonly WriterCache _cache;
    private readonly List<SqliteCommand> _commands = [];
    private readonly List<(long Doc, PreparedArticle Article)> _pending = [];
    private readonly SqliteCommand _find, _body, _insertArticle, _updateArticle, _upsertJson, _insertFts, _deleteFts,
        _deleteActors, _deleteTopics, _linkActor, _linkTopic, _addForm;

    public ArticleWriter(SqliteConnection connection, long generation, WriterCache cache)
    {
        _connection = connection;
        _generation = generation;
        _cache = cache;
        _find = Prepare("SELECT a.doc, j.json FROM article a JOIN article_json j ON j.doc = a.doc WHERE a.id = $id");
        _body = Prepare("SELECT body FROM article_fts WHERE rowid = $doc");
        _insertArticle = Prepare("INSERT INTO article(id, source_id, published, seq) VALUES ($id, $source, $published, $seq) RETURNING doc");
        _updateArticle = Prepare("UPDATE article SET source_id = $source, published = $published, seq = $seq WHERE doc = $doc");
        _upsertJson = Prepare("INSERT OR REPLACE INTO article_json(doc, title, json) VALUES ($doc, $title, $json)");
        _insertFts = Prepare("INSERT INTO article_fts(rowid, title, actors, topics, body) VALUES ($doc, $title, $actors, $topics, $body)");
        _deleteFts = Prepare("DELETE FROM article_fts WHERE rowid = $doc");
        _deleteActors = Prepare("DELETE FROM article_actor WHERE doc = $doc");
        _deleteTopics = Prepare("DELETE FROM article_topic WHERE doc = $doc");
        _linkActor = Prepare("INSERT OR IGNORE INTO article_actor(doc, actor_id, position) VALUES ($doc, $id, $position)");
        _linkTopic = Prepare("INSERT OR IGNORE INTO article_topic(doc, topic_id, position) VALUES ($doc, $id, $position)");
        _addForm = Prepare("INSERT OR IGNORE INTO actor_form(actor_id, form_key, form) VALUES ($id, $key, $form)");
    }

    /// <summary>Writes the article's row and JSON now; its text and facet rows wait for <see cref="Flush"/>.</summary>
    public void Upsert(PreparedArticle prepared)
    {
        var article = prepared.Article;
        long? existing = null;
        using (var reader = Run(_find, ("$id", article.Id)).ExecuteReader())
        {
            if (reader.Read())
            {
                existing = reader.GetInt64(0);
                if (reader.GetString(1) == prepared.Json && Run(_body, ("$doc", existing.Value)).ExecuteScalar() as string == prepared.IndexedBody)
                    return; // delivered again unchanged: nothing to do, and readers keep their cached facets
            }
        }

        var source = Resolve(_cache.Sources, "source", "name", prepared.Source, null);
        object published = article.Published is { } p ? p.DayNumber : DBNull.Value;
        long doc;
        if (existing is { } found)
        {
            doc = found;
            Remove(doc);
            Run(_updateArticle, ("$source", source), ("$published", published), ("$seq", _generation), ("$doc", doc)).ExecuteNonQuery();
        }
        else
        {
            doc = (long)Run(_insertArticle, ("$id", article.Id), ("$source", source), ("$published", published), ("$seq", _generation)).ExecuteScalar()!;
        }
        Run(_upsertJson, ("$doc", doc), ("$title", article.Title), ("$json", prepared.Json)).ExecuteNonQuery();
        _pending.Add((doc, prepared));
    }

    /// <summary>
    /// Writes the FTS rows, then the facet rows, of every article upserted since the last flush. Grouping the
    /// writes by table keeps each B-tree's pages hot: interleaving them per article cost a third of the rate.
    /// </summary>
    public void Flush()
    {
        foreach (var (doc, prepared) in _pending)
        {
            Run(_insertFts,
                ("$doc", doc),
                ("$title", prepared.Article.Title),
                ("$actors", prepared.ActorText),
                ("$topics", prepared.TopicText),
                ("$body", prepared.IndexedBody)).ExecuteNonQuery();
        }
        foreach (var (doc, prepared) in _pending)
        {
            var position = 0;
            foreach (var actor in prepared.Actors)
            {
                var actorId = Resolve(_cache.Actors, "actor", "name", actor.Name, actor.Type);
                Run(_linkActor, ("$doc", doc), ("$id", actorId), ("$position", position++)).ExecuteNonQuery();
                foreach (var (key, form) in actor.Forms)
                    if (_cache.Forms.Add((actorId, key))) Run(_addForm, ("$id", actorId), ("$key", key), ("$form", form)).ExecuteNonQuery();
            }
            position = 0;
            foreach (var topic in prepared.Topics)
                Run(_linkTopic, ("$doc", doc), ("$id", Resolve(_cache.Topics, "topic", "label", topic, null)), ("$position", position++)).ExecuteNonQuery();
        }
        _pending.Clear();
    }

    /// <summary>Removes an article's text and facet rows, keeping its rowid (an upsert re-adds them).</summary>
    public static void Remove(SqliteConnection connection, long doc)
    {
        SqliteSearchStore.Execute(connection, """
            DELETE FROM article_fts WHERE rowid = $doc;
            DELETE FROM article_actor WHERE doc = $doc;
            DELETE FROM article_topic WHERE doc = $doc;
            DELETE FROM article_json WHERE doc = $doc;
            """, ("$doc", doc));
    }

    private void Remove(long doc)
    {
        Run(_deleteFts, ("$doc", doc)).ExecuteNonQuery();
        Run(_deleteActors, ("$doc", doc)).ExecuteNonQuery();
        Run(_deleteTopics, ("$doc", doc)).ExecuteNonQuery();
    }

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

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        _commands.Add(command);
        return command;
    }

    private static SqliteCommand Run(SqliteCommand command, params (string Name, object Value)[] parameters)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands) command.Dispose();
    }
}

/// <summary>
/// What can be computed for an article without the database (JSON, folded alias keys, the text of the actor and
/// topic columns), so the store prepares a batch on every core before it takes the single writer's lock.
/// </summary>
internal sealed record PreparedArticle(
    EnrichedArticle Article,
    string Json,
    string IndexedBody,
    string Source,
    IReadOnlyList<PreparedActor> Actors,
    IReadOnlyList<string> Topics,
    string ActorText,
    string TopicText)
{
    public static PreparedArticle From(EnrichedArticle article)
    {
        // The body lives once, in the FTS table; the JSON holds everything else. The snippet markers must not occur
        // in indexed text, so a body holding them is indexed without them and kept whole in the JSON instead.
        var hasMarkers = article.Body.AsSpan().IndexOfAny(Snippets.Open, Snippets.Close) >= 0;
        var indexedBody = hasMarkers ? article.Body.Replace(Snippets.Open, ' ').Replace(Snippets.Close, ' ') : article.Body;
        var json = JsonSerializer.Serialize(article with { Body = hasMarkers ? article.Body : "" }, ArticleJson.Options);
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
            json,
            indexedBody,
            string.IsNullOrWhiteSpace(article.Source) ? EnrichedArticle.UnknownSource : article.Source.Trim(),
            actors,
            topics,
            string.Join(" ; ", actors.SelectMany(a => a.Forms.Select(f => f.Form)).Distinct()),
            string.Join(" ; ", topics));
    }
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
