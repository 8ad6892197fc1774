using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace NewsSearch.EndToEnd.Tests.Ingest;

/// <summary>
/// One service run from its build output (<c>dotnet src/X/bin/{Configuration}/net10.0/X.dll</c>) as a child process
/// on a fixed loopback port, so it can be killed with SIGKILL and started again on the same address and data.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);

    private readonly string _project;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private ServiceProcess(string project, int port, IReadOnlyDictionary<string, string> environment)
    {
        _project = project;
        _environment = environment;
        Url = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Url { get; }

    public string OutputTail(int lines = 60) => $"--- {_project} ---\n" + string.Join('\n', _output.TakeLast(lines));

    /// <summary>Starts <paramref name="project"/> (e.g. <c>Ingest.Api</c>) on a free port and waits until it is healthy.</summary>
    public static async Task<ServiceProcess> StartAsync(string project, IReadOnlyDictionary<string, string> environment)
    {
        var service = new ServiceProcess(project, FreePort(), environment);
        await service.StartAsync();
        return service;
    }

    public async Task StartAsync()
    {
        var dll = Path.Combine(RepositoryRoot(), "src", _project, "bin", BuildConfiguration(), "net10.0", _project + ".dll");
        File.Exists(dll).ShouldBeTrue($"{dll} is missing: build the solution first");
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_URLS"] = Url.ToString().TrimEnd('/');
        // The ServiceDefaults watchdog stops the service if this test process dies: no orphans.
        info.Environment["APPHOST_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in _environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, line) => Record(line.Data);
        process.ErrorDataReceived += (_, line) => Record(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilHealthyAsync();
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no goodbye, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + ReadyTimeout;
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new ShouldAssertException($"{_project} exited with {_process.ExitCode} while starting\n{OutputTail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new ShouldAssertException($"{_project} was not healthy within {ReadyTimeout}\n{OutputTail()}");
            }

            await Task.Delay(100);
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 2000)
        {
            _output.TryDequeue(out _);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string BuildConfiguration() =>
        typeof(ServiceProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string RepositoryRoot()
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
}
