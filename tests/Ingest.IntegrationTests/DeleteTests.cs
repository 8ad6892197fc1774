using System.Net;

namespace NewsSearch.Ingest.IntegrationTests;

public sealed class DeleteTests
{
    [Fact]
    public async Task Deleting_an_article_removes_it_from_the_index_and_the_raw_store()
    {
        await using var ingest = await IngestHarness.StartAsync();
        var article = await ingest.SubmitAsync(Corpus.Article(1));
        await ingest.WaitForAsync(status => status.Indexed == 1);

        using var response = await ingest.Client.DeleteAsync($"/api/articles/{article.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        ingest.Enrichment.Deleted.ShouldContain(article.Id);
        ingest.Enrichment.Indexed.ShouldNotContainKey(article.Id);
        (await ingest.PipelineAsync()).Received.ShouldBe(0);
    }

    [Fact]
    public async Task A_deleted_article_can_be_submitted_again_as_new()
    {
        await using var ingest = await IngestHarness.StartAsync();
        var article = await ingest.SubmitAsync(Corpus.Article(1));
        await ingest.WaitForAsync(status => status.Indexed == 1);
        (await ingest.Client.DeleteAsync($"/api/articles/{article.Id}")).Dispose();

        var again = await ingest.SubmitAsync(Corpus.Article(1));

        again.Duplicate.ShouldBeFalse();
        await ingest.WaitForAsync(status => status.Indexed == 1);
    }

    [Fact]
    public async Task Deleting_an_unknown_article_gets_404()
    {
        await using var ingest = await IngestHarness.StartAsync();

        using var response = await ingest.Client.DeleteAsync("/api/articles/0123456789abcdef");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("0123456789ABCDEF")]
    [InlineData("0123456789abcdef0")]
    [InlineData("%27%3B%20DROP%20TABLE%20articles")]
    public async Task Deleting_with_a_malformed_id_gets_400(string id)
    {
        await using var ingest = await IngestHarness.StartAsync();
        await ingest.SubmitAsync(Corpus.Article(1));

        using var response = await ingest.Client.DeleteAsync($"/api/articles/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await ingest.PipelineAsync()).Received.ShouldBe(1);
    }

    [Fact]
    public async Task A_deletion_while_enrichment_is_down_is_accepted_and_finished_when_it_is_back()
    {
        await using var ingest = await IngestHarness.StartAsync();
        var article = await ingest.SubmitAsync(Corpus.Article(1));
        await ingest.WaitForAsync(status => status.Indexed == 1);
        ingest.Enrichment.Outage = _ => 503;

        using var response = await ingest.Client.DeleteAsync($"/api/articles/{article.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await ingest.PipelineAsync()).Received.ShouldBe(0);
        ingest.Enrichment.Indexed.ShouldContainKey(article.Id);
        ingest.Enrichment.Outage = _ => null;
        await WaitUntilAsync(() => !ingest.Enrichment.Indexed.ContainsKey(article.Id));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!condition())
        {
            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, "the condition never came true");
            await Task.Delay(25);
        }
    }
}
