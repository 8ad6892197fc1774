using Microsoft.Data.Sqlite;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// The one facet index a store object shares among its reads. Every write moves the file's generation; a read
/// brings the shared copy up to the generation of the snapshot it sees, incrementally, once for all reads.
/// </summary>
internal sealed class SharedFacetIndex
{
    private readonly Lock _lock = new();
    private FacetIndex _index = FacetIndex.Empty;

    /// <summary>The facet index as of the snapshot of the connection's read transaction.</summary>
    public FacetIndex At(SqliteConnection connection)
    {
        var generation = ReadGeneration(connection);
        var current = _index;
        if (current.Generation == generation) return current;
        lock (_lock)
        {
            if (_index.Generation == generation) return _index;
            var refreshed = _index.Refresh(connection, generation);
            // Keep the newest: a query on an older snapshot must not roll the shared copy back.
            if (refreshed.Generation > _index.Generation) _index = refreshed;
            return refreshed;
        }
    }

    public static long ReadGeneration(SqliteConnection connection) =>
        Sql.Scalar(connection, "SELECT value FROM meta WHERE key = 'generation'") as long?
        ?? throw new InvalidOperationException("The search store is not initialised; call InitializeAsync first.");
}
