using System.Net;
using System.Text.RegularExpressions;

namespace NewsSearch.Web.IntegrationTests;

public sealed class ComparePageTests(WebFixture web) : IClassFixture<WebFixture>
{
    /// <summary>The visible text of the first table row whose heading starts with <paramref name="heading"/> (quotes come before actors).</summary>
    private static string Row(string html, string heading) =>
        Regex.Matches(html, "<tr[^>]*>.*?</tr>", RegexOptions.Singleline).Select(m => Html.Text(m.Value))
            .First(text => text.StartsWith(heading, StringComparison.Ordinal));

    [Fact]
    public async Task The_compare_page_puts_each_outlet_in_a_column_with_the_earliest_publisher_marked_first()
    {
        var before = web.RequestCount;
        var (status, html) = await web.Client.PageAsync("/compare?q=Istanbul&page=2");

        status.ShouldBe(HttpStatusCode.OK);
        web.RequestsSince(before).ShouldContain("/api/compare?q=Istanbul");
        Html.TextOf(html, "compare-heading").ShouldBe("Compare outlets");
        Row(html, "Published").ShouldStartWith("Published 28 Oct 2025 first 29 Oct 2025");
        html.ShouldContain("Unknown outlet");
        Html.Tags(html, "class=\"outlet\"").ShouldContain(tag => tag.Contains("href=\"/?q=Istanbul&amp;source=Dawn\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_compare_page_of_a_story_asks_the_query_api_for_that_story()
    {
        var before = web.RequestCount;
        var (status, _) = await web.Client.PageAsync("/compare?story=0bebbef317f8dfdc");

        status.ShouldBe(HttpStatusCode.OK);
        web.RequestsSince(before).ShouldContain("/api/compare?story=0bebbef317f8dfdc");
    }

    [Fact]
    public async Task Figures_that_disagree_dates_and_quotes_by_speaker_are_shown_side_by_side()
    {
        var (_, html) = await web.Client.PageAsync("/compare?q=Istanbul");

        Row(html, "days of talks").ShouldContain("differ");
        Row(html, "days of talks").ShouldContain("four days");
        Row(html, "days of talks").ShouldContain("Two days");
        Row(html, "Khawaja Asif").ShouldContain("The talks have ended");
        Row(html, "Attaullah Tarar").ShouldContain("deflection and guile");
        Row(html, "ceasefire").ShouldContain("19 Oct 2025 “Oct. 19”");
    }

    [Fact]
    public async Task Quotes_and_titles_from_the_articles_are_text_never_markup()
    {
        var (_, html) = await web.Client.PageAsync("/compare?q=Eve");

        html.ShouldNotContain("<script>quote");
        html.ShouldContain("&lt;script&gt;quote&lt;/script&gt;");
    }

    [Fact]
    public async Task A_bad_filter_shows_what_is_wrong_with_a_4xx_status()
    {
        var (status, html) = await web.Client.PageAsync("/compare?sort=loudest");

        status.ShouldBe(HttpStatusCode.BadRequest);
        Html.Text(html).ShouldContain("sort must be relevance, newest or oldest");
    }
}
