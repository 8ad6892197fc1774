using Microsoft.Playwright;

namespace NewsSearch.Browser.Tests;

public sealed class PhoneTests(BrowserFixture browser, SiteFixture site) : PageTest(browser, site)
{
    protected override BrowserNewContextOptions ContextOptions => new()
    {
        ViewportSize = new() { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
    };

    [Fact]
    public async Task The_search_and_article_pages_fit_a_phone_screen_without_sideways_scrolling()
    {
        await Page.GotoAsync("/");
        (await HorizontalOverflowAsync()).ShouldBeFalse();
        var results = (await Page.Locator("main").BoundingBoxAsync())!;
        var filters = (await Page.Locator("aside.filters").BoundingBoxAsync())!;
        results.Y.ShouldBeLessThan(filters.Y, "on a phone the results come first, the filters after them");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Filters" })).ToBeVisibleAsync();
        await ScreenshotAsync("search-phone");

        await Page.Locator(".hit h2 a").First.TapAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        (await HorizontalOverflowAsync()).ShouldBeFalse();
        await ScreenshotAsync("article-phone");
    }

    [Fact]
    public async Task Tapping_a_facet_value_on_a_phone_filters_the_results()
    {
        await Page.GotoAsync("/");
        var total = await ResultCountAsync();
        var topic = Page.Locator("#facet-topic > ul.values > li").Last;
        var count = await FacetCountAsync(topic);

        await topic.Locator("label").TapAsync();

        await ExpectResultCountAsync(count);
        (count <= total).ShouldBeTrue();
        Query.GetValues("topic").ShouldNotBeNull();
    }

    private Task<bool> HorizontalOverflowAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
}
