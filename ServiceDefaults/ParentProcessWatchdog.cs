using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsSearch.ServiceDefaults;

/// <summary>Which process this service must not outlive, and how often to look.</summary>
public sealed class WatchdogOptions
{
    /// <summary>The configuration key (environment variable) the AppHost sets to its own process id.</summary>
    public const string ParentPidKey = "APPHOST_PID";

    /// <summary>Without it the watchdog does nothing: a service started by hand has no parent to watch.</summary>
    public int? ParentPid { get; set; }

    public TimeSpan WatchdogInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Stops the service when the process that started it is gone, so a killed AppHost (SIGKILL, a crash) leaves
/// no orphans: the AppHost cannot clean up after itself then, and Linux does not take children down with it.
/// </summary>
public sealed partial class ParentProcessWatchdog(
    IOptions<WatchdogOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ParentProcessWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ParentPid is not { } parent)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.WatchdogInterval);
        while (ProcessLiveness.IsAlive(parent))
        {
            if (!await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }

        LogParentGone(parent);
        lifetime.StopApplication();
    }

    [LoggerMessage(LogLevel.Warning, "The process that started this service (pid {Pid}) is gone; stopping")]
    private partial void LogParentGone(int pid);
}

public static class ProcessLiveness
{
    /// <summary>
    /// True while the process runs. A zombie (exited, not yet reaped by its own parent) counts as gone.
    /// On Linux it reads /proc directly, which is cheap enough to do every second.
    /// </summary>
    public static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return ReadLinuxState(pid) is { } state && state is not ('Z' or 'X' or 'x');
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static char? ReadLinuxState(int pid)
    {
        try
        {
            // Format: "pid (comm) state ..."; comm may contain spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var end = stat.LastIndexOf(')');
            return end >= 0 && end + 2 < stat.Length ? stat[end + 2] : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
