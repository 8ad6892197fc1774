using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsSearch.Articles;
using NewsSearch.Stories;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// Story assignment inside one write transaction: each written article gets its story (<see cref="StoryClusterer"/>),
/// stories it merges have their articles moved in the file, and an article that gives only a month and day takes its
/// year from its story's dated articles (<see cref="StoryYear"/>). <see cref="Finish"/> then labels the stories the
/// transaction touched and dates their undated articles that the new coverage now places.
/// </summary>
internal sealed class StoryWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly StoryClusterer _clusterer;
    private readonly long _generation;
    private readonly SqliteCommand _update;
    private readonly HashSet<long> _touched = [];
    private readonly Dictionary<long, string> _founders = [];

    public StoryWriter(SqliteConnection connection, StoryClusterer clusterer, long generation)
    {
        _connection = connection;
        _clusterer = clusterer;
        _generation = generation;
        _update = Command("UPDATE article SET story = $story, terms = $terms, month_day = $monthDay, published = $published WHERE doc = $doc",
            "$story", "$terms", "$monthDay", "$published", "$doc");
    }

    /// <summary>Assigns the story of an article whose row is written; returns the article as stored (a year from its story added).</summary>
    public (long Story, EnrichedArticle Article) Assign(long doc, PreparedArticle prepared)
    {
        var article = prepared.Article;
        var monthDay = article.Published is null ? MonthDay.Parse(article.PublishedMonthDay) : null;
        var terms = StoryTerms.Choose(prepared.Words, _clusterer.TermFrequency, _clusterer.Count);
        var assignment = _clusterer.Assign(new StoryArticle(doc, prepared.Source, article.Published, monthDay,
            prepared.Actors.Select(a => a.Name).ToList(), terms));
        foreach (var absorbed in assignment.Absorbed)
        {
            Sql.Execute(_connection, "UPDATE article SET story = $to, seq = $seq WHERE story = $from",
                ("$to", assignment.Story), ("$seq", _generation), ("$from", absorbed));
            _touched.Remove(absorbed);
        }
        if (assignment.Story == doc) _founders[doc] = article.Id;
        _touched.Add(assignment.Story);
        var bound = false;
        if (article.Published is null && DateFromStory(assignment.Story, doc, monthDay) is { } dated)
        {
            article = article with { Published = dated.Date, PublishedEvidence = dated.Evidence };
            bound = monthDay is null;
            _clusterer.Date(doc, dated.Date, bound);
        }
        _update.Parameters[0].Value = assignment.Story;
        _update.Parameters[1].Value = string.Join(' ', terms);
        _update.Parameters[2].Value = StoredMonthDay(monthDay, bound);
        _update.Parameters[3].Value = article.Published is { } p ? p.DayNumber : DBNull.Value;
        _update.Parameters[4].Value = doc;
        _update.ExecuteNonQuery();
        return (assignment.Story, article);
    }

    /// <summary>Forgets a deleted article; its story keeps its id and is labelled again by <see cref="Finish"/>.</summary>
    public void Remove(long doc)
    {
        if (_clusterer.Remove(doc) is { } story) _touched.Add(story);
    }

    /// <summary>Labels the touched stories and dates their undated articles (the story's coverage may now place them).</summary>
    public void Finish()
    {
        // A story new in this transaction is named by its first article; an older one keeps its row's id.
        using var insert = Command("INSERT OR REPLACE INTO story(id, article_id, label, seq) VALUES ($id, $key, $label, $seq)", "$id", "$key", "$label", "$seq");
        using var update = Command("UPDATE story SET label = $label, seq = $seq WHERE id = $id", "$id", "$label", "$seq");
        foreach (var story in _touched)
        {
            var members = _clusterer.Members(story);
            if (members.Count == 0) continue;
            foreach (var undated in members.Where(m => m.Published is null))
                if (DateFromStory(story, undated.Doc, undated.MonthDay) is { } dated)
                    DateStoredArticle(undated.Doc, dated.Date, dated.Evidence, bound: undated.MonthDay is null);
            var label = _founders.TryGetValue(story, out var founder) ? insert : update;
            label.Parameters["$id"].Value = story;
            if (founder is not null) label.Parameters["$key"].Value = founder;
            label.Parameters["$label"].Value = _clusterer.Label(story);
            label.Parameters["$seq"].Value = _generation;
            label.ExecuteNonQuery();
        }
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    /// <summary>The date of an undated article from its story (<see cref="StoryYear.FromCoverage"/>), with the evidence shown for it.</summary>
    private (DateOnly Date, Evidence Evidence)? DateFromStory(long story, long doc, MonthDay? day) =>
        StoryYear.FromCoverage(_clusterer.Members(story), doc, day) is { } dated
            ? (dated.Date, new Evidence("story", dated.Reason, dated.Confidence))
            : null;

    private void DateStoredArticle(long doc, DateOnly date, Evidence evidence, bool bound)
    {
        if (Sql.Scalar(_connection, "SELECT json FROM article_json WHERE doc = $doc", ("$doc", doc)) is not string json) return;
        var article = JsonSerializer.Deserialize<EnrichedArticle>(json, ArticleJson.Options)! with { Published = date, PublishedEvidence = evidence };
        Sql.Execute(_connection, """
            UPDATE article SET published = $published, month_day = coalesce(month_day, $bound), seq = $seq WHERE doc = $doc;
            UPDATE article_json SET json = $json WHERE doc = $doc;
            """, ("$published", date.DayNumber), ("$bound", bound ? DateBound : DBNull.Value), ("$seq", _generation), ("$doc", doc),
            ("$json", PreparedArticle.JsonOf(article)));
        _clusterer.Date(doc, date, bound);
    }

    /// <summary>
    /// The <c>month_day</c> column's value for an article whose text gives no day at all and whose date is its story's
    /// first day: the writer reads it back as <see cref="StoryArticle.DateIsBound"/>, so after a restart that date still
    /// does not date other articles.
    /// </summary>
    private const int DateBound = 0;

    private static object StoredMonthDay(MonthDay? monthDay, bool bound) =>
        monthDay is { } md ? md.Month * 100 + md.Day : bound ? DateBound : DBNull.Value;

    /// <summary>The article's month and day from the <c>month_day</c> column, and whether its date is a bound (see <see cref="DateBound"/>).</summary>
    public static (MonthDay? MonthDay, bool DateIsBound) MonthDayOf(long stored) =>
        stored == DateBound ? (null, true) : (new MonthDay((int)(stored / 100), (int)(stored % 100)), false);

    public void Dispose() => _update.Dispose();
}
