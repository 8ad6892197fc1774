using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NewsSearch.Articles;
using NewsSearch.Ingest.Api;

namespace NewsSearch.Ingest.IntegrationTests;

public sealed class RawStoreUpgradeTests : IDisposable
{
    private const string Id = "0123456789abcdef";
    private const int CurrentVersion = 2;

    // The raw store as the first builds wrote it: no asOf column and no schema version.
    private const string FirstSchema = """
        CREATE TABLE articles (id TEXT PRIMARY KEY, text TEXT NOT NULL, title TEXT, source TEXT, url TEXT, published TEXT,
            state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, in_flight INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL, last_error TEXT, received_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
        CREATE INDEX articles_by_state ON articles (state, in_flight, next_attempt_at);
        INSERT INTO articles (id, text, title, state, next_attempt_at, received_at, updated_at)
            VALUES ('0123456789abcdef', 'Talks resumed in Istanbul.', 'Talks resume', 'pending', 0, 0, 0);
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("raw-store-").FullName;

    private string FilePath => Path.Combine(_directory, RawStore.FileName);

    [Fact]
    public async Task A_file_from_before_the_schema_was_versioned_opens_upgraded_with_its_articles()
    {
        Execute(FirstSchema);

        using (var store = Open())
        {
            var claimed = await store.ClaimDueAsync(10, TestContext.Current.CancellationToken);

            var article = claimed.Articles.ShouldHaveSingleItem().Article;
            (article.Id, article.Text, article.Metadata.Title, article.Metadata.AsOf).ShouldBe((Id, "Talks resumed in Istanbul.", "Talks resume", null));
        }

        Version().ShouldBe(CurrentVersion);
        Columns().ShouldContain("as_of");
    }

    [Fact]
    public async Task A_current_file_opens_again_unchanged()
    {
        using (var store = Open())
        {
            await store.AddAsync([new RawArticle(Id, "Talks resumed in Istanbul.", new ArticleMetadata(AsOf: new DateOnly(2025, 11, 1)))],
                TestContext.Current.CancellationToken);
        }

        using (var store = Open())
        {
            var claimed = await store.ClaimDueAsync(10, TestContext.Current.CancellationToken);
            claimed.Articles.ShouldHaveSingleItem().Article.Metadata.AsOf.ShouldBe(new DateOnly(2025, 11, 1));
        }

        Version().ShouldBe(CurrentVersion);
    }

    [Fact]
    public void A_file_from_a_newer_build_is_refused_rather_than_misread()
    {
        Execute(FirstSchema + "ALTER TABLE articles ADD COLUMN as_of TEXT; PRAGMA user_version = 99;");

        Should.Throw<InvalidOperationException>(() => Open().Dispose()).Message.ShouldContain("newer");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private RawStore Open() => new(Options.Create(new DataOptions { Dir = _directory }), TimeProvider.System);

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private void Execute(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Version()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }

    private List<string> Columns()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('articles')";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
