using Microsoft.Data.Sqlite;

namespace NewsSearch.SearchStore.Tests;

/// <summary>A directory of its own for a test's store files, deleted with every file in it when the test ends.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "searchstore-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The path of <paramref name="name"/> in this directory, which exists from then on.</summary>
    public string File(string name)
    {
        Directory.CreateDirectory(Path);
        return System.IO.Path.Combine(Path, name);
    }

    public void Dispose()
    {
        // Pooled connections keep the files open, and a file that is open cannot be deleted everywhere.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
