using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsSearch.Articles;
using NewsSearch.Stories;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// The writer's in-memory copy of the file's story assignments (a <see cref="StoryClusterer"/>), so a new article is
/// compared with its candidates without reading them from the file. It is read from the file when the writer first
/// needs it and again whenever the file's generation is not the one the writer's last commit left (another process
/// wrote, or a write failed). Articles of an older file that have no story yet are assigned then, oldest first.
/// </summary>
internal sealed class StoryMirror
{
    private StoryClusterer? _clusterer;
    private long _generation = -1;

    /// <summary>The clusterer, up to date with the file, inside the caller's write transaction at <paramref name="generation"/>.</summary>
    public StoryClusterer Ready(SqliteConnection connection, long generation, long previousGeneration)
    {
        if (_clusterer is not null && _generation == previousGeneration) return _clusterer;
        _clusterer = null;
        var clusterer = new StoryClusterer();
        var unassigned = Load(connection, clusterer);
        if (unassigned.Count > 0) Backfill(connection, clusterer, unassigned, generation);
        return _clusterer = clusterer;
    }

    /// <summary>The commit at <paramref name="generation"/> went through: the copy matches the file.</summary>
    public void Committed(long generation) => _generation = generation;

    /// <summary>A write failed: the copy may hold what was rolled back.</summary>
    public void Forget() => _clusterer = null;

    /// <summary>The copy if it matches the file at <paramref name="generation"/>, else null.</summary>
    public StoryClusterer? InSync(long generation) => _generation == generation ? _clusterer : null;

    private static List<long> Load(SqliteConnection connection, StoryClusterer clusterer)
    {
        var sources = Names(connection, "SELECT id, name FROM source");
        var actors = Names(connection, "SELECT id, name FROM actor");
        var unassigned = new List<long>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT doc, source_id, published, month_day, actors, terms, story FROM article ORDER BY doc";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var doc = reader.GetInt64(0);
            var story = reader.GetInt64(6);
            if (story == 0)
            {
                unassigned.Add(doc);
                continue;
            }
            var actorIds = reader.GetString(4);
            var (monthDay, dateIsBound) = reader.IsDBNull(3) ? ((MonthDay?)null, false) : StoryWriter.MonthDayOf(reader.GetInt64(3));
            clusterer.Restore(new StoryArticle(
                doc,
                sources.GetValueOrDefault(reader.GetInt64(1), ""),
                reader.IsDBNull(2) ? null : DateOnly.FromDayNumber((int)reader.GetInt64(2)),
                monthDay,
                actorIds.Length == 0 ? [] : DocList.Parse(actorIds).Select(id => actors.GetValueOrDefault(id, "")).ToList(),
                reader.GetString(5).Split(' ', StringSplitOptions.RemoveEmptyEntries)) { DateIsBound = dateIsBound }, story);
        }
        return unassigned;
    }

    /// <summary>Assigns the articles of a file from before stories, as if they arrived again in their order.</summary>
    private static void Backfill(SqliteConnection connection, StoryClusterer clusterer, List<long> docs, long generation)
    {
        var stories = new StoryWriter(connection, clusterer, generation);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT a.id, j.json, f.body FROM article a JOIN article_json j ON j.doc = a.doc JOIN article_fts f ON f.rowid = a.doc WHERE a.doc = $doc";
        var parameter = command.Parameters.Add("$doc", SqliteType.Integer);
        foreach (var doc in docs)
        {
            parameter.Value = doc;
            using var reader = command.ExecuteReader();
            if (!reader.Read()) continue;
            var article = JsonSerializer.Deserialize<EnrichedArticle>(reader.GetString(1), ArticleJson.Options)!;
            if (article.Body.Length == 0) article = article with { Body = reader.GetString(2) };
            var prepared = PreparedArticle.From(article);
            var assigned = stories.Assign(doc, prepared);
            if (assigned.Article != article)
                Sql.Execute(connection, "UPDATE article_json SET json = $json WHERE doc = $doc", ("$json", PreparedArticle.JsonOf(assigned.Article)), ("$doc", doc));
        }
        stories.Finish();
    }

    private static Dictionary<long, string> Names(SqliteConnection connection, string sql)
    {
        var names = new Dictionary<long, string>();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) names[reader.GetInt64(0)] = reader.GetString(1);
        return names;
    }
}
