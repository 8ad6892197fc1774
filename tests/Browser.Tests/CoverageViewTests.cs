using Microsoft.Playwright;

namespace NewsSearch.Browser.Tests;

/// <summary>The coverage views reached from the search page, on the real system over the seeds, with JavaScript off.</summary>
public sealed class CoverageViewTests(BrowserFixture browser, SiteFixture site) : PageTest(browser, site)
{
    protected override BrowserNewContextOptions ContextOptions => new()
    {
        ViewportSize = new() { Width = 1280, Height = 900 },
        JavaScriptEnabled = false,
        AcceptDownloads = true,
    };

    private ILocator Row(string heading) => Page.Locator("tbody tr", new() { Has = Page.Locator("th[scope=row]", new() { HasTextString = heading }) }).First;

    [Fact]
    public async Task The_compare_page_shows_who_quotes_Khawaja_Asif_and_Zabihullah_Mujahid_and_the_figures_that_differ()
    {
        await Page.GotoAsync("/?q=Istanbul");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Compare outlets" }).ClickAsync();

        await Expect(Page.Locator("#compare-heading")).ToHaveTextAsync("Compare outlets");
        Query["q"].ShouldBe("Istanbul");
        var outlets = await Page.Locator("thead th[scope=col]").CountAsync();
        outlets.ShouldBeGreaterThanOrEqualTo(4);
        (await Row("Khawaja Asif").Locator("td q").CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
        (await Row("Zabihullah Mujahid").Locator("td q").CountAsync()).ShouldBeGreaterThanOrEqualTo(1);
        await Expect(Row("days of talks").Locator(".differs-mark")).ToBeVisibleAsync();
        await Expect(Row("talks collapsed").Locator(".differs-mark")).ToBeVisibleAsync();
        await Expect(Row("people killed")).ToContainTextAsync("over 70 people — UNN");
        await ScreenshotAsync("compare-seeds");
    }

    [Fact]
    public async Task A_hits_same_story_link_filters_to_its_story_whose_comparison_puts_the_five_seed_outlets_side_by_side()
    {
        await Page.GotoAsync("/?q=Istanbul");
        await Page.Locator("a.story").First.ClickAsync();

        Query.GetValues("story").ShouldHaveSingleItem();
        await ExpectResultCountAsync(5);
        await Page.Locator("a.compare-story").ClickAsync();

        await Expect(Page.Locator("#compare-heading")).ToHaveTextAsync("Compare outlets");
        Query.GetValues("story").ShouldHaveSingleItem();
        (await Page.Locator("thead th[scope=col]").CountAsync()).ShouldBe(5);
        (await Row("Khawaja Asif").Locator("td q").CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
        await ScreenshotAsync("compare-story");
    }

    [Fact]
    public async Task A_matrix_cell_is_a_link_to_the_search_for_its_outlet_and_actor()
    {
        await Page.GotoAsync("/?q=Istanbul");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Outlet × actor matrix" }).ClickAsync();
        await Expect(Page.Locator("#matrix-heading")).ToHaveTextAsync("Outlets × actors");
        await ScreenshotAsync("matrix-seeds");

        var cell = Page.Locator(".heatmap a.cell").First;
        var count = int.Parse((await cell.Locator("text").TextContentAsync())!);
        await cell.ClickAsync();

        await ExpectResultCountAsync(count);
        Query["q"].ShouldBe("Istanbul");
        Query.GetValues("source").ShouldHaveSingleItem();
        Query.GetValues("actor").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_download_link_saves_every_match_of_the_search_as_csv()
    {
        await Page.GotoAsync("/");
        var total = await ResultCountAsync();

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());

        download.SuggestedFilename.ShouldBe("articles.csv");
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("id,title,source,published,url,actors,topics,story");
        lines.Length.ShouldBe(total + 1);
    }
}
