using System.Diagnostics;
using System.Net.Sockets;

namespace NewsSearch.EndToEnd.Tests;

/// <summary>
/// The AppHost as an operator runs it, a process of its own, stopped the two ways an operator or a service
/// manager stops it. Nothing it started (DCP, the dashboard, the services and their launchers) may be left.
/// </summary>
public sealed class StoppingTests
{
    /// <summary>A tolerance for a loaded machine, not a speed requirement.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SIGTERM_stops_every_service_and_the_AppHost_exits_leaving_no_process_behind()
    {
        await using var appHost = await AppHostProcess.StartAsync(Cancellation);
        var started = appHost.SystemProcesses();
        started.Count.ShouldBeGreaterThanOrEqualTo(AspireSystem.Services.Length + 2, "the services, DCP and the dashboard");

        Processes.Kill(appHost.Pid, Processes.SigTerm);

        await appHost.WaitForExitAsync(Patience);
        await WaitUntilGoneAsync(started);
    }

    [Fact]
    public async Task Killing_the_AppHost_with_SIGKILL_takes_every_service_down_by_itself()
    {
        await using var appHost = await AppHostProcess.StartAsync(Cancellation);
        var started = appHost.SystemProcesses();
        started.Count.ShouldBeGreaterThanOrEqualTo(AspireSystem.Services.Length + 2, "the services, DCP and the dashboard");

        Processes.Kill(appHost.Pid, Processes.SigKill);

        await WaitUntilGoneAsync(started);
    }

    private static async Task WaitUntilGoneAsync(IReadOnlyCollection<int> processes)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        deadline.CancelAfter(Patience);
        while (processes.Any(Processes.IsAlive) && !deadline.IsCancellationRequested)
        {
            await Task.Delay(250, CancellationToken.None);
        }
        processes.Where(Processes.IsAlive).ShouldBeEmpty();
    }
}

/// <summary>The built AppHost started as <c>dotnet AppHost.dll</c> on its own data directory, gateway and dashboard ports.</summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;

    private AppHostProcess(Process process, string dataDir)
    {
        _process = process;
        _dataDir = dataDir;
    }

    public int Pid => _process.Id;

    public static async Task<AppHostProcess> StartAsync(CancellationToken cancellationToken)
    {
        var dataDir = Directory.CreateTempSubdirectory("newssearch-stop-").FullName;
        var gatewayPort = FreePort();
        var appHostDll = AppHostDll();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(appHostDll);
        info.ArgumentList.Add($"--Data:Dir={dataDir}");
        info.ArgumentList.Add($"--Gateway:Url=http://127.0.0.1:{gatewayPort}");
        // What the launch profile gives `dotnet run`: the dashboard's addresses, on free ports here.
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
        info.Environment["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort()}";
        info.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var appHost = new AppHostProcess(process, dataDir);
        try
        {
            await appHost.WaitForGatewayAsync(gatewayPort, cancellationToken);
            return appHost;
        }
        catch
        {
            await appHost.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Everything this AppHost started: DCP (started detached, watching the AppHost's PID), what DCP started, and
    /// every service (their environment carries this run's data directory).
    /// </summary>
    public IReadOnlyCollection<int> SystemProcesses()
    {
        var found = new HashSet<int>(Processes.WithEnvironment($"Data__Dir={_dataDir}"));
        var dcp = Processes.WithCommandLine($"--monitor {Pid}");
        var pending = new Queue<int>(dcp);
        while (pending.TryDequeue(out var pid))
        {
            if (found.Add(pid) || dcp.Contains(pid))
            {
                foreach (var child in Processes.ChildrenOf(pid))
                {
                    pending.Enqueue(child);
                }
            }
        }
        found.Remove(Pid);
        return found;
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
    }

    private async Task WaitForGatewayAsync(int port, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(4));
        while (true)
        {
            _process.HasExited.ShouldBeFalse("the AppHost exited before the gateway was healthy");
            try
            {
                using var health = await http.GetAsync($"http://127.0.0.1:{port}/health", deadline.Token);
                if (health.IsSuccessStatusCode) return;
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !deadline.IsCancellationRequested))
            {
                // Not up yet.
            }
            await Task.Delay(500, deadline.Token);
        }
    }

    /// <summary>The AppHost's own build, in this test project's configuration (bin/&lt;Configuration&gt;/&lt;tfm&gt;).</summary>
    private static string AppHostDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Search.sln")))
        {
            root = root.Parent;
        }
        root.ShouldNotBeNull("the repository root (Search.sln) above the test binaries");
        return Path.Combine(root.FullName, "AppHost", "bin", output.Parent!.Name, output.Name, "AppHost.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        var leftovers = SystemProcesses();
        if (!_process.HasExited)
        {
            Processes.Kill(_process.Id, Processes.SigTerm);
            try
            {
                await WaitForExitAsync(TimeSpan.FromSeconds(60));
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        foreach (var pid in leftovers.Where(Processes.IsAlive))
        {
            Processes.Kill(pid);
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A service still closing a file; the OS cleans temp.
        }
    }
}
