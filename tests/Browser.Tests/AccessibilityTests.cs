using Microsoft.Playwright;

namespace NewsSearch.Browser.Tests;

public sealed class AccessibilityTests(BrowserFixture browser, SiteFixture site) : PageTest(browser, site)
{
    /// <summary>Every control a user can reach has a name a screen reader can say.</summary>
    private const string UnnamedControls = """
        () => [...document.querySelectorAll('input, select, button, a[href]')]
            .filter(e => e.offsetParent !== null || e.closest('svg'))
            .filter(e => !(e.labels?.length || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')
                           || (e.tagName !== 'INPUT' && e.textContent.trim())))
            .map(e => e.outerHTML.slice(0, 120))
        """;

    private const string DuplicateIds = """
        () => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
                return ids.filter((id, i) => ids.indexOf(id) !== i); }
        """;

    [Theory]
    [InlineData("/")]
    [InlineData("/?q=Istanbul&sort=newest")]
    public async Task The_search_page_has_one_h1_named_controls_unique_ids_and_landmarks(string path)
    {
        await Page.GotoAsync(path);

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);
        (await Page.EvaluateAsync<string[]>(UnnamedControls)).ShouldBeEmpty();
        (await Page.EvaluateAsync<string[]>(DuplicateIds)).ShouldBeEmpty();
        await Expect(Page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Search)).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Complementary, new() { Name = "Filters" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_article_page_has_one_h1_named_controls_and_unique_ids()
    {
        await Page.GotoAsync("/");
        await Page.Locator(".hit h2 a").First.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);
        (await Page.EvaluateAsync<string[]>(UnnamedControls)).ShouldBeEmpty();
        (await Page.EvaluateAsync<string[]>(DuplicateIds)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_the_content()
    {
        await Page.GotoAsync("/");

        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.Keyboard.PressAsync("Tab");

        (await Page.EvaluateAsync<bool>("() => document.getElementById('main').contains(document.activeElement)")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_ticked_checkbox_keeps_keyboard_focus_after_the_page_updates()
    {
        await Page.GotoAsync("/");
        var value = await Page.Locator("#facet-topic .values input").First.GetAttributeAsync("value");
        // By value, not by position: the update re-renders the list, which may order it differently.
        var checkbox = Page.Locator($"#facet-topic input[value=\"{value}\"]");
        await checkbox.FocusAsync();

        await Page.Keyboard.PressAsync("Space");

        // The announcement comes with the updated page; before it, the box is checked and focused anyway.
        await Expect(Page.Locator("#announce")).Not.ToBeEmptyAsync();
        await Expect(checkbox).ToBeCheckedAsync();
        await Expect(checkbox).ToBeFocusedAsync();
    }
}
