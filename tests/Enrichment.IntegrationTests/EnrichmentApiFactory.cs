using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsSearch.SearchStore;

namespace NewsSearch.Enrichment.IntegrationTests;

/// <summary>The enrichment service in memory, with its own data directory that disappears afterwards.</summary>
public class EnrichmentApiFactory : WebApplicationFactory<Program>
{
    public const int MaxBatchSize = 5;

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "enrichment-it-" + Guid.NewGuid().ToString("N"));

    public ISearchStore Store => Services.GetRequiredService<ISearchStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Data:Dir", _dataDir);
        builder.UseSetting("Search:Backend", "sqlite");
        builder.UseSetting("Enrichment:MaxBatchSize", MaxBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL file for a moment; a temp folder left behind is harmless.
        }
    }
}
