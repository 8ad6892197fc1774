using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NewsSearch.Articles;

namespace NewsSearch.Ingest.Api;

/// <summary>An article the dispatcher has taken for delivery, with the attempts it had before.</summary>
public sealed record ClaimedArticle(RawArticle Article, int Attempts);

/// <summary>An article waiting to leave the index, with the attempts it had before.</summary>
public sealed record ClaimedDeletion(string Id, int Attempts);

/// <summary>What one claim took for delivery: pending articles and due deletions.</summary>
public sealed record ClaimedWork(IReadOnlyList<ClaimedArticle> Articles, IReadOnlyList<ClaimedDeletion> Deletions)
{
    public bool IsEmpty => Articles.Count == 0 && Deletions.Count == 0;
}

/// <summary>
/// The raw store: every accepted article with its metadata and delivery state, in its own SQLite file.
/// It is the source of truth (the index can be rebuilt from it) and the outbox the dispatcher reads.
/// </summary>
public sealed class RawStore : IDisposable
{
    public const string FileName = "ingest.db";

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    // SQLite allows one writer at a time; queueing writers here is cheaper and fairer than busy retries.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public RawStore(IOptions<DataOptions> data, TimeProvider time)
    {
        SQLitePCL.Batteries_V2.Init();
        var directory = Path.GetFullPath(data.Value.Dir);
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, FileName);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true }.ToString();
        _time = time;
        CreateSchema();
    }

    public string FilePath { get; }

    public void Dispose()
    {
        _writer.Dispose();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Stores new articles in one transaction; an article whose id is already stored is left as it is.</summary>
    public async Task<IReadOnlyList<Stored>> AddAsync(IReadOnlyList<RawArticle> articles, CancellationToken cancellationToken)
    {
        if (articles.Count == 0)
        {
            return [];
        }

        var now = Now();
        return await WriteAsync(async (connection, transaction) =>
        {
            using var insert = Command(connection, transaction, """
                INSERT INTO articles (id, text, title, source, url, published, as_of, state, next_attempt_at, received_at, updated_at)
                VALUES ($id, $text, $title, $source, $url, $published, $asOf, 'pending', $now, $now, $now)
                ON CONFLICT (id) DO NOTHING
                """);
            using var existing = Command(connection, transaction, "SELECT state FROM articles WHERE id = $id");
            var results = new List<Stored>(articles.Count);
            foreach (var article in articles)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$id", article.Id);
                insert.Parameters.AddWithValue("$text", article.Text);
                insert.Parameters.AddWithValue("$title", (object?)article.Metadata.Title ?? DBNull.Value);
                insert.Parameters.AddWithValue("$source", (object?)article.Metadata.Source ?? DBNull.Value);
                insert.Parameters.AddWithValue("$url", (object?)article.Metadata.Url ?? DBNull.Value);
                insert.Parameters.AddWithValue("$published", (object?)article.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
                insert.Parameters.AddWithValue("$asOf", (object?)article.Metadata.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
                insert.Parameters.AddWithValue("$now", now);
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    results.Add(new Stored(article.Id, ArticleState.Pending, Duplicate: false));
                    continue;
                }

                existing.Parameters.Clear();
                existing.Parameters.AddWithValue("$id", article.Id);
                var state = (string)(await existing.ExecuteScalarAsync(cancellationToken))!;
                results.Add(new Stored(article.Id, ParseState(state), Duplicate: true));
            }

            return results;
        }, Durability.Synced, cancellationToken);
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> due pending articles and up to as many due deletions, oldest first, in one
    /// transaction, so no other delivery sends them meanwhile.
    /// </summary>
    public Task<ClaimedWork> ClaimDueAsync(int max, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            using var claimArticles = Command(connection, transaction, """
                UPDATE articles SET in_flight = 1
                WHERE id IN (SELECT id FROM articles
                             WHERE state = 'pending' AND in_flight = 0 AND next_attempt_at <= $now
                             ORDER BY next_attempt_at LIMIT $max)
                RETURNING id, text, title, source, url, published, attempts, as_of
                """);
            claimArticles.Parameters.AddWithValue("$now", Now());
            claimArticles.Parameters.AddWithValue("$max", max);
            var articles = new List<ClaimedArticle>();
            await using (var reader = await claimArticles.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var metadata = new ArticleMetadata(
                        Title: reader.IsDBNull(2) ? null : reader.GetString(2),
                        Source: reader.IsDBNull(3) ? null : reader.GetString(3),
                        Url: reader.IsDBNull(4) ? null : reader.GetString(4),
                        Published: reader.IsDBNull(5) ? null : DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                        AsOf: reader.IsDBNull(7) ? null : DateOnly.ParseExact(reader.GetString(7), "yyyy-MM-dd", CultureInfo.InvariantCulture));
                    articles.Add(new ClaimedArticle(new RawArticle(reader.GetString(0), reader.GetString(1), metadata), reader.GetInt32(6)));
                }
            }

            using var claimDeletions = Command(connection, transaction, """
                UPDATE articles SET in_flight = 1
                WHERE id IN (SELECT id FROM articles
                             WHERE state = 'deleting' AND in_flight = 0 AND next_attempt_at <= $now
                             ORDER BY next_attempt_at LIMIT $max)
                RETURNING id, attempts
                """);
            claimDeletions.Parameters.AddWithValue("$now", Now());
            claimDeletions.Parameters.AddWithValue("$max", max);
            var deletions = new List<ClaimedDeletion>();
            await using (var reader = await claimDeletions.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    deletions.Add(new ClaimedDeletion(reader.GetString(0), reader.GetInt32(1)));
                }
            }

            return new ClaimedWork(articles, deletions);
        }, Durability.Deferred, cancellationToken);

    /// <summary>When the next pending article or deletion falls due, or null when none waits.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var query = Command(connection, null, """
            SELECT MIN(due) FROM (
                SELECT MIN(next_attempt_at) AS due FROM articles WHERE state = 'pending' AND in_flight = 0
                UNION ALL
                SELECT MIN(next_attempt_at) FROM articles WHERE state = 'deleting' AND in_flight = 0)
            """);
        var due = await query.ExecuteScalarAsync(cancellationToken);
        return due is long milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
    }

    /// <summary>
    /// Records what enrichment said about claimed articles: indexed, or an error that counts as an attempt
    /// (<paramref name="retryAt"/> gives the next try; past the last attempt the article is failed).
    /// Articles that were asked to be deleted meanwhile stay in deletion.
    /// </summary>
    public Task RecordAsync(IReadOnlyList<(ClaimedArticle Claimed, string? Error)> results, int maxAttempts, Func<int, DateTimeOffset> retryAt, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            using var indexed = Command(connection, transaction, """
                UPDATE articles SET in_flight = 0, updated_at = $now,
                    state = CASE state WHEN 'pending' THEN 'indexed' ELSE state END,
                    last_error = CASE state WHEN 'pending' THEN NULL ELSE last_error END
                WHERE id = $id
                """);
            using var failed = Command(connection, transaction, """
                UPDATE articles SET in_flight = 0, updated_at = $now, attempts = $attempts, last_error = $error,
                    next_attempt_at = $next,
                    state = CASE WHEN state = 'pending' AND $attempts >= $max THEN 'failed' ELSE state END
                WHERE id = $id
                """);
            var now = Now();
            foreach (var (claimed, error) in results)
            {
                var command = error is null ? indexed : failed;
                command.Parameters.Clear();
                command.Parameters.AddWithValue("$id", claimed.Article.Id);
                command.Parameters.AddWithValue("$now", now);
                if (error is not null)
                {
                    var attempts = claimed.Attempts + 1;
                    command.Parameters.AddWithValue("$attempts", attempts);
                    command.Parameters.AddWithValue("$error", error);
                    command.Parameters.AddWithValue("$max", maxAttempts);
                    command.Parameters.AddWithValue("$next", retryAt(attempts).ToUnixTimeMilliseconds());
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return true;
        }, Durability.Deferred, cancellationToken);

    /// <summary>Hands claimed articles or deletions back without counting an attempt: the other side was unavailable.</summary>
    public Task ReleaseAsync(IEnumerable<string> ids, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            using var release = Command(connection, transaction, "UPDATE articles SET in_flight = 0, next_attempt_at = $next WHERE id = $id");
            foreach (var id in ids)
            {
                release.Parameters.Clear();
                release.Parameters.AddWithValue("$id", id);
                release.Parameters.AddWithValue("$next", retryAt.ToUnixTimeMilliseconds());
                await release.ExecuteNonQueryAsync(cancellationToken);
            }

            return true;
        }, Durability.Deferred, cancellationToken);

    /// <summary>Claims from a previous run died with it: everything unconfirmed is simply sent again.</summary>
    public Task ReleaseAllClaimsAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE articles SET in_flight = 0 WHERE in_flight = 1", Durability.Deferred, cancellationToken);

    /// <summary>
    /// Marks an article for deletion. Returns null when the id is unknown; otherwise whether the caller now holds
    /// the deletion (true) or a delivery in flight must finish first, after which the dispatcher removes it (false).
    /// </summary>
    public Task<bool?> MarkDeletingAsync(string id, CancellationToken cancellationToken) =>
        WriteAsync<bool?>(async (connection, transaction) =>
        {
            using var take = Command(connection, transaction, """
                UPDATE articles SET state = 'deleting', in_flight = 1, attempts = 0, next_attempt_at = $now, updated_at = $now
                WHERE id = $id AND in_flight = 0 AND state <> 'deleting'
                """);
            take.Parameters.AddWithValue("$id", id);
            take.Parameters.AddWithValue("$now", Now());
            if (await take.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return true;
            }

            using var mark = Command(connection, transaction, """
                UPDATE articles SET state = 'deleting', attempts = 0, updated_at = $now WHERE id = $id
                """);
            mark.Parameters.AddWithValue("$id", id);
            mark.Parameters.AddWithValue("$now", Now());
            return await mark.ExecuteNonQueryAsync(cancellationToken) == 1 ? false : null;
        }, Durability.Synced, cancellationToken);

    /// <summary>The index no longer holds the article: it leaves the raw store.</summary>
    public Task RemoveAsync(string id, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            using var remove = Command(connection, transaction, "DELETE FROM articles WHERE id = $id AND state = 'deleting'");
            remove.Parameters.AddWithValue("$id", id);
            await remove.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, Durability.Synced, cancellationToken);

    public async Task<PipelineStatus> GetStatusAsync(int recentFailures, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var counts = new Dictionary<string, int>();
        using (var count = Command(connection, null, "SELECT state, COUNT(*) FROM articles GROUP BY state"))
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        var failures = new List<PipelineFailure>();
        using (var recent = Command(connection, null, """
            SELECT id, title, attempts, last_error, updated_at FROM articles
            WHERE state = 'failed' ORDER BY updated_at DESC, id LIMIT $max
            """))
        {
            recent.Parameters.AddWithValue("$max", recentFailures);
            await using var reader = await recent.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                failures.Add(new PipelineFailure(
                    reader.GetString(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.GetInt32(2),
                    reader.IsDBNull(3) ? "unknown" : reader.GetString(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
            }
        }

        int Count(ArticleState state) => counts.GetValueOrDefault(StateName(state));
        var pending = Count(ArticleState.Pending);
        var indexed = Count(ArticleState.Indexed);
        var failed = Count(ArticleState.Failed);
        return new PipelineStatus(pending + indexed + failed, pending, indexed, failed, failures);
    }

    /// <summary>Failed articles go back to pending with a fresh set of attempts.</summary>
    public Task<int> RetryFailedAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE articles SET state = 'pending', attempts = 0, next_attempt_at = $now, updated_at = $now WHERE state = 'failed'", Durability.Synced, cancellationToken, stampsNow: true);

    /// <summary>Every stored article is enriched again (enrichment is idempotent by id, so this only refreshes the index).</summary>
    public Task<int> MarkAllPendingAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE articles SET state = 'pending', attempts = 0, last_error = NULL, next_attempt_at = $now, updated_at = $now
            WHERE state IN ('pending', 'indexed', 'failed')
            """, Durability.Synced, cancellationToken, stampsNow: true);

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var probe = Command(connection, null, "SELECT COUNT(*) FROM articles WHERE 0");
        await probe.ExecuteScalarAsync(cancellationToken);
    }

    public static string StateName(ArticleState state) => state.ToString().ToLowerInvariant();

    private static ArticleState ParseState(string state) => Enum.Parse<ArticleState>(state, ignoreCase: true);

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private void CreateSchema()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        RawStoreSchema.Apply(connection);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken, Durability durability = Durability.Synced)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = durability == Durability.Synced
            ? "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;"
            : "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>One statement in its own write transaction; <paramref name="stampsNow"/> binds <c>$now</c> to the current time.</summary>
    private async Task<int> ExecuteAsync(string sql, Durability durability, CancellationToken cancellationToken, bool stampsNow = false) =>
        await WriteAsync(async (connection, transaction) =>
        {
            using var command = Command(connection, transaction, sql);
            if (stampsNow)
            {
                command.Parameters.AddWithValue("$now", Now());
            }

            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, durability, cancellationToken);

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, Durability durability, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken, durability);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var result = await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// How a commit reaches the disk. In WAL mode a synced commit flushes the whole log, earlier deferred commits
    /// included, so syncing only what answers a client keeps "acknowledged means durable" while the dispatcher's
    /// own bookkeeping (claims, outcomes) skips an fsync per batch: losing its latest commits to a power cut only
    /// means sending some articles again, which enrichment absorbs by id.
    /// </summary>
    private enum Durability
    {
        Synced,
        Deferred,
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
