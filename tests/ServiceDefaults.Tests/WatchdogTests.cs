using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace NewsSearch.ServiceDefaults.Tests;

public sealed class WatchdogTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private sealed class RecordingLifetime : IHostApplicationLifetime
    {
        public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopped.TrySetResult();
    }

    private static Process Sleeper() => Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;

    private static ParentProcessWatchdog Watchdog(int? parentPid, RecordingLifetime lifetime) => new(
        Options.Create(new WatchdogOptions { ParentPid = parentPid, WatchdogInterval = TimeSpan.FromMilliseconds(50) }),
        lifetime,
        NullLogger<ParentProcessWatchdog>.Instance);

    [Fact]
    public async Task The_service_is_stopped_once_the_process_that_started_it_has_exited()
    {
        using var parent = Sleeper();
        var lifetime = new RecordingLifetime();
        using var watchdog = Watchdog(parent.Id, lifetime);
        await watchdog.StartAsync(Cancellation);
        try
        {
            lifetime.Stopped.Task.IsCompleted.ShouldBeFalse();

            parent.Kill();

            await lifetime.Stopped.Task.WaitAsync(Patience, Cancellation);
        }
        finally
        {
            await watchdog.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Without_a_parent_pid_the_watchdog_leaves_the_service_running()
    {
        var lifetime = new RecordingLifetime();
        using var watchdog = Watchdog(null, lifetime);

        await watchdog.StartAsync(Cancellation);
        await watchdog.ExecuteTask!.WaitAsync(Patience, Cancellation);

        lifetime.Stopped.Task.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task A_running_process_is_alive_and_an_exited_one_is_not()
    {
        using var process = Sleeper();
        ProcessLiveness.IsAlive(process.Id).ShouldBeTrue();

        process.Kill();
        await process.WaitForExitAsync(Cancellation);

        ProcessLiveness.IsAlive(process.Id).ShouldBeFalse();
    }

    [Fact]
    public async Task A_parent_that_died_but_was_not_yet_reaped_counts_as_gone()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "zombies are read from /proc, which only Linux has");

        // The shell starts a child and then becomes `sleep`, which never reaps: once the child ends it stays a zombie.
        using var reaperThatNeverReaps = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 1 & echo $!; exec sleep 300"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
        })!;
        try
        {
            var zombie = int.Parse((await reaperThatNeverReaps.StandardOutput.ReadLineAsync(Cancellation))!);

            while (ProcessLiveness.IsAlive(zombie))
            {
                await Task.Delay(20, Cancellation);
            }

            File.Exists($"/proc/{zombie}/stat").ShouldBeTrue("the zombie is still in the process table");
        }
        finally
        {
            reaperThatNeverReaps.Kill();
        }
    }
}
