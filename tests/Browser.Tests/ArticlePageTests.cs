using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NewsSearch.Browser.Tests;

public sealed class ArticlePageTests(BrowserFixture browser, SiteFixture site) : PageTest(browser, site)
{
    [Fact]
    public async Task Opening_a_result_shows_the_article_and_going_back_restores_the_filtered_search()
    {
        await Page.GotoAsync("/");
        var name = (await Page.Locator("#facet-source .values li .name").First.TextContentAsync())!;
        // By value, not by position: the update re-renders the list, and CheckAsync may find its locator again there.
        var source = Page.Locator($"#facet-source input[value=\"{name}\"]");
        await source.CheckAsync();
        await Expect(source).ToBeCheckedAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"\?source="));
        var search = Page.Url;
        var title = Page.Locator(".hit h2 a").First;
        var titleText = (await title.TextContentAsync())!;

        await title.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(titleText);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Actors" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Other coverage of this story" })).ToBeVisibleAsync();
        await Expect(Page.Locator(".provenance")).ToContainTextAsync("Publisher");
        (await Page.Locator(".body a.mention").CountAsync()).ShouldBeGreaterThan(0);
        await ScreenshotAsync("article");

        await Page.GoBackAsync();

        Page.Url.ShouldBe(search);
        await Expect(source).ToBeCheckedAsync();
    }

    [Fact]
    public async Task An_actor_mentioned_in_the_body_links_to_a_search_for_that_actor()
    {
        await Page.GotoAsync("/");
        await Page.Locator(".hit h2 a").First.ClickAsync();
        var mention = Page.Locator(".body a.mention").First;
        var actor = (await mention.GetAttributeAsync("title"))!.Split(" (")[0];

        await mention.ClickAsync();

        await Expect(Page.Locator(".chip.removable")).ToContainTextAsync(actor);
        await Expect(Page.Locator($"#facet-actor input[value=\"{actor}\"]")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Other_coverage_links_to_other_articles_of_the_story()
    {
        await Page.GotoAsync("/");
        await Page.Locator(".hit h2 a").First.ClickAsync();
        var here = Page.Url;
        var other = Page.Locator(".similar a").First;
        var otherTitle = (await other.TextContentAsync())!;

        await other.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(otherTitle);
        Page.Url.ShouldNotBe(here);
    }

    [Fact]
    public async Task An_unknown_article_shows_a_404_page_with_a_way_back()
    {
        var response = await Page.GotoAsync("/articles/0000000000000000");

        response!.Status.ShouldBe(404);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Go to the search page" }).ClickAsync();
        await Expect(Page.Locator("#results-heading")).ToHaveTextAsync("All articles");
    }
}
