using NewsSearch.Articles;
using NewsSearch.SearchStore.Querying;
using Shouldly;
using Xunit;
using static NewsSearch.SearchStore.Conformance.ConformanceCorpus;

namespace NewsSearch.SearchStore.Conformance;

/// <summary>
/// The behaviour every <see cref="ISearchStore"/> must show. A store's test project subclasses this and says how
/// to make an empty store; every test then runs against that implementation over <see cref="ConformanceCorpus"/>.
/// </summary>
public abstract partial class SearchStoreConformanceTests : IAsyncDisposable
{
    /// <summary>A new, empty, not yet initialised store. Disposed after the test when it is disposable.</summary>
    protected abstract Task<ISearchStore> CreateEmptyStoreAsync();

    /// <summary>For stores that apply writes asynchronously (Elasticsearch's refresh); the embedded store needs nothing.</summary>
    protected virtual Task AfterWriteAsync(ISearchStore store) => Task.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ISearchStore> SeededAsync(IReadOnlyList<EnrichedArticle>? articles = null)
    {
        var store = await CreateEmptyStoreAsync();
        _created.Add(store);
        await store.InitializeAsync(Ct);
        var result = await store.UpsertAsync(articles ?? All, Ct);
        result.AllIndexed.ShouldBeTrue(string.Join("; ", result.Failed.Select(f => $"{f.Key}: {f.Value}")));
        await AfterWriteAsync(store);
        return store;
    }

    private readonly List<ISearchStore> _created = [];

    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        foreach (var store in _created)
        {
            if (store is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else if (store is IDisposable disposable) disposable.Dispose();
        }
        _created.Clear();
    }

    private static Query Q(string text)
    {
        var parsed = QueryParser.Parse(text);
        parsed.Error.ShouldBeNull();
        return parsed.Query!;
    }

    private static Task<SearchResult> Search(ISearchStore store, SearchRequest request) => store.SearchAsync(request, Ct);

    private static async Task<IReadOnlyList<string>> Ids(ISearchStore store, string query, int size = 100)
    {
        var result = await Search(store, new SearchRequest { Query = Q(query), Size = size });
        return result.Hits.Select(h => h.Id).ToList();
    }

    // ---- lifecycle: initialise, upsert, get, count, delete, health ----

    [Fact]
    public async Task An_initialised_store_is_healthy_and_empty()
    {
        var store = await CreateEmptyStoreAsync();
        _created.Add(store);
        await store.InitializeAsync(Ct);
        (await store.CheckHealthAsync(Ct)).Healthy.ShouldBeTrue();
        (await store.CountAsync(Ct)).ShouldBe(0);
        (await Search(store, new SearchRequest())).Total.ShouldBe(0);
    }

    [Fact]
    public async Task Initialising_twice_keeps_the_articles()
    {
        var store = await SeededAsync();
        await store.InitializeAsync(Ct);
        (await store.CountAsync(Ct)).ShouldBe(All.Count);
    }

    [Fact]
    public async Task Get_returns_the_whole_enriched_article()
    {
        var store = await SeededAsync();
        var article = await store.GetAsync(IstanbulTalksReuters.Id, Ct);
        article.ShouldNotBeNull();
        article.Title.ShouldBe(IstanbulTalksReuters.Title);
        article.Body.ShouldBe(IstanbulTalksReuters.Body);
        article.Source.ShouldBe(Reuters);
        article.Published.ShouldBe(IstanbulTalksReuters.Published);
        article.Actors.Select(a => (a.Name, a.Type)).ShouldBe(IstanbulTalksReuters.Actors.Select(a => (a.Name, a.Type)));
        article.Actors.Single(a => a.Name == "Tehreek-e-Taliban Pakistan").Aliases.ShouldBe(["TTP", "Pakistani Taliban"]);
        article.Topics.Select(t => t.Label).ShouldBe(["Diplomacy", "Terrorism"]);
    }

