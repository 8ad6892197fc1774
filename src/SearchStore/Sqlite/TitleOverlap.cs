using Microsoft.Data.Sqlite;
using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// How much of an article's title vocabulary each candidate's title shares (cosine over distinctive words), the
/// text part of <see cref="SimilarArticles"/>. Computed here rather than by FTS5: a seek per candidate for common
/// words costs milliseconds each.
/// </summary>
internal static class TitleOverlap
{
    private static readonly HashSet<string> StopWords =
    [
        "about", "after", "again", "against", "also", "amid", "been", "before", "being", "between", "could", "during",
        "from", "have", "into", "more", "over", "said", "says", "than", "that", "their", "there", "they", "this",
        "under", "were", "what", "when", "which", "while", "will", "with", "would",
    ];

    public static Dictionary<int, double> Scores(SqliteConnection connection, long doc, IReadOnlyList<int> candidates)
    {
        var scores = new Dictionary<int, double>();
        if (candidates.Count == 0) return scores;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT title FROM article_json WHERE doc = $doc";
        var titleOf = command.Parameters.Add("$doc", SqliteType.Integer);
        titleOf.Value = doc;
        var mine = DistinctiveWords(command.ExecuteScalar() as string ?? "");
        if (mine.Count == 0) return scores;
        foreach (var candidate in candidates)
        {
            titleOf.Value = candidate;
            if (command.ExecuteScalar() is not string other) continue;
            var theirs = DistinctiveWords(other);
            var shared = theirs.Count(mine.Contains);
            if (shared > 0) scores[candidate] = shared / Math.Sqrt(mine.Count * (double)theirs.Count);
        }
        return scores;
    }

    private static HashSet<string> DistinctiveWords(string text) =>
        QueryParser.Words(text).Select(TextKey.FoldWord).Where(w => w.Length >= 4 && !StopWords.Contains(w)).ToHashSet();
}
