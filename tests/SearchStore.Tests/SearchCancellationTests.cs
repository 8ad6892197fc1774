using Microsoft.Data.Sqlite;
using NewsSearch.SearchStore.Conformance;
using NewsSearch.SearchStore.Querying;
using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore.Tests;

/// <summary>
/// A read whose token is cancelled stops inside SQLite. The store runs reads on the caller's thread, so a search
/// that ends in a cancellation instead of its result was stopped while it ran, not abandoned.
/// </summary>
public sealed class SearchCancellationTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public async Task A_costly_search_is_stopped_when_its_token_is_cancelled_and_the_store_answers_the_next_search()
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = new SqliteSearchStore(_directory.File("costly.db"));
        await store.InitializeAsync(ct);
        await store.UpsertAsync(CostlyQueryCorpus.Articles(), ct);
        var costly = new SearchRequest { Query = QueryParser.Parse(CostlyQueryCorpus.Query).Query };
        var cheap = new SearchRequest { Query = QueryParser.Parse(CostlyQueryCorpus.Word(7)).Query };
        await store.SearchAsync(cheap, ct); // compiled and the facet index loaded, so the limit falls inside the costly statement

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromMilliseconds(500));
        var stopped = await Should.ThrowAsync<OperationCanceledException>(() => store.SearchAsync(costly, limit.Token));
        stopped.InnerException.ShouldBeOfType<SqliteException>().SqliteErrorCode.ShouldBe(SQLitePCL.raw.SQLITE_INTERRUPT);

        (await store.SearchAsync(cheap, ct)).Hits.Select(h => h.Title).ShouldBe(["Costly article 0"]);
    }

    public void Dispose() => _directory.Dispose();
}
