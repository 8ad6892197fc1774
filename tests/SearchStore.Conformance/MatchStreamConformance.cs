using NewsSearch.Articles;
using Shouldly;
using Xunit;
using static NewsSearch.SearchStore.Conformance.ConformanceCorpus;

namespace NewsSearch.SearchStore.Conformance;

/// <summary>Streaming every match of a search, as the export and the coverage analyses read it.</summary>
public abstract partial class SearchStoreConformanceTests
{
    /// <summary>The corpus in the order a stream gives it: by publication day in the direction asked, undated last, then by id.</summary>
    private static IEnumerable<string> InStreamOrder(IEnumerable<EnrichedArticle> articles, SortOrder sort)
    {
        var dated = articles.Where(a => a.Published is not null);
        var ordered = sort == SortOrder.Oldest
            ? dated.OrderBy(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal)
            : dated.OrderByDescending(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal);
        return ordered.Concat(articles.Where(a => a.Published is null).OrderBy(a => a.Id, StringComparer.Ordinal)).Select(a => a.Id);
    }

    [Theory]
    [InlineData(SortOrder.Newest)]
    [InlineData(SortOrder.Oldest)]
    [InlineData(SortOrder.Relevance)]
    public async Task Every_match_streams_by_publication_day_with_undated_articles_last_and_ties_by_id(SortOrder sort)
    {
        var store = await SeededAsync();

        var matches = await store.MatchesAsync(new SearchRequest { Sort = sort, Size = 2 }, Ct).ToListAsync(Ct);

        // Relevance means nothing without a query to score: it streams newest first. Page and size are ignored.
        matches.Select(m => m.Id).ShouldBe(InStreamOrder(All, sort));
    }

    [Theory]
    [InlineData("Istanbul", new string[0], new string[0], null, null)]
    [InlineData("Turkey OR ceasefire", new[] { Dawn, Gazette }, new string[0], null, null)]
    [InlineData("", new string[0], new[] { "Pakistan", "Türkiye" }, "2025-10-25", "2025-10-26")]
    [InlineData("-Istanbul", new string[0], new string[0], "2025-11-01", null)]
    [InlineData("stall*", new[] { Reuters }, new[] { "tehreek-e-taliban pakistan" }, null, "2025-10-31")]
    public async Task The_stream_holds_exactly_the_matches_of_the_search_with_its_text_facet_and_date_filters(
        string query, string[] sources, string[] actors, string? from, string? to)
    {
        var store = await SeededAsync();
        var request = new SearchRequest
        {
            Query = query.Length == 0 ? null : Q(query),
            Sources = sources,
            Actors = actors,
            From = from is null ? null : DateOnly.Parse(from),
            To = to is null ? null : DateOnly.Parse(to),
            Size = 100,
        };

        var searched = await Search(store, request);
        var streamed = await store.MatchesAsync(request, Ct).ToListAsync(Ct);

        streamed.Select(m => m.Id).ShouldBe(searched.Hits.Select(h => h.Id), ignoreOrder: true);
        streamed.Count.ShouldBe((int)searched.Total);
        streamed.Count.ShouldBeGreaterThan(0);
        if (from is not null || to is not null) streamed.ShouldAllBe(m => m.Published != null);
    }

