using Microsoft.Playwright;

namespace NewsSearch.Browser.Tests;

public sealed class WithoutJavaScriptTests(BrowserFixture browser, SiteFixture site) : PageTest(browser, site)
{
    protected override BrowserNewContextOptions ContextOptions => new()
    {
        ViewportSize = new() { Width = 1280, Height = 900 },
        JavaScriptEnabled = false,
    };

    [Fact]
    public async Task Searching_filtering_and_paging_work_with_plain_forms_and_links()
    {
        await Page.GotoAsync("/");
        await Page.GetByLabel("Search articles").FillAsync("Istanbul");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#results-heading")).ToHaveTextAsync("Results for “Istanbul”");

        var source = Page.Locator("#facet-source .values li").First;
        var name = (await source.Locator(".name").TextContentAsync())!;
        var count = await FacetCountAsync(source);
        await source.Locator("input").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        await ExpectResultCountAsync(count);
        Query["q"].ShouldBe("Istanbul");
        Query.GetValues("source").ShouldBe([name]);

        await Page.Locator(".chip.removable", new() { HasText = name }).ClickAsync();
        Query.GetValues("source").ShouldBeNull();
        Query["q"].ShouldBe("Istanbul");
    }

    [Fact]
    public async Task A_histogram_bar_is_a_plain_link_to_its_day()
    {
        await Page.GotoAsync("/");
        var bar = Page.Locator(".histogram a.bar").First;
        var from = await bar.GetAttributeAsync("data-from");

        await bar.ClickAsync();

        Query["from"].ShouldBe(from);
        await Expect(Page.Locator(".histogram a.bar.selected")).ToHaveCountAsync(1);
    }
}
