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
    private readonly Dictionary<string, long> _sources = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _actors = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _topics = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SqliteCommand> _commands = [];
    private readonly SqliteCommand _find, _body, _insertArticle, _updateArticle, _upsertJson, _insertFts, _deleteFts,
        _deleteActors, _deleteTopics, _linkActor, _linkTopic, _addForm;

    public ArticleWriter(SqliteConnection connection, long generation)
    {
        _connection = connection;
        _generation = generation;
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

    public void Upsert(EnrichedArticle article)
    {
        // The body lives once, in the FTS table; the JSON holds everything else.
        var json = JsonSerializer.Serialize(article with { Body = "" }, ArticleJson.Options);
        long? existing = null;
        using (var reader = Run(_find, ("$id", article.Id)).ExecuteReader())
        {
            if (reader.Read())
            {
                existing = reader.GetInt64(0);
                if (reader.GetString(1) == json && Run(_body, ("$doc", existing.Value)).ExecuteScalar() as string == article.Body)
                    return; // delivered again unchanged: nothing to do, and readers keep their cached facets
            }
        }

        var source = Resolve(_sources, "source", "name", string.IsNullOrWhiteSpace(article.Source) ? EnrichedArticle.UnknownSource : article.Source.Trim(), null);
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
        Run(_upsertJson, ("$doc", doc), ("$title", article.Title), ("$json", json)).ExecuteNonQuery();

        var actorText = new List<string>();
        var position = 0;
        foreach (var actor in article.Actors)
        {
            var name = actor.Name.Trim();
            var actorId = Resolve(_actors, "actor", "name", name, actor.Type.ToString().ToLowerInvariant());
            Run(_linkActor, ("$doc", doc), ("$id", actorId), ("$position", position++)).ExecuteNonQuery();
            foreach (var form in (actor.Aliases ?? []).Prepend(name).Where(f => !string.IsNullOrWhiteSpace(f)).Distinct())
            {
                actorText.Add(form);
                var key = TextKey.Fold(form);
                if (key.Length > 0) Run(_addForm, ("$id", actorId), ("$key", key), ("$form", form.Trim())).ExecuteNonQuery();
            }
        }
        position = 0;
        foreach (var topic in article.Topics)
        {
            var topicId = Resolve(_topics, "topic", "label", topic.Label.Trim(), null);
            Run(_linkTopic, ("$doc", doc), ("$id", topicId), ("$position", position++)).ExecuteNonQuery();
        }
        Run(_insertFts,
            ("$doc", doc),
            ("$title", article.Title),
            ("$actors", string.Join(" ; ", actorText)),
            ("$topics", string.Join(" ; ", article.Topics.Select(t => t.Label))),
            ("$body", article.Body)).ExecuteNonQuery();
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
