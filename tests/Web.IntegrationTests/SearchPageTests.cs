using System.Net;
using NewsSearch.Web.IntegrationTests.Query;

namespace NewsSearch.Web.IntegrationTests;

public sealed class SearchPageTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_search_page_lists_results_that_link_to_their_article_pages()
    {
        var (status, html) = await web.Client.PageAsync("/?q=Istanbul");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"href=\"/articles/{SampleArticles.TalksCollapseId}\"");
        html.ShouldContain("Pakistan and Afghanistan peace talks in Istanbul collapse");
        Html.TextOf(html, "results-heading").ShouldBe("Results for “Istanbul”");
        Html.Text(html).ShouldMatch(@"5 articles · \d+ ms");
    }

    [Fact]
    public async Task An_article_whose_year_is_unknown_says_so_and_is_counted_as_undated_beside_the_histogram()
    {
        var (_, html) = await web.Client.PageAsync("/?q=copper");

        Html.Text(html).ShouldContain("Reuters · date unknown");
        Html.TextOf(html, "facet-date").ShouldContain("1 undated article: the year is unknown");
    }

    [Fact]
    public async Task Hostile_titles_sources_actors_and_topics_are_shown_as_text_never_as_markup()
    {
        var (_, html) = await web.Client.PageAsync("/?q=Eve");

        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<i>Evil</i>");
        html.ShouldNotContain("<script>topic");
        html.ShouldContain("&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; &amp; &quot;friends&quot;");
        html.ShouldContain("&lt;i&gt;Evil&lt;/i&gt; Times");
        html.ShouldContain("&lt;script&gt;topic&lt;/script&gt;");
    }

    [Fact]
    public async Task A_snippet_keeps_its_highlights_but_nothing_else_from_the_API_becomes_markup()
    {
        var (_, html) = await web.Client.PageAsync("/?q=onerror");

        html.ShouldContain("<mark>onerror</mark>");
        html.ShouldNotContain("<img");
        html.ShouldContain("&lt;img src=x <mark>onerror</mark>=alert(&#x27;body&#x27;)&gt;");
    }

    [Fact]
    public async Task Every_part_of_the_state_in_the_URL_is_sent_to_the_API_and_shown_on_the_page()
    {
        var before = web.RequestCount;
        var (status, html) = await web.Client.PageAsync(
            "/?q=talks&source=Dawn&source=The%20Post%20News&actor=Pakistan&topic=Diplomacy&from=2025-10-01&to=2025-10-31&sort=newest&page=1");

        status.ShouldBe(HttpStatusCode.OK);
        var request = web.RequestsSince(before).Single(path => path.StartsWith("/api/search", StringComparison.Ordinal));
        request.ShouldBe("/api/search?q=talks&source=Dawn&source=The%20Post%20News&actor=Pakistan&topic=Diplomacy"
            + "&from=2025-10-01&to=2025-10-31&sort=newest&page=1&size=10&facetSize=50");

        Html.Tags(html, "name=\"source\" value=\"Dawn\"").Single().ShouldContain("checked");
        Html.Tags(html, "name=\"source\" value=\"The Post News\"").Single().ShouldContain("checked");
        Html.Tags(html, "name=\"actor\" value=\"Pakistan\"").Single().ShouldContain("checked");
        Html.Tags(html, "name=\"topic\" value=\"Diplomacy\"").Single().ShouldContain("checked");
        Html.Tags(html, "id=\"from\"").Single().ShouldContain("value=\"2025-10-01\"");
        Html.Tags(html, "id=\"to\"").Single().ShouldContain("value=\"2025-10-31\"");
        Html.Tags(html, "value=\"newest\"").Single().ShouldContain("selected");
        Html.Tags(html, "id=\"q\"").Single().ShouldContain("value=\"talks\"");
    }

    [Fact]
    public async Task Removing_a_chip_keeps_every_other_part_of_the_state()
    {
        var (_, html) = await web.Client.PageAsync("/?q=talks&source=Dawn&actor=Pakistan&from=2025-10-01&sort=oldest");

        var chips = Html.Tags(html, "class=\"chip removable\"");
        chips.ShouldContain("<a class=\"chip removable\" href=\"/?q=talks&amp;actor=Pakistan&amp;from=2025-10-01&amp;sort=oldest\">");
        chips.ShouldContain("<a class=\"chip removable\" href=\"/?q=talks&amp;source=Dawn&amp;from=2025-10-01&amp;sort=oldest\">");
        chips.ShouldContain("<a class=\"chip removable\" href=\"/?q=talks&amp;source=Dawn&amp;actor=Pakistan&amp;sort=oldest\">");
        chips.ShouldContain("<a class=\"chip removable\" href=\"/?source=Dawn&amp;actor=Pakistan&amp;from=2025-10-01&amp;sort=oldest\">");
        Html.Tags(html, "class=\"clear\"").Single().ShouldContain("href=\"/?q=talks&amp;sort=oldest\"");
    }

    [Fact]
    public async Task A_selected_value_stays_listed_and_ticked_when_its_count_drops_to_zero()
    {
        var (_, html) = await web.Client.PageAsync("/?q=Khawaja&actor=Attaullah%20Tarar");

        Html.Tags(html, "name=\"actor\" value=\"Attaullah Tarar\"").Single().ShouldContain("checked");
        html.ShouldContain("No articles match");
    }

    [Fact]
    public async Task Actors_are_grouped_by_type_and_long_lists_hide_the_rest_behind_show_more()
    {
        var (_, html) = await web.Client.PageAsync("/");

        var actorPanel = html[html.IndexOf("id=\"facet-actor\"", StringComparison.Ordinal)..html.IndexOf("id=\"facet-topic\"", StringComparison.Ordinal)];
        actorPanel.IndexOf("<h4>People</h4>", StringComparison.Ordinal).ShouldBeLessThan(actorPanel.IndexOf("<h4>Organisations</h4>", StringComparison.Ordinal));
        actorPanel.IndexOf("<h4>Organisations</h4>", StringComparison.Ordinal).ShouldBeLessThan(actorPanel.IndexOf("<h4>Countries</h4>", StringComparison.Ordinal));
        actorPanel.ShouldContain("Show 1 more");
        actorPanel.ShouldContain("data-facet-filter");
    }

    [Fact]
    public async Task Result_chips_add_their_actor_or_topic_to_the_current_search()
    {
        var (_, html) = await web.Client.PageAsync("/?q=Doha&sort=newest&page=1");

        Html.Tags(html, "class=\"chip person\"").ShouldContain("<a class=\"chip person\" href=\"/?q=Doha&amp;actor=Attaullah%20Tarar&amp;sort=newest\">");
        Html.Tags(html, "class=\"chip topic\"").ShouldContain("<a class=\"chip topic\" href=\"/?q=Doha&amp;topic=Armed%20conflict&amp;sort=newest\">");
    }

    [Fact]
    public async Task The_date_histogram_draws_a_bar_per_day_linking_to_that_day_and_fills_empty_days()
    {
        var (_, html) = await web.Client.PageAsync("/?q=talks");

        var bars = Html.Tags(html, "class=\"bar");
        bars.ShouldContain(tag => tag.Contains("href=\"/?q=talks&amp;from=2025-10-29&amp;to=2025-10-29\"", StringComparison.Ordinal)
                                  && tag.Contains("aria-label=\"29 Oct 2025: 2 articles\"", StringComparison.Ordinal));
        bars.Count.ShouldBe(3);
        Html.Tags(html, "class=\"gap\"").Count.ShouldBe(9);
    }

    [Fact]
    public async Task Bars_inside_the_chosen_date_range_are_marked_selected()
    {
        var (_, html) = await web.Client.PageAsync("/?q=talks&from=2025-10-28&to=2025-10-29");

        Html.Tags(html, "class=\"bar selected\"").Select(tag => tag.Split("data-from=\"")[1][..10])
            .ShouldBe(["2025-10-28", "2025-10-29"]);
    }

    [Fact]
    public async Task Over_a_longer_span_the_histogram_counts_months_and_marks_the_month_a_range_reaches_into()
    {
        var (_, html) = await web.Client.PageAsync("/?from=2025-10-28&to=2025-10-29");

        Html.Tags(html, "class=\"bar").Count.ShouldBe(3);
        Html.Tags(html, "class=\"bar selected\"").Single().ShouldContain("data-from=\"2025-10-01\" data-to=\"2025-10-31\"");
        html.ShouldContain("Articles by publication date, per month");
    }

    [Fact]
    public async Task An_empty_result_suggests_removing_each_filter_with_a_link()
    {
        var (status, html) = await web.Client.PageAsync("/?q=Khawaja&source=Dawn&topic=Terrorism");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("No articles match");
        html.ShouldContain("<a href=\"/?q=Khawaja&amp;topic=Terrorism\">Remove source “Dawn”</a>");
        html.ShouldContain("<a href=\"/?q=Khawaja&amp;source=Dawn\">Remove topic “Terrorism”</a>");
        html.ShouldContain("<a href=\"/?q=Khawaja\">Remove every filter</a>");
    }

    [Fact]
    public async Task A_search_the_API_rejects_shows_its_problem_in_words_with_status_400()
    {
        var (status, html) = await web.Client.PageAsync("/?q=talks&from=2025-11-01&to=2025-10-01");

        status.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("This search could not be run");
        html.ShouldContain("The search parameters are not valid.");
        html.ShouldContain("from: from must not be after to.");
        Html.Tags(html, "id=\"q\"").Single().ShouldContain("value=\"talks\"");
    }

    [Fact]
    public async Task Paging_links_keep_the_search_and_mark_the_current_page()
    {
        var (_, html) = await web.Client.PageAsync("/?page=1");

        html.ShouldNotContain("class=\"pager\"");
        var (_, deep) = await web.Client.PageAsync("/?page=3");
        deep.ShouldContain("No articles match");
        deep.ShouldContain("<a href=\"/\">Go to the first page</a>");
    }

    [Fact]
    public async Task Assets_are_served_with_a_content_hash_and_cached_for_good()
    {
        var (_, html) = await web.Client.PageAsync("/");
        var href = Html.Tags(html, "rel=\"stylesheet\"").Single().Split("href=\"")[1].Split('"')[0];

        using var response = await web.Client.GetAsync(href, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        response.Headers.CacheControl!.ToString().ShouldContain("immutable");
    }

    [Fact]
    public async Task Pages_forbid_inline_and_foreign_scripts()
    {
        using var response = await web.Client.GetAsync("/", TestContext.Current.CancellationToken);

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("<script>");
    }

    [Fact]
    public async Task An_unknown_address_gets_a_404_page()
    {
        var (status, html) = await web.Client.PageAsync("/no/such/page");

        status.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("Page not found");
    }
}
