using NewsSearch.Articles;
using NewsSearch.SearchStore.Querying;
using Shouldly;
using Xunit;
using static NewsSearch.SearchStore.Conformance.ConformanceCorpus;

namespace NewsSearch.SearchStore.Conformance;

/// <summary>Filters and facets, hits with their highlighting, suggestions and similar coverage.</summary>
public abstract partial class SearchStoreConformanceTests
{
    // ---- filters and facets ----

    [Fact]
    public async Task Values_of_one_facet_are_ORed_and_facets_are_ANDed()
    {
        var store = await SeededAsync();
        var either = await Search(store, new SearchRequest { Sources = [Dawn, Reuters], Size = 100 });
        either.Hits.Select(h => h.Id).ShouldBe([IstanbulTalksDawn.Id, IstanbulTalksReuters.Id, BorderAttack.Id], ignoreOrder: true);
        var both = await Search(store, new SearchRequest { Sources = [Dawn, Reuters], Topics = ["Terrorism"], Size = 100 });
        both.Hits.Select(h => h.Id).ShouldBe([IstanbulTalksReuters.Id, BorderAttack.Id], ignoreOrder: true);
        var withActor = await Search(store, new SearchRequest { Sources = [Dawn, Reuters], Topics = ["Terrorism"], Actors = ["Afghanistan"] });
        withActor.Hits.Select(h => h.Id).ShouldBe([IstanbulTalksReuters.Id]);
    }

