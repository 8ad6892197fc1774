using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace NewsSearch.Ingest.Benchmarks;

/// <summary>
/// Notes when each article becomes searchable: the moment its row is visible to a reader of the embedded search
/// store, which is what the query service reads. It polls the store's <c>article</c> table read-only, by
/// increasing rowid, because the public store API has no change feed; a poll is one indexed range read.
/// </summary>
public sealed class Searchability(string dataDir, Stopwatch clock) : IAsyncDisposable
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(10);

    private readonly CancellationTokenSource _stop = new();
    private Task? _polling;

    public ConcurrentDictionary<string, TimeSpan> VisibleAt { get; } = new();

    public void Start() => _polling = Task.Run(() => PollAsync(_stop.Token));

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        SQLitePCL.Batteries_V2.Init();
        var path = Path.Combine(dataDir, "search.db");
        while (!File.Exists(path))
        {
            await Task.Delay(PollEvery, cancellationToken);
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT doc, id FROM article WHERE doc > $last ORDER BY doc";
        var last = query.Parameters.AddWithValue("$last", 0L);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var reader = await query.ExecuteReaderAsync(cancellationToken);
                var now = clock.Elapsed;
                while (await reader.ReadAsync(cancellationToken))
                {
                    last.Value = reader.GetInt64(0);
                    VisibleAt.TryAdd(reader.GetString(1), now);
                }
            }
            catch (SqliteException)
            {
                // The schema is being created by enrichment's first start; look again shortly.
            }

            await Task.Delay(PollEvery, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await (_polling ?? Task.CompletedTask);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }
}
