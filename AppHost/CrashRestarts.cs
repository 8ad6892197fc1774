using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsSearch.AppHost;

/// <summary>
/// Aspire leaves a project that exits on its own as Finished; operators of this product expect it back. This
/// watches every project's state and starts one that ended without being asked to (no Stopping state before
/// it ended, the AppHost not shutting down), after 1 s, 2 s, 4 s … at most 30 s; a service that then runs for a
/// minute starts again from 1 s. Each restart is logged by the AppHost and in the service's own console log.
/// </summary>
public sealed class CrashRestarts(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService resourceLogs,
    IHostApplicationLifetime lifetime,
    ILogger<CrashRestarts> logger) : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Watch> _watches = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var projects = model.Resources.OfType<ProjectResource>().Select(project => project.Name).ToHashSet();
        await foreach (var change in notifications.WatchAsync(stoppingToken))
        {
            if (!projects.Contains(change.Resource.Name))
            {
                continue;
            }
            var watch = _watches.TryGetValue(change.ResourceId, out var known) ? known : _watches[change.ResourceId] = new Watch();
            var state = change.Snapshot.State?.Text;
            if (state == KnownResourceStates.Stopping)
            {
                watch.StopRequested = true;
            }
            else if (state == KnownResourceStates.Running)
            {
                watch.StopRequested = false;
                watch.RunningSince ??= DateTimeOffset.UtcNow;
            }
            else if (state is not null && IsEnded(state) && watch.RunningSince is { } since)
            {
                watch.RunningSince = null;
                if (!watch.StopRequested && !lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    var delay = watch.NextDelay(DateTimeOffset.UtcNow - since);
                    _ = RestartAsync(change.Resource, change.ResourceId, change.Snapshot.ExitCode, delay, watch.Restarts, stoppingToken);
                }
            }
        }
    }

    private static bool IsEnded(string state) =>
        state == KnownResourceStates.Exited || state == KnownResourceStates.Finished || state == KnownResourceStates.FailedToStart;

    private async Task RestartAsync(IResource resource, string resourceId, int? exitCode, TimeSpan delay, int restarts, CancellationToken stoppingToken)
    {
        var message = $"{resource.Name} exited with code {exitCode?.ToString() ?? "unknown"} without being asked to; " +
                      $"restarting in {delay.TotalSeconds:0} s (restart {restarts})";
        logger.LogWarning("{Message}", message);
        resourceLogs.GetLogger(resource).LogWarning("{Message}", message);
        try
        {
            await Task.Delay(delay, stoppingToken);
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (!result.Success)
            {
                logger.LogError("Could not restart {Resource}: {Error}", resource.Name, result.Message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping; nothing to restart.
        }
    }

    private sealed class Watch
    {
        private TimeSpan _delay = TimeSpan.Zero;

        public bool StopRequested { get; set; }

        public DateTimeOffset? RunningSince { get; set; }

        public int Restarts { get; private set; }

        /// <summary>Doubles the wait after each crash, and forgets the crashes once the service had run stably.</summary>
        public TimeSpan NextDelay(TimeSpan ranFor)
        {
            _delay = ranFor >= StableAfter || _delay == TimeSpan.Zero ? FirstDelay : TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, MaxDelay.Ticks));
            Restarts++;
            return _delay;
        }
    }
}

public static class CrashRestartsExtensions
{
    public static IDistributedApplicationBuilder RestartCrashedServices(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddHostedService<CrashRestarts>();
        return builder;
    }
}