    [Fact]
    public async Task Get_of_an_unknown_id_is_null()
    {
        var store = await SeededAsync();
        (await store.GetAsync("ffffffffffffffff", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Upserting_the_same_articles_again_changes_nothing()
    {
        var store = await SeededAsync();
        var before = await Search(store, new SearchRequest { Query = Q("Istanbul") });
        (await store.UpsertAsync(All, Ct)).Indexed.ShouldBe(All.Count);
        await AfterWriteAsync(store);
        (await store.CountAsync(Ct)).ShouldBe(All.Count);
        var after = await Search(store, new SearchRequest { Query = Q("Istanbul") });
        after.Total.ShouldBe(before.Total);
        after.Hits.Select(h => h.Id).ShouldBe(before.Hits.Select(h => h.Id));
        after.Facets.Actor.ShouldBe(before.Facets.Actor);
    }

    [Fact]
    public async Task Upserting_a_changed_article_replaces_its_text_and_every_facet_value()
    {
        var store = await SeededAsync();
        var changed = IstanbulTalksGazette with
        {
            Title = "Lantern makers strike",
            Body = "Lantern makers went on strike over wages.",
            Source = Herald,
            Actors = [Organisation("Lantern Guild")],
            Topics = [Topic("Labour")],
            Published = new DateOnly(2025, 11, 2),
        };
        await store.UpsertAsync([changed], Ct);
        await AfterWriteAsync(store);

        (await store.CountAsync(Ct)).ShouldBe(All.Count);
        (await Ids(store, "ceasefire")).ShouldNotContain(changed.Id);
        (await Ids(store, "strike")).ShouldBe([changed.Id]);
        var facets = (await Search(store, new SearchRequest())).Facets;
        facets.Source.ShouldNotContain(v => v.Value == Gazette && v.Count > 0);
        facets.Actor.ShouldContain(v => v.Value == "Lantern Guild" && v.Count == 1);
        facets.Actor.Single(v => v.Value == "Khalid Rehman").Count.ShouldBe(1);
        facets.Topic.ShouldContain(v => v.Value == "Labour" && v.Count == 1);
    }

    [Fact]
    public async Task Deleting_removes_the_article_from_search_get_count_and_facets()
    {
        var store = await SeededAsync();
        (await store.DeleteAsync(ScriptInBody.Id, Ct)).ShouldBeTrue();
        await AfterWriteAsync(store);
        (await store.GetAsync(ScriptInBody.Id, Ct)).ShouldBeNull();
        (await store.CountAsync(Ct)).ShouldBe(All.Count - 1);
        (await Ids(store, "cranes")).ShouldBeEmpty();
        (await Search(store, new SearchRequest())).Facets.Actor.ShouldNotContain(v => v.Value == "Port Authority" && v.Count > 0);
        (await store.DeleteAsync(ScriptInBody.Id, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_invalid_article_fails_alone_and_the_rest_of_the_batch_is_indexed()
    {
        var store = await CreateEmptyStoreAsync();
        _created.Add(store);
        await store.InitializeAsync(Ct);
        var result = await store.UpsertAsync([TurkiyeTrade, OldFloods with { Id = "" }, Undated], Ct);
        await AfterWriteAsync(store);
        result.Indexed.ShouldBe(2);
        result.Failed.Count.ShouldBe(1);
        (await store.CountAsync(Ct)).ShouldBe(2);
    }

    // ---- query model ----

    [Fact]
    public async Task A_search_for_a_word_finds_the_articles_that_contain_it()
    {
        var store = await SeededAsync();
        (await Ids(store, "cranes")).ShouldBe([ScriptInBody.Id]);
    }

    [Fact]
    public async Task A_search_for_negotiate_finds_negotiations_by_stemming()
    {
        var store = await SeededAsync();
        (await Ids(store, "negotiate")).ShouldBe([IstanbulTalksDawn.Id, IstanbulTalksReuters.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task A_search_ignores_case_and_diacritics()
    {
        var store = await SeededAsync();
        var expected = new[] { IstanbulTalksDawn.Id, IstanbulTalksGazette.Id, TurkiyeTrade.Id };
        (await Ids(store, "turkiye")).ShouldBe(expected, ignoreOrder: true);
        (await Ids(store, "TÜRKIYE")).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public async Task A_search_for_Turkey_finds_articles_that_say_Turkiye()
    {
        var store = await SeededAsync();
        (await Ids(store, "Turkey")).ShouldContain(TurkiyeTrade.Id);
    }

    [Fact]
    public async Task A_search_for_TTP_finds_articles_that_say_Tehreek_e_Taliban_Pakistan()
    {
        var store = await SeededAsync();
        (await Ids(store, "TTP")).ShouldBe([IstanbulTalksReuters.Id, BorderAttack.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task A_phrase_matches_only_words_side_by_side_in_order()
    {
        var store = await SeededAsync();
        (await Ids(store, "\"peace talks\"")).ShouldBe([IstanbulTalksDawn.Id]);
        (await Ids(store, "peace talks")).ShouldBe([IstanbulTalksDawn.Id, WordsApart.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task Words_without_an_operator_must_all_appear()
    {
        var store = await SeededAsync();
        (await Ids(store, "Istanbul ceasefire")).ShouldBe([IstanbulTalksDawn.Id, IstanbulTalksGazette.Id], ignoreOrder: true);
        (await Ids(store, "Istanbul AND ceasefire")).ShouldBe([IstanbulTalksDawn.Id, IstanbulTalksGazette.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task OR_finds_articles_with_either_word()
    {
        var store = await SeededAsync();
        (await Ids(store, "cranes OR lantern")).ShouldBe([ScriptInBody.Id, Undated.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task NOT_and_minus_exclude_articles_with_the_word()
    {
        var store = await SeededAsync();
        (await Ids(store, "Istanbul NOT ceasefire")).ShouldBe([IstanbulTalksReuters.Id]);
        (await Ids(store, "Istanbul -ceasefire")).ShouldBe([IstanbulTalksReuters.Id]);
        (await Ids(store, "Istanbul -ceasefire -Kabul")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_OR_with_a_negation_finds_the_word_or_everything_without_the_other()
    {
        var store = await SeededAsync();
        var ids = await Ids(store, "ceasefire OR -Istanbul");
        ids.Count.ShouldBe(All.Count - 1);
        ids.ShouldNotContain(IstanbulTalksReuters.Id);
    }

    [Fact]
    public async Task A_negation_alone_finds_everything_except_the_word()
    {
        var store = await SeededAsync();
        var ids = await Ids(store, "-Istanbul");
        ids.Count.ShouldBe(All.Count - 3);
        ids.ShouldNotContain(IstanbulTalksDawn.Id);
    }

    [Fact]
    public async Task Parentheses_group_clauses()
    {
        var store = await SeededAsync();
        (await Ids(store, "(cranes OR floods) AND valley")).ShouldBe([OldFloods.Id]);
        (await Ids(store, "Khyber OR (Istanbul AND Qatar)"))
            .ShouldBe([BorderAttack.Id, IstanbulTalksDawn.Id, IstanbulTalksGazette.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task A_prefix_finds_every_word_that_starts_with_it()
    {
        var store = await SeededAsync();
        (await Ids(store, "lant*")).ShouldBe([Undated.Id]);
        (await Ids(store, "gant*")).ShouldBe([ScriptInBody.Id]);
    }

    [Fact]
    public async Task Query_syntax_of_the_index_in_user_text_is_only_text()
    {
        var store = await SeededAsync();
        foreach (var hostile in new[] { "title:cranes", "NEAR(cranes gantries)", "cranes^2", "{title}: cranes", "\"cranes", "cranes\"\"" })
        {
            var parsed = QueryParser.Parse(hostile);
            if (parsed.Query is null) continue;
            var result = await Search(store, new SearchRequest { Query = parsed.Query });
            result.Total.ShouldBeLessThanOrEqualTo(All.Count, hostile);
        }
        (await Ids(store, "title:cranes")).ShouldBeEmpty("'title:cranes' is the phrase \"title cranes\", not a column filter");
    }

    // ---- ranking, sort, paging ----

    [Fact]
    public async Task A_match_in_the_title_ranks_above_a_match_in_the_body()
    {
        var store = await SeededAsync();
        var hits = (await Search(store, new SearchRequest { Query = Q("ceasefire") })).Hits;
        hits.Select(h => h.Id).First().ShouldBe(IstanbulTalksGazette.Id);
        hits[0].Score.ShouldBeGreaterThan(hits[1].Score);
    }

    [Fact]
    public async Task Newest_and_oldest_order_by_publication_date_with_undated_articles_last()
    {
        var store = await SeededAsync();
        var newest = (await Search(store, new SearchRequest { Sort = SortOrder.Newest, Size = 100 })).Hits;
        var oldest = (await Search(store, new SearchRequest { Sort = SortOrder.Oldest, Size = 100 })).Hits;
        newest.First().Id.ShouldBe(ScriptInBody.Id);
        newest.Last().Id.ShouldBe(Undated.Id);
        oldest.First().Id.ShouldBe(OldFloods.Id);
        oldest.Last().Id.ShouldBe(Undated.Id);
        newest.Where(h => h.Published is not null).Select(h => h.Published).ShouldBeInOrder(SortDirection.Descending);
        oldest.Where(h => h.Published is not null).Select(h => h.Published).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Theory]
    [InlineData(SortOrder.Relevance, "")]
    [InlineData(SortOrder.Newest, "")]
    [InlineData(SortOrder.Oldest, "Pakistan OR Afghanistan OR said")]
    [InlineData(SortOrder.Relevance, "Pakistan OR Afghanistan OR said")]
    public async Task Pages_cover_every_hit_exactly_once_in_a_stable_order(SortOrder sort, string query)
    {
        var store = await SeededAsync();
        var q = query.Length == 0 ? null : Q(query);
        var all = await Search(store, new SearchRequest { Query = q, Sort = sort, Size = 100 });
        var paged = new List<string>();
        for (var page = 1; page <= 5; page++)
            paged.AddRange((await Search(store, new SearchRequest { Query = q, Sort = sort, Page = page, Size = 2 })).Hits.Select(h => h.Id));
        paged.ShouldBe(all.Hits.Select(h => h.Id).ToList());
        paged.Count.ShouldBe((int)all.Total);
        paged.ShouldBeUnique();
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_but_reports_the_total()
    {
        var store = await SeededAsync();
        var result = await Search(store, new SearchRequest { Page = 50, Size = 10 });
        result.Hits.ShouldBeEmpty();
        result.Total.ShouldBe(All.Count);
    }

    [Fact]
    public async Task Paging_deeper_than_the_result_window_is_rejected()
    {
        var store = await SeededAsync();
        await Should.ThrowAsync<ArgumentException>(() =>
            Search(store, new SearchRequest { Page = SearchResult.MaxResultWindow / 10 + 1, Size = 10 }));
        await Should.ThrowAsync<ArgumentException>(() => Search(store, new SearchRequest { Size = SearchRequest.MaxSize + 1 }));
    }
}
