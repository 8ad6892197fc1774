using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsSearch.Articles;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// Every match of a search, streamed: the match set is found as for a search (4 bytes per match), ordered by
/// publication day, and each article is read from the file only when the caller asks for the next one. One read
/// snapshot spans the stream, so an export sees one snapshot even while enrichment writes.
/// </summary>
public sealed partial class SqliteSearchStore
{
    public IAsyncEnumerable<MatchedArticle> MatchesAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        // One NamedActor per actor for the whole stream, not one per mention: a broad analysis reads 100,000 articles.
        NamedActor[]? actors = null;
        return ReadMatches(request, (_, index, doc) => Facets(index, doc, actors ??= new NamedActor[index.Names.ActorNames.Count]), cancellationToken)
            .ToAsyncEnumerable();
    }

    public IAsyncEnumerable<EnrichedArticle> MatchedArticlesAsync(SearchRequest request, bool withBody, CancellationToken cancellationToken) =>
        ReadMatches(request, (reader, index, doc) => reader.Read(doc, withBody) with { Story = index.StoryKeyOf(doc) }, cancellationToken).ToAsyncEnumerable();

    private IEnumerable<T> ReadMatches<T>(SearchRequest request, Func<ArticleReader, FacetIndex, int, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Validate();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems.Select(p => $"{p.Key}: {p.Value}")), nameof(request));
        cancellationToken.ThrowIfCancellationRequested();

        // One snapshot for the whole stream; a cancelled token (the client hung up) stops its statements in SQLite.
        using var snapshot = new ReadSnapshot(_file, _facets, cancellationToken);
        var connection = snapshot.Connection;
        var index = snapshot.Index;
        var fts = request.Query is null ? null : FtsQuery.Translate(request.Query, key => Searcher.AliasForms(connection, key));
        int[] docs;
        using (var evaluation = Searcher.Evaluate(index, Searcher.Matches(connection, index, fts), request with { FacetSize = 1 }))
            docs = evaluation.ResultDocs.ToArray();
        Array.Sort(docs, ByDay(index, request.Sort == SortOrder.Oldest ? 1 : -1));
        using var reader = new ArticleReader(connection);
        foreach (var doc in docs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return read(reader, index, doc);
        }
    }

    /// <summary>By publication day in the direction given, undated last, then by id so the order is stable.</summary>
    private static Comparer<int> ByDay(FacetIndex index, int direction) => Comparer<int>.Create((a, b) =>
    {
        int da = index.Day[a], db = index.Day[b];
        if (da != db)
        {
            if (da == FacetIndex.NoDay) return 1;
            if (db == FacetIndex.NoDay) return -1;
            return direction * da.CompareTo(db);
        }
        return string.CompareOrdinal(index.Ids[a], index.Ids[b]);
    });

    private static MatchedArticle Facets(FacetIndex index, int doc, NamedActor[] actors)
    {
        var names = index.Names;
        var day = index.Day[doc];
        return new MatchedArticle(
            index.Ids[doc]!,
            names.SourceNames[index.Source[doc]],
            day == FacetIndex.NoDay ? null : DateOnly.FromDayNumber(day),
            [.. index.Actors[doc].Select(a => actors[a] ??= new NamedActor(names.ActorNames[a], names.ActorTypes[a]))],
            [.. index.Topics[doc].Select(t => names.TopicNames[t])],
            index.StoryKeyOf(doc));
    }

    /// <summary>Reads whole articles by rowid with two prepared statements, reused for every row of a stream.</summary>
    private sealed class ArticleReader : IDisposable
    {
        private readonly SqliteCommand _json;
        private readonly SqliteParameter _jsonDoc;
        private readonly SqliteCommand _body;
        private readonly SqliteParameter _bodyDoc;

        public ArticleReader(SqliteConnection connection)
        {
            _json = connection.CreateCommand();
            _json.CommandText = "SELECT json FROM article_json WHERE doc = $doc";
            _jsonDoc = _json.Parameters.Add("$doc", SqliteType.Integer);
            _body = connection.CreateCommand();
            _body.CommandText = "SELECT body FROM article_fts WHERE rowid = $doc";
            _bodyDoc = _body.Parameters.Add("$doc", SqliteType.Integer);
        }

        /// <summary>The stored JSON leaves the body out (the FTS table holds it), so it is read from there when wanted.</summary>
        public EnrichedArticle Read(int doc, bool withBody)
        {
            _jsonDoc.Value = doc;
            var article = JsonSerializer.Deserialize<EnrichedArticle>((string)_json.ExecuteScalar()!, ArticleJson.Options)!;
            if (!withBody) return article with { Body = "" };
            if (article.Body.Length > 0) return article;
            _bodyDoc.Value = doc;
            return article with { Body = _body.ExecuteScalar() as string ?? "" };
        }

        public void Dispose()
        {
            _json.Dispose();
            _body.Dispose();
        }
    }
}
