using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore.Tests;

public sealed class StoreFileTests
{
    [Fact]
    public async Task Connections_read_the_file_through_a_memory_map()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("store.db");
        using (var store = new SqliteSearchStore(path)) await store.InitializeAsync(TestContext.Current.CancellationToken);

        using var connection = new StoreFile(path).Open();
        ((long)Sql.Scalar(connection, "PRAGMA mmap_size")!).ShouldBeGreaterThan(0);
    }
}
