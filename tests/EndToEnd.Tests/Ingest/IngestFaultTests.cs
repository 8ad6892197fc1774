using System.Net.Http.Json;
using System.Text.Json;
using NewsSearch.SearchStore;

namespace NewsSearch.EndToEnd.Tests.Ingest;

/// <summary>Quick retries, and no seeds, so the store holds exactly what the fault tests sent.</summary>
public sealed class FaultSystem : AspireSystem
{
    protected override IEnumerable<string> Settings =>
    [
        "--Seeds:Import=false",
        "--Ingest:BatchSize=16",
        "--Ingest:BaseRetryDelay=00:00:00.200",
        "--Ingest:MaxRetryDelay=00:00:02",
        "--Http:Resilience:CircuitBreaker:BreakDuration=00:00:01",
    ];
}

/// <summary>
/// Real processes, real crashes: a client sends a few hundred articles through the gateway while enrichment or
/// ingest is SIGKILLed; the AppHost starts the service again, and every id the client saw acknowledged must end
/// up in the search store exactly once.
/// </summary>
public sealed class IngestFaultTests(FaultSystem system) : IClassFixture<FaultSystem>
{
    private const int Articles = 300;
    private const int BatchSize = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Every_acknowledged_article_is_indexed_exactly_once_when_enrichment_is_killed_mid_ingest()
    {
        using var client = new AcknowledgingClient(await system.GatewayAsync());
        var pendingAfterKill = 0;

        await client.SendAsync(Texts("enrichment"), BatchSize, async batch =>
        {
            if (batch == 8)
            {
                Processes.Kill(system.ServiceProcessId("enrichment"));
            }
            else if (batch == 9)
            {
                pendingAfterKill = (await PipelineAsync()).GetProperty("pending").GetInt32();
            }
        });

        pendingAfterKill.ShouldBeGreaterThan(0, "articles acknowledged while enrichment was down should have waited");
        await ShouldAllBeIndexedOnceAsync(client.Acknowledged.Keys);
    }

    [Fact]
    public async Task Every_acknowledged_article_is_indexed_exactly_once_when_ingest_is_killed_mid_dispatch()
    {
        using var client = new AcknowledgingClient(await system.GatewayAsync());
        var killed = 0;
        var pendingAtKill = 0;
        var killedWhile = "";

        await client.SendAsync(Texts("ingest"), BatchSize, async batch =>
        {
            if (batch == 10)
            {
                var pipeline = await PipelineAsync();
                killedWhile = pipeline.ToString();
                pendingAtKill = pipeline.GetProperty("pending").GetInt32();
                // The client goes on sending into the void meanwhile; it resends what was not acknowledged.
                killed = system.ServiceProcessId("ingest");
                Processes.Kill(killed);
            }
        });

        // The kill mattered: ingest died holding undelivered articles, or the client saw requests cut off (whether the
        // next request lands in the dead window depends on how fast the host restarts ingest, so either will do).
        Processes.IsAlive(killed).ShouldBeFalse("the ingest process should have died");
        (pendingAtKill + client.Resent).ShouldBeGreaterThan(0, $"the kill should have cut off delivery or a batch (pipeline before the kill: {killedWhile})");
        await ShouldAllBeIndexedOnceAsync(client.Acknowledged.Keys);
        system.ServiceProcessId("ingest").ShouldNotBe(killed, "the AppHost should have started ingest again");
    }

    /// <summary>Texts of their own per test (<paramref name="run"/>), since both tests share one system.</summary>
    private static List<string> Texts(string run) =>
        [.. Enumerable.Range(0, Articles).Select(n =>
            $"Talks in Istanbul, round {n} ({run} run)\n\n" +
            $"ISTANBUL, Oct. {n % 28 + 1} (Reuters) - Pakistan and Afghanistan resumed talks in Istanbul on day {n} of the mediation by Turkey and Qatar. " +
            $"Pakistan's Defence Minister Khawaja Asif said the ceasefire agreed in Doha must hold, while the Taliban delegation asked for guarantees. " +
            $"Officials said session {n} ended without agreement on cross-border militancy.")];

    /// <summary>Delivery has settled (nothing pending or failed), the store holds every article ingest received, and each acknowledged one.</summary>
    private async Task ShouldAllBeIndexedOnceAsync(ICollection<string> acknowledged)
    {
        acknowledged.Count.ShouldBe(Articles, "every article should have been acknowledged in the end");
        var deadline = DateTimeOffset.UtcNow + Patience;
        JsonElement status;
        while (true)
        {
            status = await PipelineAsync();
            if (status.GetProperty("pending").GetInt32() == 0 && status.GetProperty("indexed").GetInt32() == status.GetProperty("received").GetInt32())
            {
                break;
            }

            status.GetProperty("failed").GetInt32().ShouldBe(0, status.ToString());
            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, $"not everything was indexed in time: {status}");
            await Task.Delay(250);
        }

        var store = SearchStoreFactory.Create(new SearchStoreOptions { DataDir = system.DataDir });
        (await store.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(status.GetProperty("received").GetInt32());
        foreach (var id in acknowledged)
        {
            (await store.GetAsync(id, TestContext.Current.CancellationToken)).ShouldNotBeNull($"acknowledged {id} is not in the search store");
        }
    }

    private async Task<JsonElement> PipelineAsync()
    {
        using var gateway = await system.GatewayAsync(withApiKey: false);
        return await gateway.GetFromJsonAsync<JsonElement>("/api/pipeline");
    }
}
