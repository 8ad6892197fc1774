using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsSearch.Articles;
using NewsSearch.SearchStore.Conformance;
using NewsSearch.SearchStore.Querying;
using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore.Tests;

/// <summary>
/// A store file written by an earlier build (see Files/README.md) opens with this one, is upgraded in place, and
/// answers exactly as a file this build wrote from the same history.
/// </summary>
public sealed class FilesFromEarlierBuildsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly SearchRequest[] Searches =
    [
        new(),
        new() { Query = Parse("talks") },
        new() { Query = Parse("\"peace talks\" OR ceasefire"), Sort = SortOrder.Newest },
        new() { Query = Parse("Turkey") },
        new() { Query = Parse("-Istanbul"), Actors = ["Pakistan"] },
        new() { Query = Parse("negotiat*"), Sources = [ConformanceCorpus.Dawn, ConformanceCorpus.Reuters] },
        new() { From = new DateOnly(2025, 10, 26), To = new DateOnly(2025, 10, 31), Sort = SortOrder.Oldest },
    ];

    [Fact]
    public async Task A_file_written_with_SQLite_3_35_answers_as_a_file_written_by_this_build()
    {
        using var old = await OpenCopyAsync("search-v4-sqlite-3.35.5.db");
        using var fresh = await WriteSameHistoryAsync();

        (await old.CountAsync(Ct)).ShouldBe(await fresh.CountAsync(Ct));
        foreach (var request in Searches)
            Json(WithoutStories(await old.SearchAsync(request, Ct))).ShouldBe(Json(WithoutStories(await fresh.SearchAsync(request, Ct))));
        // The old file's articles are grouped when it is upgraded, the new file's as they were written (with a delete
        // in between), so the stories may be named differently; each article has one all the same.
        (await old.SearchAsync(new SearchRequest { Size = 100 }, Ct)).Hits.ShouldAllBe(h => h.Story != null);
        Json(await old.SuggestAsync("ist", 10, Ct)).ShouldBe(Json(await fresh.SuggestAsync("ist", 10, Ct)));
        var first = ConformanceCorpus.All[0].Id;
        Json((await old.SimilarAsync(first, 10, Ct)).Select(h => h with { Story = null })).ShouldBe(Json((await fresh.SimilarAsync(first, 10, Ct)).Select(h => h with { Story = null })));
        Json((await old.GetAsync(first, Ct))! with { Story = null }).ShouldBe(Json((await fresh.GetAsync(first, Ct))! with { Story = null }));
    }

    private static SearchResult WithoutStories(SearchResult result) => result with
    {
        TookMs = 0,
        Hits = [.. result.Hits.Select(h => h with { Story = null })],
        Facets = result.Facets with { Story = [] },
    };

    [Fact]
    public async Task A_file_written_with_SQLite_3_35_takes_new_writes_and_stays_intact()
    {
        var path = CopyOf("search-v4-sqlite-3.35.5.db");
        using (var store = new SqliteSearchStore(path))
        {
            await store.InitializeAsync(Ct);
            (await store.CheckHealthAsync(Ct)).Healthy.ShouldBeTrue();
            var moved = ConformanceCorpus.All[2] with { Id = "d0000000000000d1", Title = "Talks moved to Doha" };
            await store.UpsertAsync([moved], Ct);
            (await store.DeleteAsync(ConformanceCorpus.All[3].Id, Ct)).ShouldBeTrue();

            var found = await store.SearchAsync(new SearchRequest { Query = Parse("Doha") }, Ct);
            found.Hits.Select(h => h.Id).ShouldBe([moved.Id]);
            (await store.GetAsync(ConformanceCorpus.All[3].Id, Ct)).ShouldBeNull();
        }
        SqliteConnection.ClearAllPools();
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var command = check.CreateCommand();
        command.CommandText = "INSERT INTO article_fts(article_fts) VALUES ('integrity-check')";
        command.ExecuteNonQuery(); // throws when the full-text index disagrees with its content
        command.CommandText = "PRAGMA integrity_check";
        command.ExecuteScalar().ShouldBe("ok");
        command.CommandText = "PRAGMA user_version";
        ((long)command.ExecuteScalar()!).ShouldBe(SqliteSchema.Version);
    }

    private string CopyOf(string file)
    {
        var path = _directory.File(file);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Files", file), path);
        return path;
    }

    private async Task<SqliteSearchStore> OpenCopyAsync(string file)
    {
        var store = new SqliteSearchStore(CopyOf(file));
        await store.InitializeAsync(Ct);
        return store;
    }

    /// <summary>The writes that made the old file (Files/README.md), made by this build into a new one.</summary>
    private async Task<SqliteSearchStore> WriteSameHistoryAsync()
    {
        var store = new SqliteSearchStore(_directory.File("fresh.db"));
        await store.InitializeAsync(Ct);
        await store.UpsertAsync(ConformanceCorpus.All, Ct);
        await store.UpsertAsync([ConformanceCorpus.All[0] with { Title = "Replaced title" }], Ct);
        await store.DeleteAsync(ConformanceCorpus.All[1].Id, Ct);
        await store.UpsertAsync([ConformanceCorpus.All[1]], Ct);
        return store;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static Query Parse(string text) => QueryParser.Parse(text).Query!;

    public void Dispose() => _directory.Dispose();
}
