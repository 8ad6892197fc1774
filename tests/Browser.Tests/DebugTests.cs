namespace NewsSearch.Browser.Tests;

public sealed class DebugTests(BrowserFixture browser, SiteFixture site) : PageTest(browser, site)
{
    [Fact]
    public async Task Debug()
    {
        var messages = new List<string>();
        Page.Console += (_, m) => messages.Add(m.Type + ": " + m.Text);
        Page.PageError += (_, e) => messages.Add("pageerror: " + e);
        await Page.GotoAsync("/");
        await Page.Locator("#facet-source input").First.CheckAsync();
        await Page.WaitForTimeoutAsync(1000);
        messages.Add(Page.Url);
        messages.Add(await Page.EvaluateAsync<string>("document.documentElement.className"));
        await ScreenshotAsync("debug");
        throw new Exception(string.Join("\n", messages));
    }
}
