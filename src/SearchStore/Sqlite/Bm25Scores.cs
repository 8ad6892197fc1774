using Microsoft.Data.Sqlite;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// bm25 scores (higher is better) at a bounded cost. bm25 is the costly part of a ranked FTS5 query (microseconds
/// per matching row, and one-by-one seeks for common words cost milliseconds each), so a search scores at most a
/// window of matches: the most recently indexed ones. A query with that many matches is a broad one, and a word in
/// most articles carries next to no bm25 weight anyway.
/// </summary>
internal static class Bm25Scores
{
    // Weights for the FTS columns title, actors, topics, body: title and actors outrank the body.
    private const string Bm25 = "bm25(article_fts, 5.0, 3.0, 2.0, 1.0)";
    private const long ScoreScale = 1_000_000_000;

    /// <summary>
    /// The rowids of the newest <paramref name="window"/> matches from <paramref name="first"/> to
    /// <paramref name="last"/>, newest first, and their scores.
    /// </summary>
    public static (List<int> Docs, Dictionary<int, double> Scores) Newest(SqliteConnection connection, FtsQuery fts, int window,
        int first = 0, int last = int.MaxValue)
    {
        using var command = connection.CreateCommand();
        // One row of two aligned lists (see DocList for why). The scores cross as integers in billionths: SQLite's
        // conversion of a real to text cost more than a search's whole bm25.
        command.CommandText = $"""
            SELECT group_concat(rowid), group_concat(CAST(round(score * {ScoreScale}) AS INTEGER)) FROM (
                SELECT rowid, {Bm25} AS score FROM article_fts WHERE article_fts MATCH $match AND rowid BETWEEN $first AND $last
                ORDER BY rowid DESC LIMIT $window)
            """;
        command.Parameters.AddWithValue("$match", fts.Match);
        command.Parameters.AddWithValue("$first", first);
        command.Parameters.AddWithValue("$last", last);
        command.Parameters.AddWithValue("$window", window);
        using var reader = command.ExecuteReader();
        reader.Read(); // an aggregate always yields one row
        var docs = DocList.Parse(reader.GetValue(0));
        var bm25 = DocList.ParseLongs(reader.GetValue(1));
        if (bm25.Count != docs.Count) throw new InvalidOperationException("bm25 gave no score for some matching rows.");
        var scores = new Dictionary<int, double>(docs.Count);
        for (var i = 0; i < docs.Count; i++) scores[docs[i]] = -bm25[i] / (double)ScoreScale; // bm25 is lower for better matches
        return (docs, scores);
    }
}
