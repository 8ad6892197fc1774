using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore.Tests;

public sealed class MatchSetTests
{
    [Fact]
    public void Appended_rowids_grow_the_set_past_its_first_capacity()
    {
        using var set = new MatchSet(2);
        set.Append([1, 2]);
        set.Append(Enumerable.Range(3, 5000).ToArray());
        set.Count.ShouldBe(5002);
        set.Docs.ToArray().ShouldBe(Enumerable.Range(1, 5002).ToArray());
    }

    [Fact]
    public void A_disposed_set_refuses_use()
    {
        var set = new MatchSet(4);
        set.Dispose();
        set.Dispose(); // twice is harmless
        Should.Throw<ObjectDisposedException>(() => set.Append([1]));
    }
}
