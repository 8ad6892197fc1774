using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace NewsSearch.Ingest.IntegrationTests;

/// <summary>The ingest service in-process, on its own temporary data folder, delivering to <paramref name="enrichment"/>.</summary>
public sealed class IngestFactory(Uri enrichment, string dataDir, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Data:Dir"] = dataDir,
            ["Seeds:Import"] = "false",
            ["services:enrichment:http:0"] = enrichment.ToString(),
            ["Ingest:BaseRetryDelay"] = "00:00:00.050",
            ["Ingest:MaxRetryDelay"] = "00:00:00.200",
            ["Ingest:MaxAttempts"] = "3",
            // Outages in these tests are short; a circuit left open for the default 5 s only slows them down.
            ["Http:Resilience:CircuitBreaker:BreakDuration"] = "00:00:00.500",
            ["Http:Resilience:Retry:Delay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(configuration));
    }
}

/// <summary>A temporary folder removed after the test.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ingest-tests-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the OS temp folder is cleaned eventually.
        }
    }
}
