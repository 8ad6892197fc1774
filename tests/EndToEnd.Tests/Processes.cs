using System.Runtime.InteropServices;

namespace NewsSearch.EndToEnd.Tests;

/// <summary>Linux process facts read from /proc, to check that nothing the system started outlives it.</summary>
public static class Processes
{
    public static IReadOnlyList<int> ChildrenOf(int pid) =>
        [.. All().Where(process => ParentOf(process) == pid)];

    /// <summary>Every process whose environment holds <paramref name="marker"/> (e.g. a test's own data directory).</summary>
    public static IReadOnlyList<int> WithEnvironment(string marker) =>
        [.. All().Where(pid => Read($"/proc/{pid}/environ")?.Contains(marker, StringComparison.Ordinal) == true)];

    /// <summary>Every process whose command line holds <paramref name="text"/>.</summary>
    public static IReadOnlyList<int> WithCommandLine(string text) =>
        [.. All().Where(pid => Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ').Contains(text, StringComparison.Ordinal) == true)];

    /// <summary>Alive and not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid) => Read($"/proc/{pid}/stat") is { } stat && StateOf(stat) is not ('Z' or 'X');

    public static void Kill(int pid, int signal = SigKill) => _ = kill(pid, signal);

    public const int SigKill = 9;
    public const int SigTerm = 15;

    private static IEnumerable<int> All() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(name => int.TryParse(name, out var pid) ? pid : 0).Where(pid => pid > 0);

    private static int ParentOf(int pid) =>
        Read($"/proc/{pid}/stat") is { } stat && stat[(stat.LastIndexOf(')') + 2)..].Split(' ') is [_, var parent, ..] ? int.Parse(parent) : 0;

    private static char StateOf(string stat) => stat[stat.LastIndexOf(')') + 2];

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
