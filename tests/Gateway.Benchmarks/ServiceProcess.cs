using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsSearch.Gateway.Benchmarks;

/// <summary>
/// A service's built dll run as its own process on a free loopback port; disposing it stops the process.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServiceProcess(Process process, StreamWriter log, string url)
    {
        _process = process;
        _log = log;
        Url = url;
    }

    public string Url { get; }

    /// <summary>CPU the service has used so far: on a shared machine, a fairer cost than wall-clock latency.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<ServiceProcess> StartAsync(string dll, string logPath, IReadOnlyDictionary<string, string> settings)
    {
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{dll} is not built; build the benchmark in Release first.", dll);
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__")] = value;

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) lock (log) log.WriteLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (log) log.WriteLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, log, url);
        await service.WaitUntilAliveAsync();
        return service;
    }

    private async Task WaitUntilAliveAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Url} exited with {_process.ExitCode}; see its log.");
            try
            {
                if ((await client.GetAsync(Url + "/alive")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Url} did not come up within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        await _log.DisposeAsync();
    }
}
