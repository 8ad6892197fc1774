using System.Net;

namespace NewsSearch.Web.IntegrationTests;

public sealed class MatrixPageTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_matrix_page_draws_a_heat_map_whose_cells_link_to_the_search_for_that_outlet_and_actor()
    {
        var (status, html) = await web.Client.PageAsync("/matrix?q=Istanbul");

        status.ShouldBe(HttpStatusCode.OK);
        Html.TextOf(html, "matrix-heading").ShouldBe("Outlets × actors");
        html.ShouldContain("<svg");
        var cell = Html.Tags(html, "class=\"cell\"").First(tag => tag.Contains("source=The%20Post%20News", StringComparison.Ordinal));
        cell.ShouldContain("href=\"/?q=Istanbul&amp;source=The%20Post%20News&amp;actor=");
        cell.ShouldContain("aria-label=\"The Post News and ");
    }

    [Fact]
    public async Task The_matrix_page_asks_the_API_for_the_search_s_filters_and_can_count_topics_instead()
    {
        var before = web.RequestCount;
        var (status, html) = await web.Client.PageAsync("/matrix?q=talks&source=Dawn&cols=topic&page=3");

        status.ShouldBe(HttpStatusCode.OK);
        web.RequestsSince(before).ShouldContain("/api/analysis/matrix?q=talks&source=Dawn&rows=source&cols=topic");
        web.RequestsSince(before).ShouldContain("/api/analysis/attention?q=talks&source=Dawn");
        Html.TextOf(html, "matrix-heading").ShouldBe("Outlets × topics");
        Html.Tags(html, "href=\"/matrix?q=talks&amp;source=Dawn\"").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Attention_over_time_is_drawn_per_outlet_with_bars_linking_to_that_outlet_s_day()
    {
        var (_, html) = await web.Client.PageAsync("/matrix?q=Istanbul");

        Html.TextOf(html, "attention-heading").ShouldBe("Attention over time, per outlet");
        Html.Tags(html, "aria-label=\"The Post News, 29 Oct 2025: 1 article\"").Single()
            .ShouldContain("href=\"/?q=Istanbul&amp;source=The%20Post%20News&amp;from=2025-10-29&amp;to=2025-10-29\"");
    }

    [Fact]
    public async Task A_bad_filter_shows_what_is_wrong_with_a_4xx_status()
    {
        var (status, html) = await web.Client.PageAsync("/matrix?from=yesterday");

        status.ShouldBe(HttpStatusCode.BadRequest);
        Html.Text(html).ShouldContain("from must be a date written yyyy-MM-dd");
    }
}
