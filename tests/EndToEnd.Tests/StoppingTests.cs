using NewsSearch.ServiceDefaults;

namespace NewsSearch.EndToEnd.Tests;

public sealed class StoppingTests
{
    /// <summary>A tolerance for a loaded machine, not a speed requirement.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SIGTERM_stops_every_service_and_the_AppHost_exits_cleanly_leaving_no_process_behind()
    {
        await using var system = await AppHostProcess.StartAsync(cancellationToken: Cancellation);
        var children = system.ChildPids;
        children.Count.ShouldBe(5);
        children.ShouldAllBe(pid => ProcessLiveness.IsAlive(pid));

        var exitCode = await system.StopAsync(Patience);

        exitCode.ShouldBe(0, system.OutputTail());
        // The AppHost waits for its children before it exits: nothing may be left at this point.
        system.LiveChildPids().ShouldBeEmpty(system.OutputTail());
        system.ReadState()!.Resources.ShouldAllBe(resource => resource.State == "Stopped");
    }

    [Fact]
    public async Task Killing_the_AppHost_with_SIGKILL_takes_every_service_down_by_itself()
    {
        await using var system = await AppHostProcess.StartAsync(cancellationToken: Cancellation);
        var children = system.ChildPids;
        children.Count.ShouldBe(5);

        await system.KillAppHostAsync();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        deadline.CancelAfter(Patience);
        while (system.LiveChildPids().Count > 0)
        {
            await Task.Delay(200, deadline.Token);
        }
        system.LiveChildPids().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_second_start_on_the_same_data_directory_reuses_the_API_key()
    {
        var dataDir = Directory.CreateTempSubdirectory("newssearch-e2e-").FullName;
        try
        {
            string firstKey;
            await using (var first = await AppHostProcess.StartAsync(dataDir, cancellationToken: Cancellation))
            {
                firstKey = first.ApiKey;
            }

            await using var second = await AppHostProcess.StartAsync(dataDir, cancellationToken: Cancellation);

            second.ApiKey.ShouldBe(firstKey);
            await second.WaitForOutputAsync(line => line.Contains("API key for write routes") && line.Contains(firstKey),
                cancellationToken: Cancellation);
            second.Output.ShouldNotContain(line => line.Contains("created an API key"));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
