using System.Diagnostics;

namespace NewsSearch.AppHost.Hosting;

/// <summary>
/// Runs one service process: starts it once its dependencies are healthy, waits for its own /health,
/// restarts it with exponential backoff when it exits on its own, and stops it (SIGTERM, then kill) on request.
/// </summary>
public sealed class ResourceSupervisor(
    ProjectResource resource,
    ProcessStartInfo startInfo,
    IReadOnlyList<ResourceSupervisor> dependencies,
    ConsoleOutput output)
{
    /// <summary>A service that ran this long before it exited is restarted without the accumulated backoff.</summary>
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan WaitingNotice = TimeSpan.FromSeconds(30);

    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Lock gate = new();
    private readonly TaskCompletionSource healthy = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? current;

    public ProjectResource Resource { get; } = resource;

    public string State { get; private set; } = "Waiting";

    public int? Pid { get; private set; }

    public int Restarts { get; private set; }

    /// <summary>Completes the first time the service answers /health.</summary>
    public Task Healthy => healthy.Task;

    public event Action? Changed;

    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await Task.WhenAll(dependencies.Select(dependency => dependency.Healthy)).WaitAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var failures = 0;
        while (true)
        {
            Process process;
            try
            {
                lock (gate)
                {
                    // Checked under the lock StopAsync takes, so no process starts after the stop has looked.
                    if (stopping.IsCancellationRequested)
                    {
                        return;
                    }
                    process = Start();
                    current = process;
                }
            }
            catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
            {
                var wait = Backoff(++failures);
                SetState("Restarting", null);
                output.Info($"could not start {Resource.Name} ({exception.Message}); trying again in {wait.TotalSeconds:0.#}s");
                try
                {
                    await Task.Delay(wait, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                continue;
            }
            SetState("Starting", process.Id);

            var runtime = Stopwatch.StartNew();
            if (await WaitUntilHealthyAsync(process, stopping).ConfigureAwait(false))
            {
                SetState("Healthy", process.Id);
                healthy.TrySetResult();
            }

            try
            {
                await process.WaitForExitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // A Ctrl+C in the terminal reaches the services too; give the AppHost's own handler a moment to
            // mark the stop, so a service shutting down on the same signal is not taken for a crash.
            await Task.Delay(TimeSpan.FromMilliseconds(300), CancellationToken.None).ConfigureAwait(false);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            failures = runtime.Elapsed > StableAfter ? 1 : failures + 1;
            var delay = Backoff(failures);
            Restarts++;
            SetState("Restarting", null);
            output.Info($"{Resource.Name} exited with code {process.ExitCode}; restarting in {delay.TotalSeconds:0.#}s (restart #{Restarts})");
            process.Dispose();
            try
            {
                await Task.Delay(delay, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>1 s, 2 s, 4 s … up to 30 s between restarts of a service that keeps failing.</summary>
    public static TimeSpan Backoff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Max(0, failures - 1))));

    public async Task StopAsync(TimeSpan grace)
    {
        Process? process;
        lock (gate)
        {
            process = current;
        }
        if (process is null || HasExited(process))
        {
            SetState("Stopped", null);
            return;
        }

        SetState("Stopping", process.Id);
        Signals.Terminate(process.Id);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            output.Info($"{Resource.Name} did not stop within {grace.TotalSeconds:0}s; killing it");
            Kill();
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        SetState("Stopped", null);
    }

    public void Kill()
    {
        Process? process;
        lock (gate)
        {
            process = current;
        }
        if (process is not null && !HasExited(process))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }
        }
    }

    private Process Start()
    {
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Forward(line.Data);
        process.ErrorDataReceived += (_, line) => Forward(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Forward(string? line)
    {
        if (line is not null)
        {
            output.Line(Resource.Name, line);
        }
    }

    private async Task<bool> WaitUntilHealthyAsync(Process process, CancellationToken stopping)
    {
        var health = new Uri(ProbeUrl(Resource.Url!), "/health");
        var waiting = Stopwatch.StartNew();
        while (!stopping.IsCancellationRequested && !HasExited(process))
        {
            try
            {
                using var response = await Http.GetAsync(health, stopping).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!stopping.IsCancellationRequested)
            {
                // A probe timed out; the service is busy starting.
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            if (waiting.Elapsed > WaitingNotice)
            {
                output.Info($"still waiting for {Resource.Name} to answer {health}");
                waiting.Restart();
            }
            try
            {
                await Task.Delay(PollInterval, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>A service bound to every interface is probed on loopback.</summary>
    public static Uri ProbeUrl(Uri url) =>
        url.Host is "0.0.0.0" or "[::]" or "::" ? new UriBuilder(url) { Host = "127.0.0.1" }.Uri : url;

    private static bool HasExited(Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private void SetState(string state, int? pid)
    {
        State = state;
        Pid = pid;
        Changed?.Invoke();
    }
}
