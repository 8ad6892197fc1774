using System.Collections.Specialized;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.Playwright;

namespace NewsSearch.Browser.Tests;

/// <summary>A fresh browser context and page per test, pointed at the site; helpers that read the search page.</summary>
public abstract partial class PageTest(BrowserFixture browser, SiteFixture site) : IAsyncLifetime
{
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;
    protected SiteFixture Site => site;

    protected virtual BrowserNewContextOptions ContextOptions => new() { ViewportSize = new() { Width = 1280, Height = 900 } };

    public async ValueTask InitializeAsync()
    {
        var options = ContextOptions;
        options.BaseURL = site.BaseUrl;
        Context = await browser.Browser.NewContextAsync(options);
        Context.SetDefaultTimeout(15_000);
        Page = await Context.NewPageAsync();
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    protected NameValueCollection Query => HttpUtility.ParseQueryString(new Uri(Page.Url).Query);

    /// <summary>The result count in the summary line ("5 articles · 3 ms").</summary>
    protected async Task<int> ResultCountAsync() =>
        LeadingNumber(await Page.Locator("[data-summary]").TextContentAsync() ?? "");

    /// <summary>Waits until the summary line says <paramref name="count"/> results.</summary>
    protected Task ExpectResultCountAsync(long count) =>
        Expect(Page.Locator("[data-summary]")).ToHaveTextAsync(new Regex($"^{count.ToString("N0", CultureInfo.InvariantCulture)} articles? ·"));

    protected static async Task<int> FacetCountAsync(ILocator valueItem) =>
        LeadingNumber((await valueItem.Locator(".count").TextContentAsync() ?? "").TrimStart('('));

    protected static int LeadingNumber(string text) =>
        int.Parse(LeadingDigits().Match(text.Trim()).Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>Writes the whole page, and what the first screen shows, as test artifacts.</summary>
    protected async Task ScreenshotAsync(string name)
    {
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath(name), FullPage = true });
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath(name + "-first-screen") });
    }

    [GeneratedRegex(@"^[\d,]+")]
    private static partial Regex LeadingDigits();
}
