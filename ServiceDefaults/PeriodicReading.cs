using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsSearch.ServiceDefaults;

/// <summary>
/// Reads a value every <paramref name="interval"/> for an observable gauge, whose callback cannot wait on a database
/// or a store. A failed read is logged and tried again at the next tick.
/// </summary>
public abstract class PeriodicReading(TimeSpan interval, ILogger logger) : BackgroundService
{
    protected abstract Task ReadAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await ReadAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogDebug(exception, "A periodic reading for the metrics failed; it is tried again at the next tick");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
