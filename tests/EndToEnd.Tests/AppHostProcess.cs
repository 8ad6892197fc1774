using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using NewsSearch.AppHost.Hosting;
using NewsSearch.ServiceDefaults;

namespace NewsSearch.EndToEnd.Tests;

/// <summary>
/// The real system for a test: the built AppHost run as a process (`dotnet AppHost.dll`) on its own data
/// directory and gateway port, exactly as `dotnet run --project AppHost` runs it. Disposing it stops the
/// AppHost and kills anything it started that is still alive, even when the test failed.
/// </summary>
/// <example>
/// <code>
/// await using var system = await AppHostProcess.StartAsync();
/// using var client = system.CreateGatewayClient();           // base address = gateway, X-Api-Key set
/// var response = await client.PostAsync("/api/articles", ...);
/// await system.KillResourceAsync("enrichment");              // a fault; the AppHost restarts it
/// await system.WaitForResourceAsync("enrichment", "Healthy");
/// </code>
/// </example>
public sealed class AppHostProcess : IAsyncDisposable
{
    /// <summary>Generous on purpose: a loaded two-core machine starting six .NET processes.</summary>
    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromMinutes(3);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Process process;
    private readonly bool ownsDataDir;
    private readonly ConcurrentQueue<string> output = new();
    private readonly ConcurrentDictionary<int, byte> childPids = new();

    private AppHostProcess(Process process, string dataDir, bool ownsDataDir, Uri gatewayUrl)
    {
        this.process = process;
        this.ownsDataDir = ownsDataDir;
        DataDir = dataDir;
        GatewayUrl = gatewayUrl;
    }

    public string DataDir { get; }

    public Uri GatewayUrl { get; }

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The key the AppHost created (or reused) in <c>{DataDir}/api-key</c>; accepted on write routes.</summary>
    public string ApiKey => File.ReadAllText(Path.Combine(DataDir, "api-key")).Trim();

    /// <summary>Everything the AppHost printed so far (its own lines and every service's, prefixed).</summary>
    public IReadOnlyList<string> Output => [.. output];

    public string OutputTail(int lines = 80) => string.Join('\n', output.TakeLast(lines));

    /// <summary>
    /// Starts the AppHost and waits until every service is healthy. <paramref name="dataDir"/> defaults to a new
    /// temporary directory (deleted on dispose); <paramref name="gatewayPort"/> to a free port;
    /// <paramref name="extraArgs"/> are more <c>--Key=Value</c> settings (e.g. <c>--Seeds:Import=false</c>).
    /// </summary>
    public static async Task<AppHostProcess> StartAsync(
        string? dataDir = null,
        int? gatewayPort = null,
        IEnumerable<string>? extraArgs = null,
        TimeSpan? readyTimeout = null,
        CancellationToken cancellationToken = default)
    {
        var system = Launch(dataDir, gatewayPort, extraArgs);
        try
        {
            await system.WaitUntilReadyAsync(readyTimeout ?? DefaultReadyTimeout, cancellationToken);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the AppHost without waiting; follow with <see cref="WaitUntilReadyAsync"/>.</summary>
    public static AppHostProcess Launch(string? dataDir = null, int? gatewayPort = null, IEnumerable<string>? extraArgs = null)
    {
        var ownsDataDir = dataDir is null;
        dataDir ??= Directory.CreateTempSubdirectory("newssearch-e2e-").FullName;
        var gatewayUrl = new Uri($"http://127.0.0.1:{gatewayPort ?? FreePort()}");

        var info = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(AppHostDll())!,
        };
        info.ArgumentList.Add(AppHostDll());
        info.ArgumentList.Add($"--Data:Dir={dataDir}");
        info.ArgumentList.Add($"--Gateway:Url={gatewayUrl.GetLeftPart(UriPartial.Authority)}");
        // If the test runner dies, the AppHost stops too (and with it every service).
        info.ArgumentList.Add($"--AppHost:ParentPid={Environment.ProcessId}");
        foreach (var arg in extraArgs ?? [])
        {
            info.ArgumentList.Add(arg);
        }
        // Plain text for assertions, whatever the developer's terminal settings.
        info.Environment["NO_COLOR"] = "1";

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var system = new AppHostProcess(process, dataDir, ownsDataDir, gatewayUrl);
        process.OutputDataReceived += (_, line) => system.Record(line.Data);
        process.ErrorDataReceived += (_, line) => system.Record(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return system;
    }

    /// <summary>Waits for the state file to say every service is healthy and for the gateway to answer /health.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The AppHost exited with code {process.ExitCode} before it was ready:\n{OutputTail()}");
                }
                if (ReadState() is { Ready: true })
                {
                    try
                    {
                        using var health = await http.GetAsync(new Uri(GatewayUrl, "/health"), deadline.Token);
                        if (health.IsSuccessStatusCode)
                        {
                            return;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // The gateway restarts or is still binding; try again.
                    }
                    catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
                    {
                        // One probe timed out on a busy machine.
                    }
                }
                await Task.Delay(250, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The system was not ready within {timeout}:\n{OutputTail()}");
        }
    }

    /// <summary>Waits until the AppHost (or a service, through it) has printed a line that satisfies <paramref name="match"/>.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? DefaultReadyTimeout);
        try
        {
            while (true)
            {
                if (output.FirstOrDefault(match) is { } line)
                {
                    return line;
                }
                await Task.Delay(100, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No such output line within {timeout ?? DefaultReadyTimeout}:\n{OutputTail()}");
        }
    }

    /// <summary>The AppHost's state file (<c>{DataDir}/apphost.json</c>): every resource's URL, PID and state.</summary>
    public AppHostState? ReadState()
    {
        var path = Path.Combine(DataDir, "apphost.json");
        try
        {
            var state = JsonSerializer.Deserialize<AppHostState>(File.ReadAllText(path), Json);
            foreach (var pid in state?.Resources.Select(resource => resource.Pid).OfType<int>() ?? [])
            {
                childPids.TryAdd(pid, 0);
            }
            return state;
        }
        catch (Exception exception) when (exception is IOException or JsonException)
        {
            return null;
        }
    }

    public ResourceState Resource(string name) =>
        ReadState()?.Resources.SingleOrDefault(resource => resource.Name == name)
        ?? throw new InvalidOperationException($"No resource '{name}' in the AppHost's state:\n{OutputTail()}");

    /// <summary>Every service process the AppHost has started while this object watched it.</summary>
    public IReadOnlyCollection<int> ChildPids
    {
        get
        {
            ReadState();
            return [.. childPids.Keys];
        }
    }

    /// <summary>An HttpClient for the gateway, with the API key header unless told otherwise.</summary>
    public HttpClient CreateGatewayClient(bool withApiKey = true)
    {
        var client = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(60) };
        if (withApiKey)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        }
        return client;
    }

