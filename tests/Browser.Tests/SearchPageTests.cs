using System.Text.RegularExpressions;
using System.Web;
using Microsoft.Playwright;

namespace NewsSearch.Browser.Tests;

public sealed class SearchPageTests(BrowserFixture browser, SiteFixture site) : PageTest(browser, site)
{
    [Fact]
    public async Task Searching_from_the_box_lists_results_and_keeps_the_query_in_the_URL()
    {
        await Page.GotoAsync("/");
        await Page.GetByLabel("Search articles").FillAsync("Istanbul");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await Expect(Page.Locator("#results-heading")).ToHaveTextAsync("Results for “Istanbul”");
        Query["q"].ShouldBe("Istanbul");
        (await Page.Locator(".hit").CountAsync()).ShouldBeGreaterThan(0);
        await Expect(Page.Locator(".hit mark").First).ToBeVisibleAsync();
        await ScreenshotAsync("search-results");
    }

    [Fact]
    public async Task Ticking_and_unticking_a_source_changes_the_results_the_other_counts_and_the_URL()
    {
        await Page.GotoAsync("/");
        var total = await ResultCountAsync();
        var actorsBefore = await Page.Locator("#facet-actor").InnerTextAsync();
        var source = await RarestValueAsync("#facet-source");
        var name = (await source.Locator(".name").TextContentAsync())!;
        var count = await FacetCountAsync(source);
        count.ShouldBeLessThan(total, "pick a source that narrows the results");

        await source.Locator("input").CheckAsync();

        await ExpectResultCountAsync(count);
        Query.GetValues("source").ShouldBe([name]);
        await Expect(source.Locator("input")).ToBeCheckedAsync();
        await Expect(source.Locator("input")).ToBeFocusedAsync();
        (await Page.Locator("#facet-actor").InnerTextAsync()).ShouldNotBe(actorsBefore);
        await Expect(Page.Locator(".chip.removable")).ToContainTextAsync(name!);
        await ScreenshotAsync("search-filtered");

        await source.Locator("input").UncheckAsync();

        await ExpectResultCountAsync(total);
        Query.GetValues("source").ShouldBeNull();
        (await Page.Locator("#facet-actor").InnerTextAsync()).ShouldBe(actorsBefore);
    }

    [Fact]
    public async Task Back_and_forward_restore_each_in_page_filter_step()
    {
        await Page.GotoAsync("/");
        var total = await ResultCountAsync();
        var topic = await RarestValueAsync("#facet-topic");
        var count = await FacetCountAsync(topic);
        await topic.Locator("input").CheckAsync();
        await ExpectResultCountAsync(count);
        var filtered = Page.Url;

        await Page.GoBackAsync();
        await ExpectResultCountAsync(total);
        await Expect(topic.Locator("input")).Not.ToBeCheckedAsync();
        new Uri(Page.Url).Query.ShouldBeEmpty();

        await Page.GoForwardAsync();
        await ExpectResultCountAsync(count);
        await Expect(topic.Locator("input")).ToBeCheckedAsync();
        Page.Url.ShouldBe(filtered);
    }

    [Fact]
    public async Task Choosing_a_histogram_bar_filters_to_that_day()
    {
        await Page.GotoAsync("/");
        var bar = Page.Locator(".histogram a.bar").First;
        var from = await bar.GetAttributeAsync("data-from");
        var count = LeadingNumber((await bar.GetAttributeAsync("aria-label"))!.Split(": ")[1]);

        await bar.ClickAsync();

        await ExpectResultCountAsync(count);
        Query["from"].ShouldBe(from);
        Query["to"].ShouldBe(await Page.Locator(".histogram a.bar.selected").First.GetAttributeAsync("data-to"));
        await Expect(Page.Locator("#from")).ToHaveValueAsync(from!);
    }

