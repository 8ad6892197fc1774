using System.Net;
using System.Net.Http.Json;
using NewsSearch.Articles;

namespace NewsSearch.Enrichment.IntegrationTests;

public sealed class IndexEndpointTests(EnrichmentApiFactory factory) : IClassFixture<EnrichmentApiFactory>
{
    private const string Story = """
        Parliament Passes the Budget
        The national parliament approved the budget on Thursday after a long debate, the finance minister said.
        """;

    [Fact]
    public async Task Deleting_an_indexed_article_removes_it_and_a_second_delete_is_404()
    {
        var client = factory.CreateClient();
        var article = new RawArticle(ArticleId.FromText(Story), Story, ArticleMetadata.None);
        (await client.PostAsJsonAsync("/enrich", new[] { article }, ArticleJson.Options, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var first = await client.DeleteAsync($"/index/{article.Id}", TestContext.Current.CancellationToken);
        var second = await client.DeleteAsync($"/index/{article.Id}", TestContext.Current.CancellationToken);

        first.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await factory.Store.GetAsync(article.Id, TestContext.Current.CancellationToken)).ShouldBeNull();
        second.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        second.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Deleting_with_a_malformed_id_gets_a_400_problem()
    {
        var response = await factory.CreateClient().DeleteAsync("/index/DROP%20TABLE", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
