using Microsoft.Data.Sqlite;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// Reads the hits of a page of results: the title from the JSON table, the snippet from the FTS table (the
/// matched words highlighted, or the lead when the query matched no words), the facet values from the facet index.
/// </summary>
internal static class HitReader
{
    private const int BodyColumn = 3;

    public static IReadOnlyList<SearchHit> Read(ReadSnapshot snapshot, IReadOnlyList<(int Doc, double Score)> items, FtsQuery? fts)
    {
        var index = snapshot.Index;
        var hits = new List<SearchHit>(items.Count);
        using var titleCommand = snapshot.Connection.CreateCommand();
        titleCommand.CommandText = "SELECT title FROM article_json WHERE doc = $doc";
        var titleDoc = titleCommand.Parameters.Add("$doc", SqliteType.Integer);
        using var snippetCommand = snapshot.Connection.CreateCommand();
        var highlight = fts is { Negated: false };
        snippetCommand.CommandText = highlight
            ? $"SELECT snippet(article_fts, {BodyColumn}, char(57344), char(57345), '…', {Snippets.Tokens}) FROM article_fts WHERE article_fts MATCH $match AND rowid = $doc"
            : "SELECT body FROM article_fts WHERE rowid = $doc";
        var snippetDoc = snippetCommand.Parameters.Add("$doc", SqliteType.Integer);
        if (highlight) snippetCommand.Parameters.AddWithValue("$match", fts!.Match);

        foreach (var (doc, score) in items)
        {
            titleDoc.Value = doc;
            snippetDoc.Value = doc;
            var title = titleCommand.ExecuteScalar() as string ?? "";
            var text = snippetCommand.ExecuteScalar() as string ?? "";
            var snippet = highlight ? Snippets.ToHtml(text) : Snippets.Lead(text);
            var day = index.Day[doc];
            hits.Add(new SearchHit(
                index.Ids[doc]!,
                title,
                index.Names.SourceNames[index.Source[doc]],
                day == FacetIndex.NoDay ? null : DateOnly.FromDayNumber(day),
                snippet,
                index.Actors[doc].Select(a => index.Names.ActorNames[a]).ToList(),
                index.Topics[doc].Select(t => index.Names.TopicNames[t]).ToList(),
                double.IsFinite(score) ? Math.Round(score, 4) : 0,
                index.StoryKeyOf(doc)));
        }
        return hits;
    }
}