    /// <summary>An HttpClient straight to one service, past the gateway.</summary>
    public HttpClient CreateResourceClient(string name) =>
        new() { BaseAddress = new Uri(Resource(name).Url), Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>SIGKILLs one service, as a crash would; the AppHost is expected to restart it.</summary>
    public void KillResource(string name)
    {
        var pid = Resource(name).Pid ?? throw new InvalidOperationException($"'{name}' has no process right now.");
        using var child = Process.GetProcessById(pid);
        child.Kill();
    }

    /// <summary>Waits until a resource is in <paramref name="state"/> (e.g. "Healthy") and <paramref name="condition"/> holds.</summary>
    public async Task<ResourceState> WaitForResourceAsync(
        string name, string state, Func<ResourceState, bool>? condition = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? DefaultReadyTimeout);
        try
        {
            while (true)
            {
                if (ReadState()?.Resources.SingleOrDefault(resource => resource.Name == name) is { } current &&
                    current.State == state && (condition?.Invoke(current) ?? true))
                {
                    return current;
                }
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The AppHost exited with code {process.ExitCode}:\n{OutputTail()}");
                }
                await Task.Delay(250, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"'{name}' did not reach {state} within {timeout ?? DefaultReadyTimeout}:\n{OutputTail()}");
        }
    }

    /// <summary>Sends SIGTERM (as a service manager or Ctrl+C would) and waits for the AppHost to exit; its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        ReadState();
        if (!process.HasExited)
        {
            _ = kill(process.Id, SigTerm);
            using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(deadline.Token);
        }
        return process.ExitCode;
    }

    /// <summary>SIGKILLs the AppHost alone: it gets no chance to stop its services.</summary>
    public async Task KillAppHostAsync()
    {
        ReadState();
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    /// <summary>True while any process the AppHost started still runs.</summary>
    public IReadOnlyList<int> LiveChildPids() => [.. childPids.Keys.Where(ProcessLiveness.IsAlive)];

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                await StopAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (OperationCanceledException)
        {
            // Did not stop in time; killed below.
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            foreach (var pid in LiveChildPids())
            {
                try
                {
                    using var child = Process.GetProcessById(pid);
                    child.Kill(entireProcessTree: true);
                }
                catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
                {
                    // Gone in the meantime.
                }
            }
            process.Dispose();
            if (ownsDataDir)
            {
                try
                {
                    Directory.Delete(DataDir, recursive: true);
                }
                catch (IOException)
                {
                    // A service still closing a file; the OS cleans temp.
                }
            }
        }
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    /// <summary>The AppHost as built next to this test project's configuration (bin/&lt;Configuration&gt;/&lt;tfm&gt;).</summary>
    private static string AppHostDll()
    {
        var assembly = typeof(DistributedApplication).Assembly;
        string Metadata(string key) => assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "AppHost", "bin", Metadata("Configuration"), Metadata("TargetFramework"), "AppHost.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The AppHost is not built at {dll}.");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, AppHostSettings.SolutionFile)))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No {AppHostSettings.SolutionFile} above {AppContext.BaseDirectory}.");
    }

    private static string DotnetHost()
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var candidate = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", executable));
        return File.Exists(candidate) ? candidate : executable;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
