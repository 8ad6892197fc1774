using Microsoft.Data.Sqlite;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>One-off statements with named parameters, for the store's statements that run once per call.</summary>
internal static class Sql
{
    public static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or null when there is no row.</summary>
    public static object? Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    /// <summary>The rowid of the article with this id, or null when there is none.</summary>
    public static long? FindDoc(SqliteConnection connection, string id) =>
        Scalar(connection, "SELECT doc FROM article WHERE id = $id", ("$id", id)) as long?;

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
