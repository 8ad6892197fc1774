using Microsoft.Data.Sqlite;
using NewsSearch.Articles;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// The store's writes: upserts and deletes, one write transaction at a time (SQLite has one writer per file), each
/// moving the file's generation so that readers refresh their facet copies, and WAL checkpoints off the writer's
/// thread.
/// </summary>
internal sealed class StoreWriter(StoreFile file) : IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly WriterCache _writerCache = new();
    private readonly StoryMirror _stories = new();
    private Task _checkpoint = Task.CompletedTask; // started only under the write lock
    private int _commitsToCheckpoint; // commits since the running checkpoint began; 0 when none is running

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
            using var connection = file.Open();
            // A checkpoint every 64 MB of WAL rather than every 4 MB: FTS5 rewrites the same segment pages batch after
            // batch, and each checkpoint copied them into the file again (12% of the indexing time at 30k articles).
            Sql.Execute(connection, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384;");
            using var transaction = connection.BeginTransaction();
            var generation = NextGeneration(connection);
            using var stories = new StoryWriter(connection, _stories.Ready(connection, generation, generation - 1), generation);
            using var writer = new ArticleWriter(connection, generation, _writerCache, stories);
            writer.Write(unique, cancellationToken);
            stories.Finish();
            transaction.Commit();
            _stories.Committed(generation);
            CheckpointInBackground();
            return new UpsertResult(valid.Count, failed);
        }
        catch
        {
            _writerCache.Clear(); // the rolled-back rows may be in it
            _stories.Forget();
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
            using var connection = file.Open();
            using var transaction = connection.BeginTransaction();
            var doc = Sql.FindDoc(connection, id);
            if (doc is null) return false;
            var generation = NextGeneration(connection);
            Sql.Execute(connection, """
                DELETE FROM article_fts WHERE rowid = $doc;
                DELETE FROM article_json WHERE doc = $doc;
                DELETE FROM article WHERE doc = $doc;
                INSERT OR REPLACE INTO deleted(doc, seq) VALUES ($doc, $seq);
                """, ("$doc", doc.Value), ("$seq", generation));
            // The story stays for its other articles, labelled again; a mirror out of step is read again at the next write.
            if (_stories.InSync(generation - 1) is { } clusterer)
            {
                using var stories = new StoryWriter(connection, clusterer, generation);
                stories.Remove(doc.Value);
                stories.Finish();
                transaction.Commit();
                _stories.Committed(generation);
            }
            else
            {
                transaction.Commit();
            }
            return true;
        }
        catch
        {
            _stories.Forget();
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Assigns stories to the articles of a file written before stories (schema 4 and older), in one write transaction;
    /// nothing when every article has one.
    /// </summary>
    public async Task AssignMissingStoriesAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = file.Open();
            if (Sql.Scalar(connection, "SELECT 1 FROM article WHERE story = 0 LIMIT 1") is null) return;
            using var transaction = connection.BeginTransaction();
            var generation = NextGeneration(connection);
            _stories.Ready(connection, generation, generation - 1);
            transaction.Commit();
            _stories.Committed(generation);
        }
        catch
        {
            _stories.Forget();
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static long NextGeneration(SqliteConnection connection) =>
        (long)Sql.Scalar(connection, "UPDATE meta SET value = value + 1 WHERE key = 'generation' RETURNING value")!;

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
                    using var connection = file.Open();
                    Sql.Execute(connection, "PRAGMA wal_checkpoint(PASSIVE);");
                }
                catch (SqliteException)
                {
                    // Nothing is lost: the pages stay in the WAL, where readers find them, until a later checkpoint.
                }
            }
            while (Interlocked.CompareExchange(ref _commitsToCheckpoint, 0, seen) != seen);
        });
    }

    /// <summary>Waits for the write and the checkpoint in progress: both hold a connection to the file.</summary>
    public void Dispose()
    {
        _writeLock.Wait(); // a write still running would start another checkpoint
        _checkpoint.Wait();
        _writeLock.Dispose();
    }
}
