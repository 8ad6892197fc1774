namespace NewsSearch.EndToEnd.Tests;

/// <summary>One running system shared by the tests of a class that only look at it (and restart services).</summary>
public sealed class RunningSystem : IAsyncLifetime
{
    private AppHostProcess? system;

    public AppHostProcess System => system ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => system = await AppHostProcess.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (system is not null)
        {
            await system.DisposeAsync();
        }
    }
}