    [Fact]
    public async Task Dragging_across_histogram_bars_filters_to_that_range()
    {
        await Page.GotoAsync("/");
        var bars = Page.Locator(".histogram a.bar");
        (await bars.CountAsync()).ShouldBeGreaterThan(1, "the seeds span more than one day");
        // The first two bars: a range narrower than everything, so the result count must change.
        var first = bars.Nth(0);
        var last = bars.Nth(1);
        var expected = 0;
        foreach (var label in await bars.EvaluateAllAsync<string[]>("bars => bars.slice(0, 2).map(b => b.getAttribute('aria-label'))"))
            expected += LeadingNumber(label.Split(": ")[1]);
        expected.ShouldBeLessThan(await ResultCountAsync());
        var from = await first.GetAttributeAsync("data-from");
        var to = await last.GetAttributeAsync("data-to");

        var start = (await first.BoundingBoxAsync())!;
        var end = (await last.BoundingBoxAsync())!;
        await Page.Mouse.MoveAsync(start.X + start.Width / 2, start.Y + start.Height / 2);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(end.X + end.Width / 2, end.Y + end.Height / 2, new() { Steps = 8 });
        await Page.Mouse.UpAsync();

        await ExpectResultCountAsync(expected);
        Query["from"].ShouldBe(from);
        Query["to"].ShouldBe(to);
    }

    [Fact]
    public async Task Shift_clicking_a_second_bar_selects_the_range_between_them()
    {
        await Page.GotoAsync("/");
        var bars = Page.Locator(".histogram a.bar");
        var from = await bars.First.GetAttributeAsync("data-from");
        var to = await bars.Last.GetAttributeAsync("data-to");

        await bars.First.ClickAsync();
        await Expect(Page.Locator(".histogram a.bar.selected")).ToHaveCountAsync(1);
        await bars.Last.ClickAsync(new() { Modifiers = [KeyboardModifier.Shift] });

        await Expect(Page).ToHaveURLAsync(new Regex($"from={from}&to={to}$"));
    }

