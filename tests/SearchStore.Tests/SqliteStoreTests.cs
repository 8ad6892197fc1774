using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsSearch.Articles;
using NewsSearch.SearchStore.Querying;
using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore.Tests;

/// <summary>
/// Behaviour of the embedded store beyond the shared contract: the file format, WAL, and one writer with readers
/// that hold their own connections and facet copies (as the query service does in its own process).
/// </summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => _directory.File("search.db");

    private static EnrichedArticle Article(int n, string source, params string[] actors) => new()
    {
        Id = n.ToString("x16"),
        Title = $"Report number {n}",
        Body = $"Body of report {n} about harbours and shipping. Word{n} appears only here.",
        Source = source,
        Published = new DateOnly(2025, 1, 1).AddDays(n % 40),
        Actors = actors.Select(a => new ActorMention(a, ActorType.Organisation, [], 1, 0)).ToList(),
        Topics = [new TopicScore("Shipping", 0.9)],
    };

    [Fact]
    public async Task The_database_is_in_WAL_mode_and_carries_its_schema_version()
    {
        using (var store = new SqliteSearchStore(DatabasePath))
            await store.InitializeAsync(Ct);
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        ((string)command.ExecuteScalar()!).ShouldBe("wal");
        command.CommandText = "PRAGMA user_version";
        ((long)command.ExecuteScalar()!).ShouldBe(5);
    }

    /// <summary>A store file holding one article, then changed behind the store's back by <paramref name="sql"/>.</summary>
    private async Task CreateWithOneArticleThenAlterAsync(string sql)
    {
        using (var store = new SqliteSearchStore(DatabasePath))
        {
            await store.InitializeAsync(Ct);
            await store.UpsertAsync([Article(1, "Dawn")], Ct);
        }
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_not_damaged()
    {
        await CreateWithOneArticleThenAlterAsync("PRAGMA user_version = 99");
        using var newer = new SqliteSearchStore(DatabasePath);
        (await Should.ThrowAsync<InvalidOperationException>(() => newer.InitializeAsync(Ct))).Message.ShouldContain("newer");
        (await newer.CheckHealthAsync(Ct)).Healthy.ShouldBeFalse();
    }

    [Fact]
    public async Task A_version_1_database_is_upgraded_in_place_and_keeps_its_articles_and_facets()
    {
        // A file as version 1 wrote it: FTS5's default merge settings, and an article's actors and topics as rows of
        // link tables, here with the second actor created first.
        var article = Article(1, "Dawn", "Customs Office", "Port Authority");
        using (var old = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            old.Open();
            SqliteSchema.Apply(old, targetVersion: 1);
            using var insert = old.CreateCommand();
            insert.CommandText = """
                INSERT INTO source(id, name) VALUES (1, 'Dawn');
                INSERT INTO actor(id, name, type) VALUES (1, 'Port Authority', 'organisation'), (2, 'Customs Office', 'organisation');
                INSERT INTO topic(id, label) VALUES (1, 'Shipping');
                INSERT INTO article(doc, id, source_id, published, seq) VALUES (1, $id, 1, $day, 1);
                INSERT INTO article_json(doc, title, json) VALUES (1, $title, $json);
                INSERT INTO article_fts(rowid, title, actors, topics, body) VALUES (1, $title, 'Customs Office ; Port Authority', 'Shipping', $body);
                INSERT INTO article_actor(doc, actor_id, position) VALUES (1, 1, 1), (1, 2, 0);
                INSERT INTO article_topic(doc, topic_id, position) VALUES (1, 1, 0);
                UPDATE meta SET value = 1 WHERE key = 'generation';
                """;
            insert.Parameters.AddWithValue("$id", article.Id);
            insert.Parameters.AddWithValue("$day", article.Published!.Value.DayNumber);
            insert.Parameters.AddWithValue("$title", article.Title);
            insert.Parameters.AddWithValue("$json", JsonSerializer.Serialize(article with { Body = "" }, ArticleJson.Options));
            insert.Parameters.AddWithValue("$body", article.Body);
            insert.ExecuteNonQuery();
        }

        using (var upgraded = new SqliteSearchStore(DatabasePath))
        {
            await upgraded.InitializeAsync(Ct);
            (await upgraded.GetAsync(article.Id, Ct))!.Body.ShouldBe(article.Body);
            var found = await upgraded.SearchAsync(new SearchRequest { Query = Parse("harbours"), Actors = ["Port Authority"] }, Ct);
            found.Total.ShouldBe(1);
            found.Facets.Actor.Select(a => a.Value).ShouldBe(["Customs Office", "Port Authority"], ignoreOrder: true);
            found.Facets.Topic.ShouldBe([new FacetValue("Shipping", 1, false)]);
            (await upgraded.CheckHealthAsync(Ct)).Healthy.ShouldBeTrue();
        }
        SqliteConnection.ClearAllPools();
        using var check = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        check.Open();
        using var query = check.CreateCommand();
        query.CommandText = "SELECT v FROM article_fts_config WHERE k = 'automerge'";
        Convert.ToInt64(query.ExecuteScalar()).ShouldBe(16);
        query.CommandText = "SELECT v FROM article_fts_config WHERE k = 'hashsize'";
        Convert.ToInt64(query.ExecuteScalar()).ShouldBe(16777216);
        query.CommandText = "SELECT actors || ' / ' || topics FROM article";
        query.ExecuteScalar().ShouldBe("2,1 / 1"); // in the article's order
        query.CommandText = "SELECT count(*) FROM sqlite_schema WHERE name IN ('article_actor', 'article_topic')";
        query.ExecuteScalar().ShouldBe(0L);
        query.CommandText = "PRAGMA user_version";
        ((long)query.ExecuteScalar()!).ShouldBe(SqliteSchema.Version);
    }

    [Fact]
    public async Task A_store_that_was_never_initialised_reports_unhealthy()
    {
        using var store = new SqliteSearchStore(DatabasePath);
        var health = await store.CheckHealthAsync(Ct);
        health.Healthy.ShouldBeFalse();
        health.Description.ShouldContain("not initialised");
    }

    [Fact]
    public async Task Committed_articles_reach_the_database_file_itself_while_the_store_stays_open()
    {
        using var store = new SqliteSearchStore(DatabasePath);
        await store.InitializeAsync(Ct);
        // Back to back, so later commits land while an earlier checkpoint is still copying.
        for (var batch = 0; batch < 20; batch++)
            await store.UpsertAsync([Article(2 * batch + 1, "Dawn"), Article(2 * batch + 2, "Reuters")], Ct);

        // An immutable connection reads the main file and ignores the WAL: it sees the articles only once a
        // checkpoint has copied them there, long before SQLite's own 64 MB threshold would.
        var inFile = 0L;
        for (var attempt = 0; attempt < 100 && inFile < 40; attempt++)
        {
            await Task.Delay(50, Ct);
            inFile = ArticlesInMainFile();
        }
        inFile.ShouldBe(40);
    }

    private long ArticlesInMainFile()
    {
        try
        {
            using var file = new SqliteConnection($"Data Source=file:{DatabasePath}?immutable=1;Mode=ReadOnly;Pooling=False");
            file.Open();
            using var count = file.CreateCommand();
            count.CommandText = "SELECT count(*) FROM sqlite_schema WHERE name = 'article'";
            if ((long)count.ExecuteScalar()! == 0) return 0; // not even the schema is in the file yet
            count.CommandText = "SELECT count(*) FROM article";
            return (long)count.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // read while a checkpoint was writing the pages: try again
        }
    }

    [Fact]
    public async Task Two_spellings_of_an_actor_that_differ_only_in_case_count_once()
    {
        using var store = new SqliteSearchStore(DatabasePath);
        await store.InitializeAsync(Ct);
        await store.UpsertAsync([Article(1, "Dawn", "Port Authority", "PORT AUTHORITY"), Article(2, "Dawn", "port authority")], Ct);

        var result = await store.SearchAsync(new SearchRequest { Query = Parse("harbours") }, Ct);
        result.Facets.Actor.ShouldBe([new FacetValue("Port Authority", 2, false, "organisation")]);
    }

    [Fact]
    public async Task A_reader_with_its_own_connections_sees_each_write_of_the_writer_at_once()
    {
        using var writer = new SqliteSearchStore(DatabasePath);
        await writer.InitializeAsync(Ct);
        using var reader = new SqliteSearchStore(DatabasePath);
        await writer.UpsertAsync([Article(1, "Dawn", "Port Authority"), Article(2, "Reuters", "Port Authority")], Ct);

        var first = await reader.SearchAsync(new SearchRequest { Query = Parse("harbours") }, Ct);
        first.Total.ShouldBe(2);
        first.Facets.Actor.ShouldBe([new FacetValue("Port Authority", 2, false, "organisation")]);

        await writer.UpsertAsync([Article(2, "Reuters", "Customs Office"), Article(3, "Dawn", "Customs Office")], Ct);
        (await writer.DeleteAsync(Article(1, "").Id, Ct)).ShouldBeTrue();

        var second = await reader.SearchAsync(new SearchRequest { Query = Parse("harbours") }, Ct);
        second.Total.ShouldBe(2);
        second.Facets.Actor.ShouldBe([new FacetValue("Customs Office", 2, false, "organisation")]);
        second.Facets.Source.ShouldBe([new FacetValue("Dawn", 1, false), new FacetValue("Reuters", 1, false)]);
        (await reader.GetAsync(Article(1, "").Id, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Readers_searching_during_bulk_writes_see_whole_batches_and_never_fail()
    {
        using var writer = new SqliteSearchStore(DatabasePath);
        await writer.InitializeAsync(Ct);
        const int batches = 30, batchSize = 20;
        var sources = new[] { "Dawn", "Reuters", "Tolo News" };

        var writing = Task.Run(async () =>
        {
            for (var b = 0; b < batches; b++)
            {
                var batch = Enumerable.Range(b * batchSize, batchSize).Select(n => Article(n, sources[n % 3], $"Actor {n % 7}")).ToList();
                (await writer.UpsertAsync(batch, Ct)).Indexed.ShouldBe(batchSize);
            }
        }, Ct);

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            using var reader = new SqliteSearchStore(DatabasePath);
            var observations = 0;
            while (!writing.IsCompleted || observations < 5)
            {
                var result = await reader.SearchAsync(new SearchRequest { Query = Parse("shipping"), FacetSize = 100 }, Ct);
                // A batch is one transaction: a reader sees all of it or none of it.
                (result.Total % batchSize).ShouldBe(0);
                result.Facets.Source.Sum(v => v.Count).ShouldBe(result.Total);
                result.Facets.Actor.Sum(v => v.Count).ShouldBe(result.Total);
                observations++;
            }
            return observations;
        }, Ct)).ToList();

        await writing;
        foreach (var reader in readers) (await reader).ShouldBeGreaterThan(0);
        using var last = new SqliteSearchStore(DatabasePath);
        (await last.SearchAsync(new SearchRequest { Query = Parse("shipping") }, Ct)).Total.ShouldBe(batches * batchSize);
    }

    [Fact]
    public async Task Two_copies_of_an_id_in_one_batch_keep_the_last()
    {
        using var store = new SqliteSearchStore(DatabasePath);
        await store.InitializeAsync(Ct);
        var result = await store.UpsertAsync([Article(5, "Dawn"), Article(5, "Reuters")], Ct);
        result.AllIndexed.ShouldBeTrue();
        (await store.CountAsync(Ct)).ShouldBe(1);
        (await store.GetAsync(Article(5, "").Id, Ct))!.Source.ShouldBe("Reuters");
    }

    [Fact]
    public async Task Text_that_looks_like_snippet_markers_cannot_unbalance_the_highlight()
    {
        using var store = new SqliteSearchStore(DatabasePath);
        await store.InitializeAsync(Ct);
        var article = Article(9, "Dawn") with { Body = "Harbours \uE001 closed \uE000 and shipping \uE000 halted." };
        await store.UpsertAsync([article], Ct);
        var snippet = (await store.SearchAsync(new SearchRequest { Query = Parse("shipping") }, Ct)).Hits.Single().Snippet;
        snippet.ShouldContain("<mark>shipping</mark>");
        (snippet.Split("<mark>").Length - 1).ShouldBe(snippet.Split("</mark>").Length - 1);
        (await store.GetAsync(article.Id, Ct))!.Body.ShouldBe(article.Body);
    }

    /// <summary>
    /// Thirty articles; the first twelve mention cargo (under half, so the word discriminates: FTS5 gives a word in
    /// most documents next to no weight). Article 3 says it in its title and often: the best match by far.
    /// </summary>
    private static List<EnrichedArticle> RankingCorpus() =>
        Enumerable.Range(1, 30)
            .Select(n => n > 12 ? Article(n, "Dawn") : Article(n, "Dawn") with { Body = Article(n, "Dawn").Body + " Cargo waited." })
            .Select(a => a.Id == 3.ToString("x16") ? a with { Title = "Cargo cargo", Body = a.Body + " Cargo, cargo and cargo." } : a)
            .ToList();

    [Fact]
    public async Task A_query_with_fewer_matches_than_the_scoring_window_ranks_every_result_by_bm25()
    {
        using var store = new SqliteSearchStore(DatabasePath) { ScoringWindow = 13 };
        await store.InitializeAsync(Ct);
        await store.UpsertAsync(RankingCorpus(), Ct);
        await store.UpsertAsync([Article(31, "Dawn") with { Title = "Cargo news" }], Ct);
        var hits = (await store.SearchAsync(new SearchRequest { Query = Parse("cargo"), Size = 100 }, Ct)).Hits;
        hits.Count.ShouldBe(13);
        hits[0].Id.ShouldBe(3.ToString("x16"));
        hits.ShouldAllBe(h => h.Score > 0);
        hits.Select(h => h.Score).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task A_broad_query_with_many_results_is_ranked_within_the_newest_matches_then_by_date()
    {
        using var store = new SqliteSearchStore(DatabasePath) { ScoringWindow = 5 };
        await store.InitializeAsync(Ct);
        await store.UpsertAsync(RankingCorpus(), Ct);
        await store.UpsertAsync([Article(31, "Dawn") with { Title = "Cargo news" }], Ct);

        var hits = (await store.SearchAsync(new SearchRequest { Query = Parse("cargo"), Size = 100 }, Ct)).Hits;
        hits.Count.ShouldBe(13);
        // The five most recently indexed matches (31, 12, 11, 10, 9) are scored; 31 has "Cargo" in its title.
        // Article 3, the best match overall, is outside the window.
        hits[0].Id.ShouldBe(31.ToString("x16"));
        hits.Take(5).ShouldAllBe(h => h.Score > 0);
        hits.Take(5).Select(h => h.Score).ShouldBeInOrder(SortDirection.Descending);
        hits.Take(5).Select(h => h.Id).ShouldBe(new[] { 31, 12, 11, 10, 9 }.Select(n => n.ToString("x16")), ignoreOrder: true);
        hits.Skip(5).ShouldAllBe(h => h.Score == 0);
        hits.Skip(5).Select(h => h.Published).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task A_phrase_with_more_matches_than_the_scoring_window_counts_them_all_and_ranks_the_newest_first()
    {
        using var store = new SqliteSearchStore(DatabasePath) { ScoringWindow = 5 };
        await store.InitializeAsync(Ct);
        await store.UpsertAsync(RankingCorpus(), Ct);

        var result = await store.SearchAsync(new SearchRequest { Query = Parse("\"cargo waited\""), Size = 100 }, Ct);
        result.Total.ShouldBe(12);
        result.Hits.Select(h => h.Id).ShouldBe(Enumerable.Range(1, 12).Select(n => n.ToString("x16")), ignoreOrder: true);
        // The five most recently indexed matches (12 to 8) are scored; the rest follow, newest first.
        result.Hits.Take(5).Select(h => h.Id).ShouldBe(new[] { 12, 11, 10, 9, 8 }.Select(n => n.ToString("x16")), ignoreOrder: true);
        result.Hits.Take(5).ShouldAllBe(h => h.Score > 0);
        result.Hits.Skip(5).ShouldAllBe(h => h.Score == 0);
    }

    [Fact]
    public async Task A_phrase_of_words_in_most_articles_goes_newest_first_while_other_phrases_stay_ranked()
    {
        // The threshold is lowered so that 30 articles behave like a large index.
        using var store = new SqliteSearchStore(DatabasePath) { CostlyPhraseArticles = 1 };
        await store.InitializeAsync(Ct);
        await store.UpsertAsync(RankingCorpus(), Ct);

        var common = await store.SearchAsync(new SearchRequest { Query = Parse("\"about harbours\""), Size = 100 }, Ct);
        common.Total.ShouldBe(30);
        common.Hits.ShouldAllBe(h => h.Score == 0);
        common.Hits.Select(h => h.Published).ShouldBeInOrder(SortDirection.Descending);

        var withCommonPhraseExcluded = await store.SearchAsync(new SearchRequest { Query = Parse("cargo -\"about harbours\""), Size = 100 }, Ct);
        withCommonPhraseExcluded.Total.ShouldBe(0);

        var rarer = (await store.SearchAsync(new SearchRequest { Query = Parse("\"cargo waited\""), Size = 100 }, Ct)).Hits;
        rarer.Count.ShouldBe(12);
        rarer.ShouldAllBe(h => h.Score > 0);
        rarer.Select(h => h.Score).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task A_phrase_is_ranked_by_bm25_with_the_title_above_the_body()
    {
        using var store = new SqliteSearchStore(DatabasePath);
        await store.InitializeAsync(Ct);
        await store.UpsertAsync(RankingCorpus().Select(a => a.Id == 7.ToString("x16") ? a with { Title = "Cargo waited at the port" } : a).ToList(), Ct);

        var hits = (await store.SearchAsync(new SearchRequest { Query = Parse("\"cargo waited\""), Size = 100 }, Ct)).Hits;
        hits.Count.ShouldBe(12);
        hits[0].Id.ShouldBe(7.ToString("x16"));
        hits.ShouldAllBe(h => h.Score > 0);
        hits.Select(h => h.Score).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task A_word_in_most_articles_carries_no_weight_so_its_results_come_newest_first()
    {
        using var store = new SqliteSearchStore(DatabasePath);
        await store.InitializeAsync(Ct);
        await store.UpsertAsync(RankingCorpus(), Ct);
        var hits = (await store.SearchAsync(new SearchRequest { Query = Parse("shipping harbours"), Size = 100 }, Ct)).Hits;
        hits.Count.ShouldBe(30);
        hits.ShouldAllBe(h => h.Score == 0);
        hits.Select(h => h.Published).ShouldBeInOrder(SortDirection.Descending);
    }

    private static Query Parse(string text) => QueryParser.Parse(text).Query!;

    public void Dispose() => _directory.Dispose();
}
