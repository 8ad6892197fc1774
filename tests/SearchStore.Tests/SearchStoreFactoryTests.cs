using System.ComponentModel.DataAnnotations;
using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore.Tests;

public sealed class SearchStoreFactoryTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "searchstore-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_sqlite_backend_keeps_search_db_in_the_data_directory()
    {
        var store = SearchStoreFactory.Create(new SearchStoreOptions { Backend = "SQLite", DataDir = _directory });
        using var disposable = store as IDisposable;
        store.ShouldBeOfType<SqliteSearchStore>().DatabasePath.ShouldBe(Path.Combine(_directory, "search.db"));
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        File.Exists(Path.Combine(_directory, "search.db")).ShouldBeTrue();
    }

    [Fact]
    public void An_unknown_backend_is_refused_by_validation_and_by_the_factory()
    {
        var options = new SearchStoreOptions { Backend = "lucene" };
        var problems = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true).ShouldBeFalse();
        problems.Single().ErrorMessage.ShouldNotBeNull().ShouldContain("'sqlite' or 'elasticsearch'");
        Should.Throw<InvalidOperationException>(() => SearchStoreFactory.Create(options)).Message.ShouldContain("lucene");
    }

    [Fact]
    public void The_default_options_are_valid_and_choose_sqlite()
    {
        var options = new SearchStoreOptions();
        Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true).ShouldBeTrue();
        options.UsesElasticsearch.ShouldBeFalse();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
