using System.Net;
using NewsSearch.Articles;
using NewsSearch.SearchStore;

namespace NewsSearch.Query.IntegrationTests;

/// <summary>A store of 100,000 articles of about 2 KB each, written the way enrichment writes them.</summary>
public sealed class LargeStoreFixture : IAsyncLifetime
{
    public const int Articles = 100_000;
    private const int Batch = 2_000;

    public string DataDir { get; } = Directory.CreateTempSubdirectory("query-export-").FullName;
    public QueryFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var store = SearchStoreFactory.Create(new SearchStoreOptions { DataDir = DataDir });
        try
        {
            await store.InitializeAsync(CancellationToken.None);
            for (var first = 0; first < Articles; first += Batch)
                await store.UpsertAsync([.. Enumerable.Range(first, Batch).Select(Article)], CancellationToken.None);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
        Factory = new QueryFactory(DataDir);
    }

    private static EnrichedArticle Article(int n) => new()
    {
        Id = n.ToString("x16"),
        Title = $"Border crossing report {n}",
        Body = string.Concat(Enumerable.Repeat($"Traders waited at crossing {n % 97} as officials counted {n} trucks. ", 24)),
        Source = $"Outlet {n % 40}",
        Published = new DateOnly(2024, 1, 1).AddDays(n % 700),
        Url = $"https://example.org/news/{n}",
        Actors = [new ActorMention("Pakistan", ActorType.Country, [], 2, 0), new ActorMention($"Official {n % 300}", ActorType.Person, [], 1, 40)],
        Topics = [new TopicScore("Trade", 0.8)],
    };

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Directory.Delete(DataDir, recursive: true);
    }
}

public sealed class ExportMemoryTests(LargeStoreFixture fixture) : IClassFixture<LargeStoreFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The live managed heap is sampled (after a full collection) every 10,000 rows while the client reads the
    /// download line by line. The download is about 180 MB; the heap may grow by far less. A search
    /// first builds the store's in-memory facet index, which every search shares and which is not the export's cost.
    /// </summary>
    [Fact]
    public async Task Exporting_100_000_articles_with_bodies_streams_in_bounded_memory()
    {
        var client = fixture.Factory.CreateClient();
        (await client.GetAsync("/api/search?size=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0, rows = 0, bytes = 0;

        using var response = await client.GetAsync("/api/search/export?format=ndjson&body=true", HttpCompletionOption.ResponseHeadersRead, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        while (await reader.ReadLineAsync(Ct) is { } line)
        {
            bytes += line.Length;
            if (++rows % 10_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        }

        rows.ShouldBe(LargeStoreFixture.Articles);
        bytes.ShouldBeGreaterThan(150_000_000);
        TestContext.Current.SendDiagnosticMessage($"live heap growth during the export: {peak / 1024} KB");
        peak.ShouldBeLessThan(16 * 1024 * 1024, $"the live heap grew by {peak / 1024 / 1024} MB during the export");
    }
}
