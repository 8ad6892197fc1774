using Microsoft.Data.Sqlite;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>Completions from titles, beside the facet values <see cref="Suggester"/> completes.</summary>
internal static class TitleSuggestions
{
    /// <summary>
    /// Titles with a word starting with the prefix, from the most recently indexed matching articles (FTS5 walks
    /// rowids backwards without scoring), so a common prefix costs no more than a rare one.
    /// </summary>
    public static IEnumerable<Suggestion> Find(SqliteConnection connection, string key, int limit)
    {
        var words = key.Split(' ');
        // Earlier words whole, the last as a prefix, all within titles: "peace ta" completes "Peace talks resume".
        var match = "{title} : " + string.Join(" AND ", words.Select((w, i) => FtsQuery.Quote([w]) + (i == words.Length - 1 ? " *" : "")));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT title FROM article_fts WHERE article_fts MATCH $match ORDER BY rowid DESC LIMIT $scan";
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$scan", limit * 20);
        using var reader = command.ExecuteReader();
        var titles = new List<string>();
        while (reader.Read()) titles.Add(reader.GetString(0));
        return titles
            .GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
            .Select(g => new Suggestion(g.First(), SuggestionKind.Title, g.Count()))
            .OrderByDescending(s => s.Count)
            .Take(limit);
    }
}
