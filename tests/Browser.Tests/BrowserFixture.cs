using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(NewsSearch.Browser.Tests.BrowserFixture))]

namespace NewsSearch.Browser.Tests;

/// <summary>One Chromium for the whole suite (Debian's, installed on first use); each test opens its own context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // Expect's own default is 5 s, a third of the actions' 15 s (PageTest): on a loaded two-core machine one
        // in-page search (browser, gateway, web, query) can take longer than that. A deadline, not a speed check.
        Assertions.SetDefaultExpectTimeout(15_000);
        await ChromiumInstaller.EnsureInstalledAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumInstaller.ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
