using Microsoft.Data.Sqlite;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// The store's database file and its pool of connections. The writer, each read and each checkpoint open a
/// connection of their own here: a SQLite connection runs one statement at a time.
/// </summary>
internal sealed class StoreFile
{
    private static readonly Lock InitLock = new();
    private static bool _sqliteReady;

    private const long MemoryMapBytes = 1L << 32;

    private readonly string _connectionString;

    public StoreFile(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        lock (InitLock)
        {
            if (!_sqliteReady)
            {
                SQLitePCL.Batteries_V2.Init();
                _sqliteReady = true;
            }
        }
        Path = System.IO.Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Pages read through a memory map, not copied by a read() each: a broad search walks megabytes of doclists,
        // more than a connection's page cache holds, and the system calls and copies were a tenth of a search's CPU.
        // A pooled connection keeps the setting; SQLite caps the size at its compile-time limit.
        Sql.Execute(connection, $"PRAGMA mmap_size = {MemoryMapBytes};");
        return connection;
    }

    /// <summary>Closes the idle pooled connections, so that nothing of this store holds the file open.</summary>
    public void ClosePool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
