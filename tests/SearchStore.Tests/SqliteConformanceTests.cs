using NewsSearch.SearchStore.Conformance;
using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore.Tests;

/// <summary>The shared conformance suite, run against the embedded store in a fresh file per test.</summary>
public sealed class SqliteConformanceTests : SearchStoreConformanceTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "searchstore-tests", Guid.NewGuid().ToString("N"));

    protected override Task<ISearchStore> CreateEmptyStoreAsync() =>
        Task.FromResult<ISearchStore>(new SqliteSearchStore(Path.Combine(_directory, $"{Guid.NewGuid():N}.db")));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