    [Fact]
    public async Task The_date_range_is_inclusive_and_excludes_undated_articles()
    {
        var store = await SeededAsync();
        var result = await Search(store, new SearchRequest { From = new DateOnly(2025, 10, 25), To = new DateOnly(2025, 10, 26), Size = 100 });
        result.Hits.Select(h => h.Id).ShouldBe([IstanbulTalksDawn.Id, IstanbulTalksReuters.Id, IstanbulTalksGazette.Id], ignoreOrder: true);
        var from = await Search(store, new SearchRequest { From = new DateOnly(2025, 11, 3), Size = 100 });
        from.Hits.Select(h => h.Id).ShouldBe([TurkiyeTrade.Id, ScriptInBody.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task A_facets_counts_ignore_its_own_selection_but_honour_the_other_filters()
    {
        var store = await SeededAsync();
        var result = await Search(store, new SearchRequest { Query = Q("Pakistan"), Sources = [Dawn], Topics = ["Diplomacy"] });
        // hits: Pakistan ∧ Dawn ∧ Diplomacy
        result.Hits.Select(h => h.Id).ShouldBe([IstanbulTalksDawn.Id]);
        // source counts ignore the source filter: Pakistan ∧ Diplomacy, grouped by source
        result.Facets.Source.ShouldBe(
            [new FacetValue(Dawn, 1, true), new FacetValue(Reuters, 1, false), new FacetValue(Gazette, 1, false)], ignoreOrder: true);
        // topic counts ignore the topic filter: Pakistan ∧ Dawn, grouped by topic
        result.Facets.Topic.Single(v => v.Value == "Conflict").Count.ShouldBe(2);
        result.Facets.Topic.Single(v => v.Value == "Terrorism").Count.ShouldBe(1);
        result.Facets.Topic.Single(v => v.Value == "Diplomacy").ShouldBe(new FacetValue("Diplomacy", 1, true));
        // actor counts honour both filters
        result.Facets.Actor.Single(v => v.Value == "Pakistan").Count.ShouldBe(1);
        result.Facets.Actor.ShouldNotContain(v => v.Value == "Tehreek-e-Taliban Pakistan");
    }

    [Fact]
    public async Task Actor_facet_values_carry_the_actor_type()
    {
        var store = await SeededAsync();
        var actors = (await Search(store, new SearchRequest { FacetSize = 100 })).Facets.Actor;
        actors.Single(v => v.Value == "Pakistan").Type.ShouldBe("country");
        actors.Single(v => v.Value == "Khalid Rehman").Type.ShouldBe("person");
        actors.Single(v => v.Value == "Tehreek-e-Taliban Pakistan").Type.ShouldBe("organisation");
        actors.Single(v => v.Value == "Pakistan").Count.ShouldBe(4);
        (await Search(store, new SearchRequest())).Facets.Source.ShouldAllBe(v => v.Type == null);
    }

    [Fact]
    public async Task Facets_are_ordered_by_count_and_limited_to_the_facet_size()
    {
        var store = await SeededAsync();
        var facets = (await Search(store, new SearchRequest { FacetSize = 2 })).Facets;
        facets.Actor.Select(v => v.Value).ShouldBe(["Pakistan", "Afghanistan"]);
        facets.Actor.Select(v => v.Count).ShouldBe([4, 3]);
        facets.Topic.Count.ShouldBe(2);
        facets.Topic[0].ShouldBe(new FacetValue("Conflict", 3, false));
    }

    [Fact]
    public async Task A_selected_value_is_returned_even_outside_the_top_values()
    {
        var store = await SeededAsync();
        var facets = (await Search(store, new SearchRequest { FacetSize = 1, Actors = ["Port Authority"], Sources = [Ledger] })).Facets;
        // Actors honour the source filter: no Valley Ledger article names the Port Authority.
        facets.Actor.ShouldContain(v => v.Value == "Port Authority" && v.Selected && v.Count == 0);
        facets.Actor.Count(v => !v.Selected).ShouldBe(1);
        // Sources honour the actor filter: only a Harbour Herald article names the Port Authority.
        facets.Source.ShouldContain(v => v.Value == Ledger && v.Selected && v.Count == 0);
        facets.Source.ShouldContain(new FacetValue(Herald, 1, false));
        var unknown = (await Search(store, new SearchRequest { Topics = ["No Such Topic"] })).Facets.Topic;
        unknown.ShouldContain(v => v.Value == "No Such Topic" && v.Selected && v.Count == 0);
    }

    [Fact]
    public async Task The_date_histogram_counts_days_over_a_short_span()
    {
        var store = await SeededAsync();
        var result = await Search(store, new SearchRequest { Query = Q("Istanbul OR Khyber") });
        result.Facets.DateInterval.ShouldBe(DateInterval.Day);
        var buckets = result.Facets.Date;
        buckets.First().ShouldBe(new DateBucket("2025-10-20", 1));
        buckets.Last().ShouldBe(new DateBucket("2025-10-26", 2));
        buckets.Single(b => b.Value == "2025-10-25").Count.ShouldBe(1);
        buckets.Sum(b => b.Count).ShouldBe(4);
    }

    [Fact]
    public async Task The_date_histogram_counts_months_over_a_long_span()
    {
        var store = await SeededAsync();
        var result = await Search(store, new SearchRequest());
        result.Facets.DateInterval.ShouldBe(DateInterval.Month);
        result.Facets.Date.First().ShouldBe(new DateBucket("2024-08", 1));
        result.Facets.Date.Single(b => b.Value == "2025-10").Count.ShouldBe(4);
        result.Facets.Date.Single(b => b.Value == "2025-11").Count.ShouldBe(3);
        result.Facets.Date.Sum(b => b.Count).ShouldBe(All.Count - 1);
    }

    [Fact]
    public async Task Articles_whose_year_is_unknown_are_counted_as_undated_and_have_no_bar()
    {
        var store = await SeededAsync();
        var result = await Search(store, new SearchRequest());
        result.Facets.Undated.ShouldBe(1);
        result.Facets.Date.Sum(b => b.Count).ShouldBe(All.Count - 1);
        result.Hits.Single(h => h.Id == Undated.Id).YearKnown.ShouldBeFalse();
        result.Hits.Where(h => h.Id != Undated.Id).ShouldAllBe(h => h.YearKnown);
    }

    [Fact]
    public async Task The_undated_count_honours_the_other_filters_but_not_the_date_range()
    {
        var store = await SeededAsync();
        (await Search(store, new SearchRequest { Sources = [Reuters] })).Facets.Undated.ShouldBe(0);
        var ranged = await Search(store, new SearchRequest { From = new DateOnly(2025, 10, 1), To = new DateOnly(2025, 10, 31) });
        ranged.Hits.ShouldNotContain(h => h.Id == Undated.Id);
        ranged.Facets.Undated.ShouldBe(1);
    }

    [Fact]
    public async Task The_date_histogram_honours_the_other_filters()
    {
        var store = await SeededAsync();
        var result = await Search(store, new SearchRequest { Sources = [Reuters] });
        result.Facets.Date.ShouldBe([new DateBucket("2025-10-26", 1)]);
    }

    // ---- hits and highlighting ----

    [Fact]
    public async Task A_hit_carries_title_source_date_actors_and_topics()
    {
        var store = await SeededAsync();
        var hit = (await Search(store, new SearchRequest { Query = Q("Khyber") })).Hits.Single();
        hit.Id.ShouldBe(BorderAttack.Id);
        hit.Title.ShouldBe(BorderAttack.Title);
        hit.Source.ShouldBe(Dawn);
        hit.Published.ShouldBe(new DateOnly(2025, 10, 20));
        hit.Actors.ShouldBe(["Tehreek-e-Taliban Pakistan", "Pakistan"]);
        hit.Topics.ShouldBe(["Terrorism", "Conflict"]);
    }

    [Fact]
    public async Task The_snippet_marks_matches_and_escapes_everything_else()
    {
        var store = await SeededAsync();
        var snippet = (await Search(store, new SearchRequest { Query = Q("cranes") })).Hits.Single().Snippet;
        snippet.ShouldContain("<mark>cranes</mark>");
        snippet.ShouldContain("&lt;script&gt;");
        snippet.ShouldContain("&amp;");
        snippet.ShouldNotContain("<script>");
        snippet.Replace("<mark>", "").Replace("</mark>", "").ShouldNotContain("<");
    }

    [Fact]
    public async Task The_snippet_marks_stemmed_and_folded_matches()
    {
        var store = await SeededAsync();
        var snippet = (await Search(store, new SearchRequest { Query = Q("turkiye negotiate") })).Hits.Single().Snippet;
        snippet.ShouldContain("<mark>Türkiye</mark>");
        snippet.ShouldContain("<mark>negotiations</mark>");
    }

    [Fact]
    public async Task Without_a_query_the_snippet_is_the_escaped_start_of_the_body()
    {
        var store = await SeededAsync();
        var snippet = (await Search(store, new SearchRequest { Sources = [Herald], Sort = SortOrder.Newest })).Hits.First().Snippet;
        snippet.ShouldStartWith("The port authority said the &lt;script&gt;");
        snippet.ShouldNotContain("<mark>");
    }

    // ---- suggest and similar ----

    [Fact]
    public async Task Suggest_completes_actor_names_topics_and_sources_with_counts()
    {
        var store = await SeededAsync();
        (await store.SuggestAsync("tehr", 10, Ct)).ShouldContain(new Suggestion("Tehreek-e-Taliban Pakistan", SuggestionKind.Actor, 2));
        (await store.SuggestAsync("Diplo", 10, Ct)).ShouldContain(new Suggestion("Diplomacy", SuggestionKind.Topic, 3));
        (await store.SuggestAsync("reu", 10, Ct)).ShouldContain(new Suggestion(Reuters, SuggestionKind.Source, 1));
        (await store.SuggestAsync("turk", 10, Ct)).ShouldContain(s => s.Value == "Türkiye" && s.Kind == SuggestionKind.Actor);
    }

    [Fact]
    public async Task Suggest_completes_titles()
    {
        var store = await SeededAsync();
        (await store.SuggestAsync("lanter", 10, Ct)).ShouldContain(s => s.Kind == SuggestionKind.Title && s.Value == Undated.Title);
    }

    [Fact]
    public async Task Suggest_for_nothing_suggests_nothing()
    {
        var store = await SeededAsync();
        (await store.SuggestAsync("", 10, Ct)).ShouldBeEmpty();
        (await store.SuggestAsync("zzzzqx", 10, Ct)).ShouldBeEmpty();
        (await store.SuggestAsync("\"*(", 10, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Similar_finds_other_coverage_of_the_same_story_from_other_outlets_first()
    {
        var store = await SeededAsync();
        var similar = await store.SimilarAsync(IstanbulTalksDawn.Id, 3, Ct);
        similar.Select(h => h.Id).ShouldNotContain(IstanbulTalksDawn.Id);
        similar.Take(2).Select(h => h.Id).ShouldBe([IstanbulTalksGazette.Id, IstanbulTalksReuters.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task Similar_of_an_unknown_article_is_empty()
    {
        var store = await SeededAsync();
        (await store.SimilarAsync("ffffffffffffffff", 5, Ct)).ShouldBeEmpty();
    }
}
