using System.Net.Http.Json;
using System.Text;
using NewsSearch.Articles;
using NewsSearch.Ingest.Api;

namespace NewsSearch.Ingest.IntegrationTests;

/// <summary>One ingest service with its own data folder and its own fake enrichment, restartable on the same data.</summary>
public sealed class IngestHarness : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempDir _data = new();
    private readonly IReadOnlyDictionary<string, string?>? _settings;
    private IngestFactory _factory;

    private IngestHarness(FakeEnrichment enrichment, IReadOnlyDictionary<string, string?>? settings)
    {
        Enrichment = enrichment;
        _settings = settings;
        _factory = new IngestFactory(enrichment.Url, _data.Path, settings);
        Client = _factory.CreateClient();
    }

    public FakeEnrichment Enrichment { get; }

    public HttpClient Client { get; private set; }

    public string DataDir => _data.Path;

    public static async Task<IngestHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        new(await FakeEnrichment.StartAsync(), settings);

    /// <summary>Stops the service and starts a new one on the same data folder.</summary>
    public async Task RestartAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        _factory = new IngestFactory(Enrichment.Url, _data.Path, _settings);
        Client = _factory.CreateClient();
    }

    public Task<HttpResponseMessage> PostTextAsync(string text) =>
        Client.PostAsync("/api/articles", new StringContent(text, Encoding.UTF8, "text/plain"));

    public async Task<SubmitResult> SubmitAsync(string text)
    {
        using var response = await PostTextAsync(text);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SubmitResult>(ArticleJson.Options))!;
    }

    public async Task<PipelineStatus> PipelineAsync() =>
        (await Client.GetFromJsonAsync<PipelineStatus>("/api/pipeline", ArticleJson.Options))!;

    /// <summary>Polls until the pipeline satisfies <paramref name="condition"/>; fails with the last status seen.</summary>
    public async Task<PipelineStatus> WaitForAsync(Func<PipelineStatus, bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var status = await PipelineAsync();
            if (condition(status))
            {
                return status;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new ShouldAssertException($"The pipeline never reached the expected state; last seen: {status}");
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await Enrichment.DisposeAsync();
        _data.Dispose();
    }
}

public static class Corpus
{
    /// <summary>Distinct article texts (distinct ids) for tests that need many.</summary>
    public static string Article(int n) =>
        $"Article {n}: delegations met in Istanbul for round {n} of the talks.\n\nOfficials said progress was slow on day {n}.";
}
