using System.Diagnostics;
using System.Text.Json.Nodes;
using NewsSearch.SearchStore.Elasticsearch.Tests.Fakes;

namespace NewsSearch.SearchStore.Elasticsearch.Tests;

/// <summary>Time limits, backpressure and failover: what the store does when the cluster is slow, busy or partly down.</summary>
public sealed class ResilienceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static FakeElasticsearch Cluster() => new FakeElasticsearch().WithIndex("news-v2", "news", Samples.CurrentMappings);

    [Fact]
    public async Task A_search_past_its_time_limit_is_cancelled_on_the_wire_at_the_limit()
    {
        var fake = Cluster();
        fake.Hold = new TaskCompletionSource();
        using var store = Samples.Store(fake);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var search = store.SearchAsync(new SearchRequest(), limit.Token);
        await fake.Held.Task.WaitAsync(Token);
        var clock = Stopwatch.StartNew();
        limit.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(() => search);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "the store answers at the limit, not when the cluster does");
        fake.Cancelled.ShouldBe(1, "the request to the cluster itself is cancelled, not left running");
    }

    [Fact]
    public async Task A_whole_batch_pushed_back_with_429_is_sent_again_after_a_backoff()
    {
        var fake = Cluster();
        fake.Enqueue("bulk", FakeResponse.Json(429, new JsonObject
        {
            ["error"] = new JsonObject { ["type"] = "es_rejected_execution_exception", ["reason"] = "rejected execution of coordinating operation" },
            ["status"] = 429,
        }));
        using var store = Samples.Store(fake);

        var result = await store.UpsertAsync([Samples.Article("a"), Samples.Article("b")], Token);

        result.Indexed.ShouldBe(2);
        result.Failed.ShouldBeEmpty();
        fake.For("bulk").Count().ShouldBe(2);
    }

    [Fact]
    public async Task A_node_that_does_not_answer_is_left_for_the_next_node_by_the_clients_own_retry()
    {
        var fake = Cluster();
        fake.Enqueue("count", FakeResponse.Throws(new HttpRequestException("connection refused")));
        using var store = Samples.Store(fake, Samples.Options("http://h1:9200,http://h2:9200"));

        (await store.CountAsync(Token)).ShouldBe(0);

        var counts = fake.For("count").ToList();
        counts.Count.ShouldBe(2);
        counts[0].Host.ShouldNotBe(counts[1].Host);
    }
}
