using System.Net;
using System.Net.Http.Json;
using System.Text;
using NewsSearch.Articles;

namespace NewsSearch.Enrichment.IntegrationTests;

public sealed class EnrichEndpointTests(EnrichmentApiFactory factory) : IClassFixture<EnrichmentApiFactory>
{
    private const string Story = """
        Ceasefire Talks Resume in Doha
        (The Harbour Times) – Negotiators from both governments met again in Doha on Monday, officials said, a week after a truce was signed on March 3, 2025.
        “We are ready to continue the dialogue,” Foreign Minister Ahmed Karimi told reporters after the meeting. The talks are mediated by Qatar.
        """;

    private const string OtherStory = """
        Flooding in the river valley forced thousands of families from their homes on Friday, the regional government said.
        Rescue teams used boats to reach villages cut off by the water, and aid agencies warned of shortages of clean water and food.
        """;

    private const string German = """
        Die Verhandlungen zwischen den beiden Regierungen wurden am Mittwoch in Istanbul ohne Ergebnis abgebrochen.
        Die Vermittler aus Katar und der Türkei wollen die Gespräche dennoch fortsetzen, teilte das Außenministerium mit.
        """;

    private HttpClient Client => factory.CreateClient();

    private static RawArticle Raw(string text, ArticleMetadata? metadata = null) =>
        new(ArticleId.FromText(text), text, metadata ?? ArticleMetadata.None);

