using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsSearch.Ingest.Benchmarks;

/// <summary>
/// The services under measurement, started from their Release builds as child processes on a fresh data folder:
/// either the whole system through the AppHost (writes go through the gateway, with its API key), or only
/// ingest and enrichment (writes go straight to ingest).
/// </summary>
public sealed class SystemUnderTest : IAsyncDisposable
{
    private readonly List<Process> _processes = [];

    private SystemUnderTest(string dataDir) => DataDir = dataDir;

    public string DataDir { get; }

    /// <summary>Where articles are posted: the gateway, or ingest itself.</summary>
    public Uri WriteUrl { get; private set; } = null!;

    public string? ApiKey { get; private set; }

    public static async Task<SystemUnderTest> StartWholeSystemAsync()
    {
        var system = new SystemUnderTest(Directory.CreateTempSubdirectory("ingest-bench-").FullName);
        var gateway = new Uri($"http://127.0.0.1:{FreePort()}");
        system.Start(Dll("AppHost", "AppHost"), new Dictionary<string, string>(),
            $"--Data:Dir={system.DataDir}", $"--Gateway:Url={gateway.ToString().TrimEnd('/')}", "--Seeds:Import=false",
            $"--AppHost:ParentPid={Environment.ProcessId}");
        await WaitHealthyAsync(gateway, TimeSpan.FromMinutes(3));
        system.WriteUrl = gateway;
        system.ApiKey = File.ReadAllText(Path.Combine(system.DataDir, "api-key")).Trim();
        return system;
    }

    public static async Task<SystemUnderTest> StartIngestAndEnrichmentAsync(int batchSize)
    {
        var system = new SystemUnderTest(Directory.CreateTempSubdirectory("ingest-bench-").FullName);
        var enrichment = new Uri($"http://127.0.0.1:{FreePort()}");
        var ingest = new Uri($"http://127.0.0.1:{FreePort()}");
        system.Start(Dll("src", "Enrichment.Api"), new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = enrichment.ToString().TrimEnd('/'),
            ["Data__Dir"] = system.DataDir,
        });
        await WaitHealthyAsync(enrichment, TimeSpan.FromMinutes(2));
        system.Start(Dll("src", "Ingest.Api"), new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = ingest.ToString().TrimEnd('/'),
            ["Data__Dir"] = system.DataDir,
            ["Seeds__Import"] = "false",
            ["Ingest__BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["services__enrichment__http__0"] = enrichment.ToString(),
        });
        await WaitHealthyAsync(ingest, TimeSpan.FromMinutes(2));
        system.WriteUrl = ingest;
        return system;
    }

    private void Start(string dll, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Per-request logs would cost the services CPU that belongs to the measurement.
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info)!;
        // Drained, or a full pipe would block the service.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                Console.Error.WriteLine($"[{Path.GetFileNameWithoutExtension(dll)}] {text}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private static async Task WaitHealthyAsync(Uri service, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(service, "/health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{service} was not healthy within {timeout}");
    }

    private static string Dll(string folder, string project)
    {
        var root = RepositoryRoot();
        var directory = folder == "src" ? Path.Combine(root, "src", project) : Path.Combine(root, project);
        var dll = Path.Combine(directory, "bin", "Release", "net10.0", project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: run the benchmark with -c Release (it builds the services)");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Search.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Search.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
