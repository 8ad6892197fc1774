using System.Net;
using NewsSearch.Web.IntegrationTests.Query;

namespace NewsSearch.Web.IntegrationTests;

public sealed class ArticlePageTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task An_article_whose_year_is_unknown_shows_the_day_the_text_gives_and_that_the_year_is_unknown()
    {
        var (_, html) = await web.Client.PageAsync($"/articles/{SampleArticles.UndatedWireId}");

        Html.Text(html).ShouldContain("Published 3 Mar, year unknown");
    }

    [Fact]
    public async Task The_article_page_shows_publisher_and_date_with_how_they_were_found()
    {
        var (status, html) = await web.Client.PageAsync($"/articles/{SampleArticles.TalksCollapseId}");

        status.ShouldBe(HttpStatusCode.OK);
        Html.TextOf(html, "article-title").ShouldBe("Pakistan and Afghanistan peace talks in Istanbul collapse");
        html.ShouldContain("<a href=\"/?source=The%20Post%20News\">The Post News</a>");
        var text = Html.Text(html);
        text.ShouldContain("Publisher The Post News identified by byline: (The Post News) – · 90% confidence");
        html.ShouldContain("<time datetime=\"2025-10-29\">29 Oct 2025</time>");
        text.ShouldContain("Published 29 Oct 2025 identified by relative date: early Wednesday · 60% confidence");
    }

    [Fact]
    public async Task Actor_mentions_in_the_body_link_to_a_search_for_that_actor_by_name_or_alias()
    {
        var (_, html) = await web.Client.PageAsync($"/articles/{SampleArticles.TalksCollapseId}");

        html.ShouldContain("<a class=\"mention person\" href=\"/?actor=Attaullah%20Tarar\" title=\"Attaullah Tarar (person)\">Attaullah Tarar</a>");
        html.ShouldContain("<a class=\"mention person\" href=\"/?actor=Attaullah%20Tarar\" title=\"Attaullah Tarar (person)\">Tarar</a> wrote");
        html.ShouldContain("<a class=\"mention country\" href=\"/?actor=Afghanistan\" title=\"Afghanistan (country)\">Kabul</a>");
        html.ShouldContain("<a class=\"mention country\" href=\"/?actor=Qatar\" title=\"Qatar (country)\">Doha</a>");
    }

    [Fact]
    public async Task Actors_are_listed_by_type_with_topics_quotes_by_speaker_a_sorted_timeline_and_comments_apart()
    {
        var (_, html) = await web.Client.PageAsync($"/articles/{SampleArticles.TalksCollapseId}");

        html.IndexOf("<h3>People</h3>", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("<h3>Organisations</h3>", StringComparison.Ordinal));
        html.IndexOf("<h3>Organisations</h3>", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("<h3>Countries</h3>", StringComparison.Ordinal));
        html.ShouldContain("<a class=\"chip topic\" href=\"/?topic=Diplomacy\">Diplomacy</a>");

        var quotes = Html.TextOf(html, "quotes-heading");
        quotes.ShouldBe("Quotes");
        html.Split("<div class=\"speaker\">").Length.ShouldBe(2);
        html.ShouldContain("as reported by X");

        var timeline = html[html.IndexOf("id=\"timeline-heading\"", StringComparison.Ordinal)..];
        timeline.IndexOf("<time datetime=\"2021\">2021</time>", StringComparison.Ordinal)
            .ShouldBeLessThan(timeline.IndexOf("<time datetime=\"2025-10-19\">19 October 2025</time>", StringComparison.Ordinal));

        Html.TextOf(html, "comments-heading").ShouldBe("Reader comments");
        html.IndexOf("</article>", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("id=\"comments-heading\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Other_coverage_lists_the_similar_articles_and_the_page_asks_for_both_at_once()
    {
        var before = web.RequestCount;
        var (_, html) = await web.Client.PageAsync($"/articles/{SampleArticles.TalksCollapseId}");

        web.RequestsSince(before).Order().ShouldBe(
        [
            $"/api/articles/{SampleArticles.TalksCollapseId}",
            $"/api/articles/{SampleArticles.TalksCollapseId}/similar",
        ]);
        Html.TextOf(html, "similar-heading").ShouldBe("Other coverage of this story");
        html.ShouldContain("<a href=\"/articles/6eb1bb78d267b7fc\">Afghanistan-Pakistan talks hit a wall in Istanbul</a>");
        html.ShouldNotContain($"<a href=\"/articles/{SampleArticles.TalksCollapseId}\">");
    }

    [Fact]
    public async Task A_hostile_article_is_shown_as_text_and_its_javascript_url_is_not_a_link()
    {
        var (status, html) = await web.Client.PageAsync($"/articles/{SampleArticles.HostileId}");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<img");
        html.ShouldNotContain("<b>bold</b>");
        html.ShouldNotContain("<script>quote");
        html.ShouldNotContain("<script>comment");
        html.ShouldNotContain("<em>troll");
        html.ShouldNotContain("javascript:");
        html.ShouldContain("&lt;img src=x onerror=alert(&#x27;body&#x27;)&gt;");
        html.ShouldContain("<a class=\"mention person\" href=\"/?actor=Mallory\" title=\"Mallory (person)\">&lt;b&gt;bold&lt;/b&gt;</a>");
    }

    [Fact]
    public async Task An_unknown_article_gets_a_404_page()
    {
        var (status, html) = await web.Client.PageAsync("/articles/0000000000000000");

        status.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("Page not found");
    }

    [Fact]
    public async Task A_malformed_article_id_gets_a_400_page_without_asking_the_API()
    {
        var before = web.RequestCount;
        var (status, html) = await web.Client.PageAsync("/articles/..%2F..%2Fapi%2Fsearch");

        status.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("Malformed article id");
        web.RequestsSince(before).ShouldBeEmpty();
    }
}
