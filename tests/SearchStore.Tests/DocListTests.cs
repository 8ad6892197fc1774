using Microsoft.Data.Sqlite;
using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore.Tests;

public sealed class DocListTests
{
    [Fact]
    public void No_rows_is_an_empty_list() => DocList.Parse(DBNull.Value).ShouldBeEmpty();

    [Fact]
    public void Rowids_come_back_in_the_aggregates_order() => DocList.Parse("7,3,12").ShouldBe([7, 3, 12]);

    [Fact]
    public void Negative_scores_parse() => DocList.ParseLongs("-1500000000,250").ShouldBe([-1_500_000_000L, 250L]);

    [Fact]
    public void Text_that_is_not_a_list_of_integers_is_refused() => Should.Throw<FormatException>(() => DocList.Parse("1,x,3"));

    [Fact]
    public void A_trailing_comma_is_refused() => Should.Throw<FormatException>(() => DocList.Parse("1,2,"));

    [Fact]
    public void A_queried_match_set_is_added_after_the_rowids_already_there()
    {
        using var connection = OpenInMemory();
        using var set = new MatchSet();
        set.Append([1, 2]);
        DocList.QueryAscending(connection, set, Between, ("$list", "[9,5]"), ("$first", 3), ("$last", 10));
        DocList.QueryAscending(connection, set, Between, ("$list", "[40,30]"), ("$first", 11), ("$last", 100));
        set.Docs.ToArray().ShouldBe([1, 2, 5, 9, 30, 40]);
    }

    private static int[] Query(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var set = new MatchSet();
        DocList.QueryAscending(connection, set, sql, parameters);
        return set.Docs.ToArray();
    }

    private const string Between = "SELECT group_concat(value) FROM json_each($list) WHERE value BETWEEN $first AND $last";

    [Fact]
    public void A_queried_match_set_comes_back_ascending_with_its_parameters_bound()
    {
        using var connection = OpenInMemory();
        Query(connection, Between, ("$list", "[500,2,90,1,70000]"), ("$first", 2), ("$last", 100_000L))
            .ShouldBe([2, 90, 500, 70000]);
    }

    [Fact]
    public void A_query_without_matches_is_an_empty_list()
    {
        using var connection = OpenInMemory();
        Query(connection, Between, ("$list", "[5,6]"), ("$first", 10), ("$last", 20)).ShouldBeEmpty();
    }

    [Fact]
    public void A_failing_query_reports_SQLites_error()
    {
        using var connection = OpenInMemory();
        Should.Throw<SqliteException>(() => Query(connection, "SELECT group_concat(rowid) FROM no_such_table"))
            .Message.ShouldContain("no_such_table");
    }

    private static SqliteConnection OpenInMemory()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }
}
