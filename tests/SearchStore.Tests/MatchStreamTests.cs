using NewsSearch.Articles;
using NewsSearch.SearchStore.Querying;
using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore.Tests;

/// <summary>Streaming every match of a search, as exports and the coverage analyses read them.</summary>
public sealed class MatchStreamTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "searchstore-tests", Guid.NewGuid().ToString("N"));
    private SqliteSearchStore _store = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EnrichedArticle Article(int n, string source, DateOnly? published) => new()
    {
        Id = n.ToString("x16"),
        Title = $"Harbour report {n}",
        Body = $"Body of harbour report {n}.",
        Source = source,
        Published = published,
        Url = $"https://example.org/{n}",
        Actors = [new ActorMention("Port Authority", ActorType.Organisation, [], 1, 0), new ActorMention("Amina Khan", ActorType.Person, [], 1, 5)],
        Topics = [new TopicScore("Shipping", 0.9)],
    };

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteSearchStore(Path.Combine(_directory, "search.db"));
        await _store.InitializeAsync(Ct);
        var articles = Enumerable.Range(1, 150).Select(n => Article(n, n % 3 == 0 ? "Dawn" : "Reuters", new DateOnly(2025, 1, 1).AddDays(n % 60))).ToList();
        // Undated, and about something else than the reports: a story of its own, so no date comes from other coverage.
        articles.Add(Article(999, "Dawn", null) with { Title = "Quayside notes", Body = "The harbour was quiet.", Actors = [] });
        await _store.UpsertAsync(articles, Ct);
    }

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Every_match_is_streamed_whatever_the_page_size_newest_first_and_undated_last()
    {
        var request = new SearchRequest { Query = QueryParser.Parse("harbour").Query, Sources = ["Dawn"], Size = 10 };

        var matches = await _store.MatchesAsync(request, Ct).ToListAsync(Ct);

        var total = (await _store.SearchAsync(request, Ct)).Total;
        matches.Count.ShouldBe((int)total);
        matches.Count.ShouldBe(51);
        matches.ShouldAllBe(m => m.Source == "Dawn");
        matches[^1].Published.ShouldBeNull();
        matches.SkipLast(1).Select(m => m.Published!.Value).ShouldBeInOrder(SortDirection.Descending);
        matches[0].Actors.ShouldContain(new NamedActor("Amina Khan", "person"));
        matches[0].Topics.ShouldBe(["Shipping"]);
    }

    [Fact]
    public async Task Oldest_first_streams_the_earliest_publication_first()
    {
        var matches = await _store.MatchesAsync(new SearchRequest { Sort = SortOrder.Oldest }, Ct).ToListAsync(Ct);

        matches.Count.ShouldBe(151);
        matches.SkipLast(1).Select(m => m.Published!.Value).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public async Task Whole_articles_carry_their_body_only_when_asked()
    {
        var request = new SearchRequest { From = new DateOnly(2025, 1, 2), To = new DateOnly(2025, 1, 2) };

        var withBody = await _store.MatchedArticlesAsync(request, withBody: true, Ct).ToListAsync(Ct);
        var withoutBody = await _store.MatchedArticlesAsync(request, withBody: false, Ct).ToListAsync(Ct);

        withBody.ShouldNotBeEmpty();
        withBody.Select(a => a.Id).ShouldBe(withoutBody.Select(a => a.Id));
        withBody.ShouldAllBe(a => a.Body.StartsWith("Body of harbour report"));
        withoutBody.ShouldAllBe(a => a.Body == "" && a.Url!.StartsWith("https://example.org/"));
    }

    [Fact]
    public async Task A_cancelled_stream_stops_before_the_next_article()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var read = 0;

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in _store.MatchedArticlesAsync(new SearchRequest(), withBody: true, cancel.Token))
                if (++read == 3) await cancel.CancelAsync();
        });

        read.ShouldBe(3);
    }
}
