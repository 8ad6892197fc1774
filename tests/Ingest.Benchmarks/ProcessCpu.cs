using System.Diagnostics;
using System.Globalization;

namespace NewsSearch.Ingest.Benchmarks;

/// <summary>
/// CPU time of this benchmark and every process it started (the AppHost and its services), by process. On a shared
/// machine the wall clock mostly says how busy the neighbours were; the CPU each service spent per article does not,
/// so it is the number that compares runs. Linux only (it reads parent ids from /proc); elsewhere it reports nothing.
/// </summary>
public sealed class ProcessCpu
{
    private readonly Dictionary<int, (string Name, TimeSpan Cpu)> _start;

    private ProcessCpu(Dictionary<int, (string Name, TimeSpan Cpu)> start) => _start = start;

    public static ProcessCpu Start() => new(Snapshot());

    /// <summary>CPU per process since <see cref="Start"/>, largest first; a process started meanwhile counts from zero.</summary>
    public IReadOnlyList<(string Name, TimeSpan Cpu)> Since() =>
        [.. Snapshot()
            .Select(entry => (entry.Value.Name, entry.Value.Cpu - (_start.TryGetValue(entry.Key, out var before) ? before.Cpu : TimeSpan.Zero)))
            .OrderByDescending(entry => entry.Item2)];

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static Dictionary<int, (string Name, TimeSpan Cpu)> Snapshot()
    {
        var result = new Dictionary<int, (string, TimeSpan)>();
        if (!OperatingSystem.IsLinux())
        {
            return result;
        }

        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var self = Environment.ProcessId;
        foreach (var pid in parents.Keys.Where(pid => IsDescendant(pid, self, parents)))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                result[pid] = (NameOf(pid, process.ProcessName), process.TotalProcessorTime);
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                // Exited while we looked.
            }
        }

        return result;
    }

    private static bool IsDescendant(int pid, int ancestor, Dictionary<int, int> parents)
    {
        for (var current = pid; current > 1; current = parents.GetValueOrDefault(current))
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Field 4 of /proc/{pid}/stat; the command name before it may contain spaces and parentheses, so parse after the last ')'.</summary>
    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Every service runs as "dotnet X.dll": the dll names it.</summary>
    private static string NameOf(int pid, string fallback)
    {
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return arguments.FirstOrDefault(argument => argument.EndsWith(".dll", StringComparison.Ordinal)) is { } dll
                ? Path.GetFileNameWithoutExtension(dll)
                : fallback;
        }
        catch (IOException)
        {
            return fallback;
        }
    }
}
