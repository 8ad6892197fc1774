using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using NewsSearch.EndToEnd.Tests;

[assembly: AssemblyFixture(typeof(NewsSearch.Browser.Tests.SiteFixture))]

namespace NewsSearch.Browser.Tests;

/// <summary>
/// The real system, as a user gets it: the AppHost on a temporary data directory and a free gateway port,
/// importing the seed folder on start. Ready once every seed is searchable through the gateway.
/// </summary>
public sealed class SiteFixture : AspireSystem
{
    private static readonly TimeSpan IndexingTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The dashboard tests look at this same system.</summary>
    protected override bool WithDashboard => true;

    public string BaseUrl => App.GetEndpoint("gateway", "http").GetLeftPart(UriPartial.Authority);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await WaitUntilSeedsAreSearchableAsync();
    }

    private async Task WaitUntilSeedsAreSearchableAsync()
    {
        var seeds = Directory.GetFiles(Path.Combine(Artifacts.RepositoryRoot(), "seeds")).Length;
        using var client = await GatewayAsync(withApiKey: false);
        using var deadline = new CancellationTokenSource(IndexingTimeout);
        long total = 0;
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                var result = await client.GetFromJsonAsync<SearchTotal>("/api/search?size=1", deadline.Token);
                total = result?.Total ?? 0;
                if (total >= seeds) return;
            }
            catch (HttpRequestException)
            {
                // Still starting or restarting a service; ask again.
            }
            await Task.Delay(500, CancellationToken.None);
        }
        throw new TimeoutException($"Only {total} of {seeds} seed articles became searchable within {IndexingTimeout}.");
    }

    private sealed record SearchTotal(long Total);
}
