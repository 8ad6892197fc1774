using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsSearch.Articles;
using NewsSearch.SearchStore;
using NewsSearch.SearchStore.Conformance;

namespace NewsSearch.Query.IntegrationTests;

public sealed class ResilienceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_search_store_file_searches_answer_empty_results()
    {
        var dataDir = Directory.CreateTempSubdirectory("query-empty-").FullName;
        try
        {
            await using var factory = new QueryFactory(dataDir);
            using var client = factory.CreateClient();

            var search = await client.GetAsync("/api/search?q=Istanbul", Ct);
            var suggest = await client.GetAsync("/api/suggest?q=pak", Ct);
            var article = await client.GetAsync("/api/articles/0123456789abcdef", Ct);
            var health = await client.GetAsync("/health", Ct);

            search.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await search.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("total").GetInt64().ShouldBe(0);
            suggest.StatusCode.ShouldBe(HttpStatusCode.OK);
            article.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            health.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task A_search_past_the_time_limit_gets_a_503_problem_even_if_the_store_ignores_cancellation()
    {
        var dataDir = Directory.CreateTempSubdirectory("query-slow-").FullName;
        try
        {
            await using var factory = new QueryFactory(dataDir, new Dictionary<string, string?> { ["Query:Timeout"] = "00:00:00.200" });
            await using var slow = factory.WithWebHostBuilder(builder =>
                builder.ConfigureTestServices(services => services.AddSingleton<ISearchStore>(new StuckStore())));
            using var client = slow.CreateClient();

            var search = await client.GetAsync("/api/search?q=Istanbul", Ct);
            var similar = await client.GetAsync("/api/articles/0123456789abcdef/similar", Ct);

            search.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            search.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            similar.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task A_search_past_the_time_limit_is_stopped_in_the_real_store_with_a_503_and_the_next_search_is_answered()
    {
        var dataDir = Directory.CreateTempSubdirectory("query-costly-").FullName;
        try
        {
            await TestStore.CreateAsync(dataDir, CostlyQueryCorpus.Articles());
            await using var factory = new QueryFactory(dataDir, new Dictionary<string, string?> { ["Query:Timeout"] = "00:00:02" });
            using var client = factory.CreateClient();

            // The store answers on the request's thread: a 503 rather than a late 200 means SQLite stopped the query.
            var costly = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(CostlyQueryCorpus.Query), Ct);
            var next = await client.GetAsync("/api/search?q=" + CostlyQueryCorpus.Word(7), Ct);

            costly.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await costly.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString().ShouldBe("Search took too long");
            next.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await next.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("total").GetInt64().ShouldBe(1);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task A_failing_store_gets_a_503_problem_without_details()
    {
        var dataDir = Directory.CreateTempSubdirectory("query-broken-").FullName;
        try
        {
            await using var factory = new QueryFactory(dataDir);
            await using var broken = factory.WithWebHostBuilder(builder =>
                builder.ConfigureTestServices(services => services.AddSingleton<ISearchStore>(new BrokenStore())));
            using var client = broken.CreateClient();

            var response = await client.GetAsync("/api/search?q=Istanbul", Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("secret-connection-detail");
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>A store whose reads never finish and ignore their cancellation token.</summary>
    private sealed class StuckStore : ISearchStore
    {
        private static readonly TaskCompletionSource Never = new();

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<UpsertResult> UpsertAsync(IReadOnlyList<EnrichedArticle> articles, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();
        public async Task<EnrichedArticle?> GetAsync(string id, CancellationToken cancellationToken) { await Never.Task; return null; }
        public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult(0L);
        public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(new StoreHealth(true, "stuck"));
        public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken) { await Never.Task; throw new InvalidOperationException(); }
        public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken) { await Never.Task; return []; }
        public async Task<IReadOnlyList<SearchHit>> SimilarAsync(string id, int limit, CancellationToken cancellationToken) { await Never.Task; return []; }
        public IAsyncEnumerable<MatchedArticle> MatchesAsync(SearchRequest request, CancellationToken cancellationToken) => Forever<MatchedArticle>();
        public IAsyncEnumerable<EnrichedArticle> MatchedArticlesAsync(SearchRequest request, bool withBody, CancellationToken cancellationToken) => Forever<EnrichedArticle>();
        public async Task<StoryDetail?> StoryAsync(string id, CancellationToken cancellationToken) { await Never.Task; return null; }

        private static async IAsyncEnumerable<T> Forever<T>()
        {
            await Never.Task;
            yield break;
        }
    }

    private sealed class BrokenStore : ISearchStore
    {
        private static InvalidOperationException Failure() => new("secret-connection-detail");

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<UpsertResult> UpsertAsync(IReadOnlyList<EnrichedArticle> articles, CancellationToken cancellationToken) => throw Failure();
        public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => throw Failure();
        public Task<EnrichedArticle?> GetAsync(string id, CancellationToken cancellationToken) => throw Failure();
        public Task<long> CountAsync(CancellationToken cancellationToken) => throw Failure();
        public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken) => throw Failure();
        public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken) => throw Failure();
        public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken) => throw Failure();
        public Task<IReadOnlyList<SearchHit>> SimilarAsync(string id, int limit, CancellationToken cancellationToken) => throw Failure();
        public IAsyncEnumerable<MatchedArticle> MatchesAsync(SearchRequest request, CancellationToken cancellationToken) => throw Failure();
        public IAsyncEnumerable<EnrichedArticle> MatchedArticlesAsync(SearchRequest request, bool withBody, CancellationToken cancellationToken) => throw Failure();
        public Task<StoryDetail?> StoryAsync(string id, CancellationToken cancellationToken) => throw Failure();
    }
}
