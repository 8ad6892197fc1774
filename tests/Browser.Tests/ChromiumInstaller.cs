using System.Diagnostics;

namespace NewsSearch.Browser.Tests;

/// <summary>
/// Playwright's own browser download does not work here, so the suite drives Debian's Chromium and
/// installs it (we run as root on Debian) when a fresh machine does not have it yet.
/// </summary>
public static class ChromiumInstaller
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureInstalledAsync()
    {
        if (File.Exists(ExecutablePath)) return;
        await Gate.WaitAsync();
        try
        {
            if (File.Exists(ExecutablePath)) return;
            await RunAsync("apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium");
            if (!File.Exists(ExecutablePath))
                throw new InvalidOperationException($"apt-get finished but {ExecutablePath} is still missing.");
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunAsync(string script)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start /bin/sh.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"Installing Chromium failed (exit {process.ExitCode}):\n{await output}\n{await error}");
    }
}
