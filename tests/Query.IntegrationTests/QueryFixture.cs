using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NewsSearch.Query.IntegrationTests;

/// <summary>The query service over a temporary data directory holding the crafted articles.</summary>
public sealed class QueryFixture : IAsyncLifetime
{
    public string DataDir { get; } = Directory.CreateTempSubdirectory("query-tests-").FullName;
    public QueryFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await TestStore.CreateAsync(DataDir, TestArticles.All);
        Factory = new QueryFactory(DataDir);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Directory.Delete(DataDir, recursive: true);
    }
}

public sealed class QueryFactory(string dataDir, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Data:Dir", dataDir);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Generous, so a loaded CI machine cannot turn a slow search into a failed test; one test sets its own.
        builder.UseSetting("Query:Timeout", "00:00:30");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }
}
