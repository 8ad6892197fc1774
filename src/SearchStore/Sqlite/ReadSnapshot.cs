using Microsoft.Data.Sqlite;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// One read of the store: a pooled connection in one read transaction, so the generation, the facet index and
/// every statement see the same snapshot of the file, while the writer goes on committing (WAL). Once the token is
/// cancelled, the statements SQLite runs for it stop (see <see cref="Interruption"/>).
/// </summary>
internal sealed class ReadSnapshot : IDisposable
{
    private readonly SqliteTransaction _transaction;
    private readonly IDisposable _stop;
    private readonly FacetIndex? _index;

    /// <param name="facets">
    /// The facet index to bring up to this snapshot, for reads that use it; null for reads that do not. It is brought
    /// up to date before the token can stop anything: every later read shares that work, and a refresh stopped at
    /// each read's time limit might never finish on a large file.
    /// </param>
    public ReadSnapshot(StoreFile file, SharedFacetIndex? facets, CancellationToken cancellationToken)
    {
        File = file;
        CancellationToken = cancellationToken;
        Connection = file.Open();
        _transaction = Connection.BeginTransaction(deferred: true);
        _index = facets?.At(Connection);
        _stop = Connection.StopOn(cancellationToken);
    }

    /// <summary>The file, for a read that needs a second connection.</summary>
    public StoreFile File { get; }

    public SqliteConnection Connection { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The facet index as of this snapshot.</summary>
    public FacetIndex Index => _index ?? throw new InvalidOperationException("This read was begun without the facet index.");

    public void Dispose()
    {
        _stop.Dispose(); // first: the connection goes back to the pool below
        _transaction.Dispose();
        Connection.Dispose();
    }
}
