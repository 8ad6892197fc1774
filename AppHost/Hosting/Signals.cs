using System.Runtime.InteropServices;

namespace NewsSearch.AppHost.Hosting;

/// <summary>
/// SIGTERM for a child: .NET's Process.Kill only sends SIGKILL, which gives a service no chance to
/// finish its requests and flush its telemetry.
/// </summary>
internal static partial class Signals
{
    private const int SigTerm = 15;

    public static void Terminate(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        _ = kill(pid, SigTerm);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
