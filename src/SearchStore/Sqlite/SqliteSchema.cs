using Microsoft.Data.Sqlite;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// The versioned schema of the embedded store. An article's facet values (source, day, actor and topic ids) live
/// in its narrow <c>article</c> row keyed by the FTS rowid (<c>doc</c>), away from the text, so reading them never
/// pages through bodies; the names behind the ids are in small tables of their own. The whole article is kept as
/// JSON (without its body, which the FTS table already holds verbatim).
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The newest version: one per step in <see cref="Steps"/>, so adding a step is all an upgrade takes.</summary>
    public static long Version => Steps.Length;

    private const string CreateV1 = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE source(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE);
        CREATE TABLE actor(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, type TEXT NOT NULL);
        -- Every name and alias seen for an actor, folded (see TextKey): the alias table behind query expansion.
        CREATE TABLE actor_form(actor_id INTEGER NOT NULL REFERENCES actor(id), form_key TEXT NOT NULL, form TEXT NOT NULL,
            UNIQUE(form_key, actor_id));
        CREATE INDEX actor_form_by_actor ON actor_form(actor_id);
        CREATE TABLE topic(id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE COLLATE NOCASE);
        -- AUTOINCREMENT: a deleted rowid is never reused, so a reader's incremental refresh cannot confuse two articles.
        CREATE TABLE article(doc INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
            source_id INTEGER NOT NULL REFERENCES source(id), published INTEGER, seq INTEGER NOT NULL);
        CREATE INDEX article_by_seq ON article(seq);
        CREATE TABLE article_actor(doc INTEGER NOT NULL, actor_id INTEGER NOT NULL, position INTEGER NOT NULL,
            PRIMARY KEY(doc, actor_id)) WITHOUT ROWID;
        CREATE INDEX article_actor_by_actor ON article_actor(actor_id, doc);
        CREATE TABLE article_topic(doc INTEGER NOT NULL, topic_id INTEGER NOT NULL, position INTEGER NOT NULL,
            PRIMARY KEY(doc, topic_id)) WITHOUT ROWID;
        CREATE INDEX article_topic_by_topic ON article_topic(topic_id, doc);
        CREATE TABLE article_json(doc INTEGER PRIMARY KEY, title TEXT NOT NULL, json TEXT NOT NULL);
        CREATE TABLE deleted(doc INTEGER PRIMARY KEY, seq INTEGER NOT NULL);
        CREATE INDEX deleted_by_seq ON deleted(seq);
        -- porter wraps unicode61: English stemming after case and diacritics folding. No prefix indexes: they
        -- doubled the index and halved the indexing rate, and word* with 3+ letters is fast enough without.
        CREATE VIRTUAL TABLE article_fts USING fts5(title, actors, topics, body,
            tokenize = 'porter unicode61 remove_diacritics 2');
        INSERT INTO meta(key, value) VALUES ('generation', 0);
        """;

    // FTS5 flushes its in-memory terms to a new segment every 'hashsize' bytes (default 1 MB, several times per
    // batch of 500 articles) and merges segments once 'automerge' (default 4) of a size have piled up. One segment
    // per write transaction and merging 8 at a time indexed a third faster, at the cost of a few more segments
    // to read per query term. Both settings persist in the FTS table's config.
    private const string UpgradeToV2 = """
        INSERT INTO article_fts(article_fts, rank) VALUES ('hashsize', 16777216);
        INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 8);
        """;

    // Merging 16 segments of a size at a time instead of 8: indexing 100,000 articles took a median 21.8 s of CPU
    // instead of 23.4, and the query mix was no slower (p99 37 against 40 ms) for the extra segments it reads. With
    // 'crisismerge' at its default of 16 as well, a level is merged whole, in one write, once it holds 16 segments;
    // a 'crisismerge' of 32 (merging bit by bit) indexed no faster (23.1 s).
    private const string UpgradeToV3 = """
        INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 16);
        """;

    // An article's actor and topic ids move from link tables (a row per link, plus an index by value) into two
    // columns of its article row, as comma-separated ids in the article's order. Only the in-memory facet index
    // reads them, article by article; writing the link rows and their index took 13% of the indexing time at
    // 100,000 articles. group_concat's ORDER BY (SQLite 3.44 on) keeps the article's order.
    private const string UpgradeToV4 = """
        ALTER TABLE article ADD COLUMN actors TEXT NOT NULL DEFAULT '';
        ALTER TABLE article ADD COLUMN topics TEXT NOT NULL DEFAULT '';
        UPDATE article SET
            actors = coalesce((SELECT group_concat(actor_id, ',' ORDER BY position) FROM article_actor l WHERE l.doc = article.doc), ''),
            topics = coalesce((SELECT group_concat(topic_id, ',' ORDER BY position) FROM article_topic l WHERE l.doc = article.doc), '');
        DROP TABLE article_actor;
        DROP TABLE article_topic;
        """;

    // Stories (see StoryAssigner): an article's story is the rowid of the article that began it (0 until assigned: articles
    // of an older file are assigned when the store is next initialised), its distinctive terms and the month and day it
    // gives without a year (month * 100 + day) are what assignment reads back when the writer starts. A story's row keeps
    // its public id (the first article's id, kept if that article goes) and its label; seq tells readers what changed.
    private const string UpgradeToV5 = """
        ALTER TABLE article ADD COLUMN story INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article ADD COLUMN terms TEXT NOT NULL DEFAULT '';
        ALTER TABLE article ADD COLUMN month_day INTEGER;
        CREATE INDEX article_by_story ON article(story);
        CREATE TABLE story(id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, label TEXT NOT NULL, seq INTEGER NOT NULL);
        CREATE INDEX story_by_article ON story(article_id);
        CREATE INDEX story_by_seq ON story(seq);
        """;

    /// <summary>The script that makes version N from version N − 1 is step N.</summary>
    private static readonly string[] Steps = [CreateV1, UpgradeToV2, UpgradeToV3, UpgradeToV4, UpgradeToV5];

    /// <summary>
    /// Creates the schema, or upgrades an older one, in one write transaction. <paramref name="targetVersion"/>
    /// stops at an older version (tests build an old file that way and check its upgrade).
    /// </summary>
    public static void Apply(SqliteConnection connection, long? targetVersion = null)
    {
        var target = targetVersion ?? Version;
        using (var wal = connection.CreateCommand())
        {
            // WAL lets readers in other processes run while the one writer commits; it persists in the file.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        var current = ReadVersion(connection);
        if (current > Version)
            throw new InvalidOperationException($"The search database has schema version {current}, newer than this code ({Version}).");
        for (var version = current + 1; version <= target; version++) Execute(connection, Steps[version - 1]);
        if (current < target) Execute(connection, $"PRAGMA user_version = {target};");
        transaction.Commit();
    }

    public static long ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