    [Fact]
    public async Task A_topic_filter_and_a_date_range_that_match_nothing_stream_nothing()
    {
        var store = await SeededAsync();
        var request = new SearchRequest { Topics = ["Weather"], From = new DateOnly(2025, 1, 1) };

        (await store.MatchesAsync(request, Ct).ToListAsync(Ct)).ShouldBeEmpty();
        (await store.MatchedArticlesAsync(request, withBody: true, Ct).ToListAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_match_carries_its_source_day_actors_with_types_and_topics()
    {
        var store = await SeededAsync();

        var matches = await store.MatchesAsync(new SearchRequest { Sort = SortOrder.Newest }, Ct).ToListAsync(Ct);

        var reuters = matches.Single(m => m.Id == IstanbulTalksReuters.Id);
        reuters.Source.ShouldBe(Reuters);
        reuters.Published.ShouldBe(new DateOnly(2025, 10, 26));
        reuters.Actors.ShouldBe([new NamedActor("Pakistan", "country"), new NamedActor("Afghanistan", "country"), new NamedActor("Tehreek-e-Taliban Pakistan", "organisation")]);
        reuters.Topics.ShouldBe(["Diplomacy", "Terrorism"]);
        var undated = matches[^1];
        (undated.Id, undated.Source, undated.Published).ShouldBe((Undated.Id, EnrichedArticle.UnknownSource, (DateOnly?)null));
        undated.Actors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Whole_matched_articles_come_in_the_same_order_and_carry_the_body_only_when_asked()
    {
        var store = await SeededAsync();
        var request = new SearchRequest { Query = Q("Pakistan"), Sort = SortOrder.Oldest };

        var order = (await store.MatchesAsync(request, Ct).ToListAsync(Ct)).Select(m => m.Id).ToList();
        var withBody = await store.MatchedArticlesAsync(request, withBody: true, Ct).ToListAsync(Ct);
        var withoutBody = await store.MatchedArticlesAsync(request, withBody: false, Ct).ToListAsync(Ct);

        withBody.Select(a => a.Id).ShouldBe(order);
        withoutBody.Select(a => a.Id).ShouldBe(order);
        foreach (var article in withBody)
        {
            var stored = All.Single(a => a.Id == article.Id);
            (article.Title, article.Body, article.Source, article.Published).ShouldBe((stored.Title, stored.Body, stored.Source, stored.Published));
            article.Actors.Select(a => (a.Name, a.Type)).ShouldBe(stored.Actors.Select(a => (a.Name, a.Type)));
            article.Topics.Select(t => t.Label).ShouldBe(stored.Topics.Select(t => t.Label));
        }
        withoutBody.ShouldAllBe(a => a.Body == "");
        withoutBody.Select(a => a.Title).ShouldBe(withBody.Select(a => a.Title));
    }

    private static string Letters(int n) => string.Concat(n.ToString().Select(c => (char)('k' + c - '0')));

    /// <summary>More articles than a store reads at once (Elasticsearch pages by 1,000), so the stream has to go on past a page.</summary>
    [Fact]
    public async Task A_stream_longer_than_a_page_gives_every_match_once_in_order()
    {
        var many = Enumerable.Range(0, 2_345).Select(n => new EnrichedArticle
        {
            Id = $"d{n:x15}",
            Title = $"Harbour report {n}",
            Body = $"Cranes at the harbour, report number {n}.",
            Source = n % 2 == 0 ? Herald : Ledger,
            Published = new DateOnly(2025, 1, 1).AddDays(n % 40),
            Actors = [Organisation("Port Authority")],
            Topics = [Topic("Shipping")],
        }).Select((a, n) => n % 97 != 0 ? a : a with
        {
            // Undated, and sharing too little with the others to join their story (which would date it).
            Published = null,
            Title = $"Harbour log {Letters(n)}alpha",
            Body = $"The {Letters(n)}beta log.",
            Actors = [],
        }).ToList();
        var store = await SeededAsync(many);

        var matches = await store.MatchesAsync(new SearchRequest { Query = Q("harbour"), Sort = SortOrder.Oldest }, Ct).ToListAsync(Ct);
        var articles = await store.MatchedArticlesAsync(new SearchRequest { Sources = [Ledger] }, withBody: false, Ct).ToListAsync(Ct);

        matches.Select(m => m.Id).ShouldBe(InStreamOrder(many, SortOrder.Oldest));
        articles.Select(a => a.Id).ShouldBe(InStreamOrder(many.Where(a => a.Source == Ledger), SortOrder.Newest));
    }

    [Fact]
    public async Task A_caller_may_stop_early_or_cancel_and_the_store_still_answers_afterwards()
    {
        var store = await SeededAsync();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var read = 0;

        (await store.MatchedArticlesAsync(new SearchRequest(), withBody: true, Ct).Take(2).ToListAsync(Ct)).Count.ShouldBe(2);
        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in store.MatchesAsync(new SearchRequest(), cancel.Token))
                if (++read == 3) await cancel.CancelAsync();
        });

        read.ShouldBe(3);
        (await store.MatchesAsync(new SearchRequest(), Ct).CountAsync(Ct)).ShouldBe(All.Count);
    }

    [Fact]
    public async Task A_stream_of_an_invalid_request_is_refused()
    {
        var store = await SeededAsync();

        await Should.ThrowAsync<ArgumentException>(async () =>
            await store.MatchesAsync(new SearchRequest { From = new DateOnly(2025, 2, 1), To = new DateOnly(2025, 1, 1) }, Ct).ToListAsync(Ct));
    }
}