    private async Task<EnrichOutcome[]> PostAsync(object body)
    {
        var response = await Client.PostAsJsonAsync("/enrich", body, ArticleJson.Options, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<EnrichOutcome[]>(ArticleJson.Options, TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task A_batch_is_enriched_and_indexed_with_one_outcome_per_item_in_order()
    {
        var first = Raw(Story);
        var second = Raw(OtherStory);

        var outcomes = await PostAsync(new[] { first, second });

        outcomes.Select(o => o.Id).ShouldBe([first.Id, second.Id]);
        outcomes.ShouldAllBe(o => o.Indexed && o.Error == null);
        var stored = await factory.Store.GetAsync(first.Id, TestContext.Current.CancellationToken);
        stored.ShouldNotBeNull();
        stored.Title.ShouldBe("Ceasefire Talks Resume in Doha");
        stored.Source.ShouldBe("The Harbour Times");
        stored.Published.ShouldBe(new DateOnly(2025, 3, 10));
    }

    [Fact]
    public async Task Enriching_the_same_article_twice_changes_nothing()
    {
        var article = Raw(Story + "\nA second paragraph makes this text its own.");

        await PostAsync(new[] { article });
        var before = await factory.Store.GetAsync(article.Id, TestContext.Current.CancellationToken);
        var countBefore = await factory.Store.CountAsync(TestContext.Current.CancellationToken);
        var again = await PostAsync(new[] { article });
        var after = await factory.Store.GetAsync(article.Id, TestContext.Current.CancellationToken);

        again.Single().Indexed.ShouldBeTrue();
        (await factory.Store.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(countBefore);
        after.ShouldNotBeNull();
        after.Title.ShouldBe(before!.Title);
        after.Published.ShouldBe(before.Published);
        after.Topics.Select(t => t.Label).ShouldBe(before.Topics.Select(t => t.Label));
    }

    [Fact]
    public async Task Metadata_given_at_ingest_wins_over_what_the_text_suggests()
    {
        var metadata = new ArticleMetadata("Given title", "Given Source", "https://example.org/a", new DateOnly(2024, 1, 2));
        var article = Raw(Story + "\nWith metadata.", metadata);

        (await PostAsync(new[] { article })).Single().Indexed.ShouldBeTrue();

        var stored = await factory.Store.GetAsync(article.Id, TestContext.Current.CancellationToken);
        stored.ShouldNotBeNull();
        stored.Title.ShouldBe("Given title");
        stored.Source.ShouldBe("Given Source");
        stored.Url.ShouldBe("https://example.org/a");
        stored.Published.ShouldBe(new DateOnly(2024, 1, 2));
    }

    [Fact]
    public async Task A_bad_item_fails_alone_with_a_reason_and_the_rest_are_indexed()
    {
        var good = Raw(Story + "\nThe good one.");
        var body = new object[]
        {
            new { id = "not-an-id", text = "Some text", metadata = new { } },
            new { id = ArticleId.FromText("empty"), text = "   ", metadata = new { } },
            good,
            42,
            Raw(German),
        };

        var outcomes = await PostAsync(body);

        outcomes.Length.ShouldBe(5);
        outcomes[0].ShouldSatisfyAllConditions(o => o.Indexed.ShouldBeFalse(), o => o.Id.ShouldBe("not-an-id"), o => o.Error!.ShouldContain("id"));
        outcomes[1].ShouldSatisfyAllConditions(o => o.Indexed.ShouldBeFalse(), o => o.Error!.ShouldContain("empty"));
        outcomes[2].ShouldSatisfyAllConditions(o => o.Indexed.ShouldBeTrue(), o => o.Id.ShouldBe(good.Id));
        outcomes[3].ShouldSatisfyAllConditions(o => o.Indexed.ShouldBeFalse(), o => o.Error!.ShouldContain("malformed"));
        outcomes[4].ShouldSatisfyAllConditions(o => o.Indexed.ShouldBeFalse(), o => o.Error!.ShouldContain("English"));
        (await factory.Store.GetAsync(good.Id, TestContext.Current.CancellationToken)).ShouldNotBeNull();
        (await factory.Store.GetAsync(ArticleId.FromText(German), TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task A_wire_table_of_figures_under_a_dateline_is_indexed_as_English_with_what_the_wire_says()
    {
        var table = Raw("NORTHERN TIMBER LTD YEAR NET\n    TORONTO, March 2 -\n    Oper shr 1.25 dlrs vs 80 cts\n    Sales 450.2 mln vs 400.1 mln\n Reuter\n");

        var outcome = (await PostAsync(new[] { table })).ShouldHaveSingleItem();

        outcome.Indexed.ShouldBeTrue();
        var stored = (await factory.Store.GetAsync(table.Id, TestContext.Current.CancellationToken))!;
        stored.Language.ShouldBe("en");
        stored.Source.ShouldBe("Reuters");
        stored.Actors.ShouldContain(a => a.Name == "Canada");
    }

    [Fact]
    public async Task A_batch_enriched_across_the_cores_answers_each_item_in_its_request_position()
    {
        // Bad items between good ones: a result landing in the wrong slot would show as a wrong id or verdict.
        var items = Enumerable.Range(0, 48)
            .Select(i => i % 4 == 0
                ? (Id: $"bad-{i}", Body: (object)new { id = $"bad-{i}", text = "Some text", metadata = new { } })
                : Raw($"{Story}\nParagraph {i} makes this text its own.") is var article ? (article.Id, article) : default)
            .ToList();

        await using var larger = factory.WithWebHostBuilder(builder => builder.UseSetting("Enrichment:MaxBatchSize", "100"));
        using var response = await larger.CreateClient().PostAsJsonAsync("/enrich", items.Select(item => item.Body).ToArray(), ArticleJson.Options, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var outcomes = (await response.Content.ReadFromJsonAsync<EnrichOutcome[]>(ArticleJson.Options, TestContext.Current.CancellationToken))!;

        outcomes.Select(o => o.Id).ShouldBe(items.Select(item => item.Id));
        outcomes.Select(o => o.Indexed).ShouldBe(items.Select(item => !item.Id.StartsWith("bad-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_empty_batch_answers_an_empty_array()
    {
        (await PostAsync(Array.Empty<RawArticle>())).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"id\":\"0123456789abcdef\",\"text\":\"an object, not an array\"}")]
    [InlineData("")]
    public async Task A_malformed_body_gets_a_400_problem(string body)
    {
        var response = await Client.PostAsync("/enrich", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_a_415_problem()
    {
        var response = await Client.PostAsync("/enrich", new StringContent("plain text", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_batch_over_the_configured_size_gets_a_413_problem()
    {
        var batch = Enumerable.Range(0, EnrichmentApiFactory.MaxBatchSize + 1).Select(i => Raw($"{Story}\nCopy {i}.")).ToArray();

        var response = await Client.PostAsJsonAsync("/enrich", batch, ArticleJson.Options, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
