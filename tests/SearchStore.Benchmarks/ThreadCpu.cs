using System.Runtime.InteropServices;

namespace NewsSearch.SearchStore.Benchmarks;

/// <summary>CPU time consumed by the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)), with nanosecond resolution.</summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport, not LibraryImport: the signature is blittable and the source generator would need unsafe code.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    public static double Milliseconds()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTimeId, out var time) != 0) return 0;
        return time.Seconds * 1000.0 + time.Nanoseconds / 1_000_000.0;
    }
}
