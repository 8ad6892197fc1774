using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore.Tests;

public sealed class SparseCountsTests
{
    [Fact]
    public void Counts_each_id_and_lists_the_counted_ones_in_first_counted_order()
    {
        using var counts = new SparseCounts(10);
        foreach (var id in new[] { 7, 2, 7, 9, 7, 2 }) counts.Increment(id);

        counts.Touched.ToArray().ShouldBe([7, 2, 9]);
        counts[7].ShouldBe(3);
        counts[2].ShouldBe(2);
        counts[9].ShouldBe(1);
        counts[0].ShouldBe(0);
    }

    [Fact]
    public void An_id_outside_the_range_reads_zero_and_cannot_be_counted()
    {
        using var counts = new SparseCounts(4);
        counts[4].ShouldBe(0);
        counts[-1].ShouldBe(0);
        Should.Throw<ArgumentOutOfRangeException>(() => counts.Increment(4));
        Should.Throw<ArgumentOutOfRangeException>(() => counts.Increment(-1));
        counts.Touched.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Arrays_given_back_come_out_again_zeroed()
    {
        // The same size each time, so the pool hands back the arrays the earlier counts used.
        for (var round = 0; round < 50; round++)
        {
            using var counts = new SparseCounts(1000);
            counts.Touched.IsEmpty.ShouldBeTrue();
            for (var id = 0; id < 1000; id++) counts[id].ShouldBe(0, $"round {round}, id {id}");
            for (var id = round; id < 1000; id += 7) counts.Increment(id);
        }
    }

    [Fact]
    public void A_disposed_counter_refuses_use()
    {
        var counts = new SparseCounts(3);
        counts.Increment(1);
        counts.Dispose();
        counts.Dispose(); // twice is harmless
        Should.Throw<ObjectDisposedException>(() => counts.Increment(1));
    }
}
