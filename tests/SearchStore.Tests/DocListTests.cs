using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore.Tests;

public sealed class DocListTests
{
    [Fact]
    public void No_rows_is_an_empty_list() => DocList.Parse(DBNull.Value).ShouldBeEmpty();

    [Fact]
    public void Rowids_come_back_in_the_aggregates_order() => DocList.Parse("7,3,12").ShouldBe([7, 3, 12]);

    [Fact]
    public void An_unsorted_match_set_is_sorted() => DocList.ParseAscending("5,2,9,1").ShouldBe([1, 2, 5, 9]);

    [Fact]
    public void Negative_scores_parse() => DocList.ParseLongs("-1500000000,250").ShouldBe([-1_500_000_000L, 250L]);
}
