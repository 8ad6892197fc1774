using System.Net.Http.Json;
using System.Text.Json;
using NewsSearch.SearchStore;

namespace NewsSearch.EndToEnd.Tests.Ingest;

/// <summary>
/// Real processes, real crashes: ingest and enrichment run from their builds on a temporary data folder, one of
/// them is SIGKILLed while a few hundred articles are being ingested and then started again, and every id the
/// client saw acknowledged must end up in the search store exactly once.
/// </summary>
public sealed class IngestFaultTests : IAsyncLifetime
{
    private const int Articles = 300;
    private const int BatchSize = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly string _dataDir = Directory.CreateTempSubdirectory("ingest-faults-").FullName;
    private ServiceProcess _enrichment = null!;
    private ServiceProcess _ingest = null!;

    public async ValueTask InitializeAsync()
    {
        _enrichment = await ServiceProcess.StartAsync("Enrichment.Api", new Dictionary<string, string>
        {
            ["Data__Dir"] = _dataDir,
            ["Search__Backend"] = "sqlite",
        });
        _ingest = await ServiceProcess.StartAsync("Ingest.Api", new Dictionary<string, string>
        {
            ["Data__Dir"] = _dataDir,
            ["Seeds__Import"] = "false",
            ["services__enrichment__http__0"] = _enrichment.Url.ToString(),
            ["Ingest__BatchSize"] = "16",
            ["Ingest__BaseRetryDelay"] = "00:00:00.200",
            ["Ingest__MaxRetryDelay"] = "00:00:02",
            ["Http__Resilience__BreakDuration"] = "00:00:01",
        });
    }

    [Fact]
    public async Task Every_acknowledged_article_is_indexed_exactly_once_when_enrichment_is_killed_mid_ingest()
    {
        using var client = new AcknowledgingClient(_ingest.Url);
        var pendingWhileDown = 0;

        await client.SendAsync(Texts(), BatchSize, async batch =>
        {
            if (batch == 8)
            {
                await _enrichment.KillAsync();
            }
            else if (batch == 14)
            {
                pendingWhileDown = (await PipelineAsync()).GetProperty("pending").GetInt32();
                await _enrichment.StartAsync();
            }
        });

        pendingWhileDown.ShouldBeGreaterThan(0, "articles acknowledged while enrichment was down should have waited");

        await ShouldAllBeIndexedOnceAsync(client.Acknowledged.Keys);
    }

    [Fact]
    public async Task Every_acknowledged_article_is_indexed_exactly_once_when_ingest_is_killed_mid_dispatch()
    {
        using var client = new AcknowledgingClient(_ingest.Url);
        var killedWhile = "";

        await client.SendAsync(Texts(), BatchSize, async batch =>
        {
            if (batch == 10)
            {
                killedWhile = (await PipelineAsync()).ToString();
                await _ingest.KillAsync();
                // The client goes on sending into the void meanwhile; it resends what was not acknowledged.
                _ = Task.Delay(1000).ContinueWith(_ => _ingest.StartAsync()).Unwrap();
            }
        });

        client.Resent.ShouldBeGreaterThan(0, $"the kill should have cut off at least one batch (pipeline before the kill: {killedWhile})");
        await ShouldAllBeIndexedOnceAsync(client.Acknowledged.Keys);
    }

    private static List<string> Texts() =>
        [.. Enumerable.Range(0, Articles).Select(n =>
            $"Talks in Istanbul, round {n}\n\n" +
            $"ISTANBUL, Oct. {n % 28 + 1} (Reuters) - Pakistan and Afghanistan resumed talks in Istanbul on day {n} of the mediation by Turkey and Qatar. " +
            $"Pakistan's Defence Minister Khawaja Asif said the ceasefire agreed in Doha must hold, while the Taliban delegation asked for guarantees. " +
            $"Officials said session {n} ended without agreement on cross-border militancy.")];

    private async Task ShouldAllBeIndexedOnceAsync(ICollection<string> acknowledged)
    {
        acknowledged.Count.ShouldBe(Articles, "every article should have been acknowledged in the end");
        var deadline = DateTimeOffset.UtcNow + Patience;
        JsonElement status;
        while (true)
        {
            status = await PipelineAsync();
            if (status.GetProperty("indexed").GetInt32() == Articles && status.GetProperty("pending").GetInt32() == 0)
            {
                break;
            }

            status.GetProperty("failed").GetInt32().ShouldBe(0, status.ToString());
            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, $"not everything was indexed in time: {status}\n{_ingest.OutputTail()}\n{_enrichment.OutputTail()}");
            await Task.Delay(250);
        }

        status.GetProperty("received").GetInt32().ShouldBe(Articles);
        var store = SearchStoreFactory.Create(new SearchStoreOptions { DataDir = _dataDir });
        (await store.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(Articles);
        foreach (var id in acknowledged)
        {
            (await store.GetAsync(id, TestContext.Current.CancellationToken)).ShouldNotBeNull($"acknowledged {id} is not in the search store");
        }
    }

    private async Task<JsonElement> PipelineAsync()
    {
        using var http = new HttpClient { BaseAddress = _ingest.Url, Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetFromJsonAsync<JsonElement>("/api/pipeline");
    }

    public async ValueTask DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _enrichment.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned by the OS eventually.
        }
    }
}
