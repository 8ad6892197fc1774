using Microsoft.Data.Sqlite;

namespace NewsSearch.Ingest.Api;

/// <summary>
/// The versioned schema of the raw store, kept in the file's <c>PRAGMA user_version</c> as the search store keeps its
/// own (src/SearchStore/Sqlite/SqliteSchema.cs): step N makes version N from version N − 1.
/// </summary>
internal static class RawStoreSchema
{
    /// <summary>The newest version: one per step in <see cref="Steps"/>, so adding a step is all an upgrade takes.</summary>
    public static long Version => Steps.Length;

    private const string CreateV1 = """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            title TEXT,
            source TEXT,
            url TEXT,
            published TEXT,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            in_flight INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_error TEXT,
            received_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE INDEX articles_by_state ON articles (state, in_flight, next_attempt_at);
        """;

    // Articles can carry a reference date (asOf); those stored before have none.
    private const string UpgradeToV2 = "ALTER TABLE articles ADD COLUMN as_of TEXT;";

    /// <summary>The script that makes version N from version N − 1 is step N.</summary>
    private static readonly string[] Steps = [CreateV1, UpgradeToV2];

    /// <summary>
    /// Creates the schema, or upgrades an older one, in one write transaction. <paramref name="targetVersion"/>
    /// stops at an older version (tests build an old file that way and check its upgrade).
    /// </summary>
    public static void Apply(SqliteConnection connection, long? targetVersion = null)
    {
        var target = targetVersion ?? Version;
        Execute(connection, "PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction();
        var current = ReadVersion(connection);
        if (current > Version)
        {
            throw new InvalidOperationException($"The raw store has schema version {current}, newer than this code ({Version}).");
        }

        for (var version = current + 1; version <= target; version++)
        {
            Execute(connection, Steps[version - 1]);
        }

        if (current < target)
        {
            Execute(connection, $"PRAGMA user_version = {target};");
        }

        transaction.Commit();
    }

    /// <summary>
    /// The file's version. Files written before the version was kept say 0 but hold the table: their version is
    /// read from the columns they have.
    /// </summary>
    public static long ReadVersion(SqliteConnection connection)
    {
        var version = Scalar(connection, "PRAGMA user_version;");
        if (version > 0 || Scalar(connection, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'articles'") == 0)
        {
            return version;
        }

        return Scalar(connection, "SELECT COUNT(*) FROM pragma_table_info('articles') WHERE name = 'as_of'") == 0 ? 1 : 2;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