    [Fact]
    public async Task A_pasted_link_restores_query_filters_dates_and_sort()
    {
        await Page.GotoAsync("/");
        var source = await RarestValueAsync("#facet-source");
        var name = (await source.Locator(".name").TextContentAsync())!;
        var count = await FacetCountAsync(source);

        var pasted = await Context.NewPageAsync();
        await pasted.GotoAsync($"/?source={Uri.EscapeDataString(name)}&from=2000-01-01&to=2100-12-31&sort=oldest");

        await Assertions.Expect(pasted.Locator($"#facet-source input[value=\"{name}\"]")).ToBeCheckedAsync();
        await Assertions.Expect(pasted.Locator("#sort")).ToHaveValueAsync("oldest");
        await Assertions.Expect(pasted.Locator("#from")).ToHaveValueAsync("2000-01-01");
        await Assertions.Expect(pasted.Locator("[data-summary]")).ToHaveTextAsync(new Regex($"^{count} articles? ·"));
        var dates = await pasted.Locator(".hit time").EvaluateAllAsync<string[]>("times => times.map(t => t.getAttribute('datetime'))");
        dates.ShouldBe(dates.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Changing_the_sort_reorders_results_newest_first()
    {
        await Page.GotoAsync("/");

        await Page.GetByLabel("Sort by").SelectOptionAsync("newest");

        await Expect(Page).ToHaveURLAsync(new Regex("sort=newest$"));
        var dates = await Page.Locator(".hit time").EvaluateAllAsync<string[]>("times => times.map(t => t.getAttribute('datetime'))");
        dates.ShouldBe(dates.OrderDescending(StringComparer.Ordinal).ToArray());
        await Expect(Page.GetByLabel("Sort by")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Typing_offers_completions_that_the_keyboard_can_choose()
    {
        await Page.GotoAsync("/");
        var actor = (await Page.Locator("#facet-actor .values .name").First.TextContentAsync())!;
        var box = Page.GetByRole(AriaRole.Combobox, new() { Name = "Search articles" });
        var typed = actor[..4].TrimEnd();

        // On a loaded machine the keystrokes can come far enough apart that a shorter prefix fetches and shows a
        // list first; the list to choose from is the one for everything typed, so wait for that one to be shown.
        var answer = await Page.RunAndWaitForResponseAsync(
            () => box.PressSequentiallyAsync(typed, new() { Delay = 40 }),
            response => response.Url.Contains("/api/suggest?", StringComparison.Ordinal)
                && HttpUtility.ParseQueryString(new Uri(response.Url).Query)["q"] == typed);
        var offered = (await answer.JsonAsync())!.Value.EnumerateArray().Take(8)
            .Select(suggestion => new Regex("^" + Regex.Escape(suggestion.GetProperty("value").GetString()!)));
        var options = Page.GetByRole(AriaRole.Listbox, new() { Name = "Suggestions" }).GetByRole(AriaRole.Option);
        await Expect(options).ToHaveTextAsync(offered);
        await Expect(options.First).ToBeVisibleAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        var chosen = options.Filter(new() { HasText = actor }).First;
        var index = await chosen.EvaluateAsync<int>("o => [...o.parentElement.children].indexOf(o)");
        for (var step = 0; step <= index; step++) await box.PressAsync("ArrowDown");
        await Expect(chosen).ToHaveAttributeAsync("aria-selected", "true");
        await box.PressAsync("Enter");

        await Expect(Page.Locator(".chip.removable")).ToContainTextAsync(actor);
        Query.GetValues("actor").ShouldBe([actor]);
    }

    [Fact]
    public async Task Clicking_an_actor_chip_on_a_result_adds_that_filter()
    {
        await Page.GotoAsync("/");
        var chip = Page.Locator(".hit .chips a.chip").First;
        var name = (await chip.EvaluateAsync<string>("chip => chip.firstChild.textContent")).Trim();

        await chip.ClickAsync();

        await Expect(Page.Locator(".chip.removable")).ToContainTextAsync(name);
        (Query.GetValues("actor") ?? Query.GetValues("topic"))!.ShouldContain(name);
    }

    [Fact]
    public async Task An_impossible_search_explains_itself_and_offers_a_way_back()
    {
        await Page.GotoAsync("/?q=zzqxjzzqxj");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "No articles match" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "drop the search words “zzqxjzzqxj”" }).ClickAsync();
        await Expect(Page.Locator("#results-heading")).ToHaveTextAsync("All articles");
    }

    [Fact]
    public async Task A_date_range_the_API_rejects_is_explained_in_words()
    {
        var response = await Page.GotoAsync("/?from=2025-12-01&to=2025-01-01");

        response!.Status.ShouldBe(400);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This search could not be run");
    }

    [Fact]
    public async Task Show_more_reveals_rarer_actors_and_stays_open_while_the_page_updates()
    {
        await Page.GotoAsync("/");
        var more = Page.Locator("#facet-actor details.more").First;
        var id = (await more.GetAttributeAsync("id"))!;
        await more.Locator("summary").ClickAsync();
        var name = (await more.Locator("li .name").First.TextContentAsync())!;
        // By value, not by position: once ticked the value leaves "show more" (a selected value always shows), so
        // after the update "the first value under show more" is another actor; and CheckAsync, when the page
        // replaced the box before it could confirm the tick, finds its locator again and ticks that one too.
        var rare = Page.Locator($"#facet-actor input[value=\"{name}\"]");

        await rare.CheckAsync();

        await Expect(Page.Locator(".chip.removable")).ToContainTextAsync(name);
        await Expect(Page.Locator($"#{id}")).ToHaveAttributeAsync("open", "");
        await Expect(Page.Locator($"#facet-actor input[value=\"{name}\"]")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task The_filter_box_narrows_a_long_facet_list_to_matching_values()
    {
        await Page.GotoAsync("/");
        var panel = Page.Locator("#facet-actor");
        var target = (await panel.Locator("details.more li .name").Last.TextContentAsync())!;

        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Filter actor values" }).FillAsync(target);

        await Expect(panel.Locator($"li:visible", new() { HasText = target })).ToHaveCountAsync(1);
        var visible = await panel.Locator(".values li:visible .name").AllTextContentsAsync();
        visible.ShouldAllBe(value => value.Contains(target, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The facet value with the fewest articles, so ticking it visibly narrows the results.</summary>
    private async Task<ILocator> RarestValueAsync(string facet)
    {
        var items = Page.Locator($"{facet} > ul.values > li");
        var counts = new List<int>();
        for (var i = 0; i < await items.CountAsync(); i++) counts.Add(await FacetCountAsync(items.Nth(i)));
        var value = await items.Nth(counts.IndexOf(counts.Min())).Locator("input").GetAttributeAsync("value");
        return Page.Locator($"{facet} > ul.values > li").Filter(new() { Has = Page.Locator($"input[value=\"{value}\"]") });
    }
}
