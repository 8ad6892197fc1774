using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;

namespace NewsSearch.Browser.Tests;

/// <summary>
/// The Aspire dashboard as an operator sees it for this system (a Blazor Server app: it draws nothing until its
/// websocket connects, so a real browser is needed). Logged in through the login address the AppHost gives.
/// </summary>
public sealed partial class DashboardTests(BrowserFixture browser, SiteFixture site) : PageTest(browser, site)
{
    private static readonly string[] Resources = ["enrichment", "ingest", "query", "web", "gateway"];

    private async Task OpenDashboardAsync(string path = "/")
    {
        var login = await Site.App.GetDashboardUrlAsync(TestContext.Current.CancellationToken);
        login.ShouldNotBeNull("the AppHost runs the dashboard");
        await Page.GotoAsync(login!.ToString());
        if (path != "/")
        {
            await Page.GotoAsync(new Uri(login, path).ToString());
        }
    }

    [Fact]
    public async Task Every_resource_is_shown_running_and_healthy()
    {
        await OpenDashboardAsync();

        foreach (var resource in Resources)
        {
            var row = Page.Locator("[role=row]").Filter(new() { HasText = resource }).First;
            await Expect(row).ToContainTextAsync("Running", new() { Timeout = 60_000 });
        }
        await ScreenshotAsync("dashboard-resources");
        // The state column says "Unhealthy" (not "Running") for a resource whose health check fails.
        await Expect(Page.Locator("[role=row]").Filter(new() { HasText = "Unhealthy" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_search_through_the_gateway_shows_as_one_trace_spanning_gateway_and_query()
    {
        var marker = $"tracemarker{Guid.NewGuid():N}"[..20];
        using var gateway = await Site.GatewayAsync(withApiKey: false);
        (await gateway.GetAsync($"/api/search?q={marker}", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        await OpenDashboardAsync("/traces");
        var trace = Page.Locator("[role=row]").Filter(new() { HasText = "/api/search" }).Filter(new() { HasText = "query" }).First;
        for (var attempt = 0; attempt < 20 && await trace.CountAsync() == 0; attempt++)
        {
            // Telemetry is exported in batches; the page lists what has arrived.
            await Page.WaitForTimeoutAsync(2_000);
            await Page.ReloadAsync();
        }

        await Expect(trace).ToContainTextAsync("gateway");
        await ScreenshotAsync("dashboard-traces");
    }

    [Fact]
    public async Task The_ingest_resource_offers_the_operator_commands()
    {
        await OpenDashboardAsync();
        var row = Page.Locator("[role=row]").Filter(new() { HasText = "ingest" }).First;
        await Expect(row).ToContainTextAsync("Running", new() { Timeout = 60_000 });

        await row.GetByRole(AriaRole.Button, new() { NameRegex = MoreActions() }).First.ClickAsync();

        await Expect(Page.GetByText("Retry failed articles")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Re-enrich everything")).ToBeVisibleAsync();
        await ScreenshotAsync("dashboard-commands");
    }

    [GeneratedRegex("actions|more", RegexOptions.IgnoreCase)]
    private static partial Regex MoreActions();
}
