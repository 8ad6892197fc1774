using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NewsSearch.ServiceDefaults;

namespace NewsSearch.AppHost.Hosting;

/// <summary>
/// Runs the declared resources as child processes until Ctrl+C, SIGTERM or SIGHUP, then stops them all.
/// Children also watch this process (APPHOST_PID) and stop by themselves if it dies without cleaning up.
/// </summary>
public sealed class DistributedApplication
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private static readonly KeyValuePair<string, string>[] ConsoleLogging =
    [
        new("Logging__Console__FormatterName", "simple"),
        new("Logging__Console__FormatterOptions__SingleLine", "true"),
        new("Logging__LogLevel__Microsoft.AspNetCore", "Warning"),
        // Every health probe between services is an HttpClient call; at Information they would drown the stream.
        new("Logging__LogLevel__System.Net.Http.HttpClient", "Warning"),
        new("Logging__LogLevel__Yarp", "Warning"),
    ];

    private readonly AppHostSettings settings;
    private readonly IReadOnlyList<ProjectResource> resources;

    internal DistributedApplication(AppHostSettings settings, IReadOnlyList<ProjectResource> resources)
    {
        this.settings = settings;
        this.resources = resources;
    }

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(AppHostSettings.Load(args));

    public async Task<int> RunAsync()
    {
        var output = new ConsoleOutput(resources.Select(resource => resource.Name));
        var missing = resources.Select(DllPath).Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            output.Info($"not built: {string.Join(", ", missing)}. Run `dotnet build Search.sln -c {settings.BuildConfiguration}` (or `dotnet run --project AppHost`, which builds them).");
            return 1;
        }

        if (resources.Select(resource => resource.Url).OfType<Uri>().FirstOrDefault(InUse) is { } taken)
        {
            output.Info($"{Address(taken)} is already in use (another AppHost?). Stop it, or choose another address: --Gateway:Url=http://127.0.0.1:<port>");
            return 1;
        }
        foreach (var resource in resources)
        {
            resource.Url ??= new Uri($"http://127.0.0.1:{FreePort()}");
        }

        var supervisors = new Dictionary<string, ResourceSupervisor>();
        foreach (var resource in Ordered())
        {
            var dependencies = resource.Dependencies.Select(dependency => supervisors[dependency.Name]).ToList();
            supervisors[resource.Name] = new ResourceSupervisor(resource, StartInfo(resource), dependencies, output);
        }

        var stateFile = new StateFile(Path.Combine(settings.DataDir, "apphost.json"));
        var ready = false;
        void WriteState() => stateFile.Write(new AppHostState(
            Environment.ProcessId,
            settings.GatewayUrl.GetLeftPart(UriPartial.Authority),
            settings.ApiKeyFile,
            ready,
            [.. supervisors.Values.Select(s => new ResourceState(s.Resource.Name, Address(s.Resource.Url!), s.Pid, s.State, s.Restarts))]));
        foreach (var supervisor in supervisors.Values)
        {
            supervisor.Changed += WriteState;
        }

        using var stopping = new CancellationTokenSource();
        var signals = 0;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            if (Interlocked.Increment(ref signals) == 1)
            {
                output.Info($"{context.Signal}: stopping every service (again to kill them at once)");
                stopping.Cancel();
            }
            else
            {
                foreach (var supervisor in supervisors.Values)
                {
                    supervisor.Kill();
                }
            }
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);

        output.Info($"pid {Environment.ProcessId}; {settings.BuildConfiguration} build; data in {settings.DataDir}");
        if (settings.ApiKeyCreated)
        {
            output.Info($"created an API key in {settings.ApiKeyFile}");
        }
        WriteState();

        if (settings.ParentPid is { } parent)
        {
            _ = StopWhenGoneAsync(parent, output, stopping);
        }

        var started = Stopwatch.StartNew();
        var running = supervisors.Values.Select(supervisor => supervisor.RunAsync(stopping.Token)).ToList();
        try
        {
            await Task.WhenAll(supervisors.Values.Select(supervisor => supervisor.Healthy)).WaitAsync(stopping.Token);
            // Printed before the state file says ready, so whoever waits for the file finds the table printed.
            output.Block(Table(supervisors.Values, started.Elapsed));
            ready = true;
            WriteState();
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Asked to stop.
        }
        finally
        {
            // Also on an unexpected exception: never leave a child behind.
            stopping.Cancel();
            try
            {
                await Task.WhenAll(running);
            }
            catch (Exception exception)
            {
                output.Info($"a supervisor failed: {exception.Message}");
            }
            await Task.WhenAll(supervisors.Values.Select(supervisor => supervisor.StopAsync(StopGrace)));
            ready = false;
            WriteState();
            output.Info("every service stopped");
        }
        return 0;
    }

    private static async Task StopWhenGoneAsync(int pid, ConsoleOutput output, CancellationTokenSource stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (ProcessLiveness.IsAlive(pid))
            {
                await timer.WaitForNextTickAsync(stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
        output.Info($"the process that started the AppHost (pid {pid}) is gone: stopping every service");
        await stopping.CancelAsync().ConfigureAwait(false);
    }

    /// <summary>Dependencies before dependents, so a supervisor can be handed the ones it waits for.</summary>
    private IEnumerable<ProjectResource> Ordered()
    {
        var done = new HashSet<string>();
        var ordered = new List<ProjectResource>();
        void Visit(ProjectResource resource, HashSet<string> path)
        {
            if (done.Contains(resource.Name))
            {
                return;
            }
            if (!path.Add(resource.Name))
            {
                throw new InvalidOperationException($"'{resource.Name}' waits for itself through {string.Join(" -> ", path)}.");
            }
            foreach (var dependency in resource.Dependencies)
            {
                Visit(dependency, path);
            }
            path.Remove(resource.Name);
            done.Add(resource.Name);
            ordered.Add(resource);
        }
        foreach (var resource in resources)
        {
            Visit(resource, []);
        }
        return ordered;
    }

    private ProcessStartInfo StartInfo(ProjectResource resource)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            // As `dotnet run` and Aspire do: the project folder is the content root (wwwroot, appsettings.json).
            WorkingDirectory = Path.Combine(settings.RepositoryRoot, resource.ProjectDirectory),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Keeps the services off the terminal, which stays the AppHost's alone.
            RedirectStandardInput = true,
        };
        info.ArgumentList.Add(DllPath(resource));
        foreach (var (name, value) in EnvironmentOf(resource))
        {
            info.Environment[name] = value;
        }
        return info;
    }

    /// <summary>The Aspire-style environment of one service, then whatever its declaration adds.</summary>
    private IEnumerable<KeyValuePair<string, string>> EnvironmentOf(ProjectResource resource)
    {
        yield return new("ASPNETCORE_URLS", Address(resource.Url!));
        yield return new("OTEL_SERVICE_NAME", resource.Name);
        if (settings.OtlpEndpoint is { } otlp)
        {
            yield return new("OTEL_EXPORTER_OTLP_ENDPOINT", otlp);
        }
        yield return new("APPHOST_PID", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new("Data__Dir", settings.DataDir);
        yield return new("Search__Backend", settings.SearchBackend);
        if (settings.ElasticsearchConnection is { } elasticsearch)
        {
            yield return new("ConnectionStrings__elasticsearch", elasticsearch);
        }
        yield return new("Seeds__Dir", settings.SeedsDir);
        yield return new("Seeds__Import", settings.SeedsImport ? "true" : "false");
        // One log record per line, so every line the AppHost prints carries the service's name; and no line
        // per request unless the operator asks for it (the AppHost's own environment is inherited and wins).
        foreach (var (name, value) in ConsoleLogging)
        {
            if (Environment.GetEnvironmentVariable(name) is null)
            {
                yield return new(name, value);
            }
        }
        foreach (var reference in resource.References)
        {
            yield return new($"services__{reference.Name}__http__0", Address(ResourceSupervisor.ProbeUrl(reference.Url!)));
        }
        foreach (var variable in resource.Environment)
        {
            yield return variable;
        }
    }

    private string DllPath(ProjectResource resource) => Path.Combine(
        settings.RepositoryRoot, resource.ProjectDirectory, "bin", settings.BuildConfiguration, settings.TargetFramework,
        resource.ProjectName + ".dll");

    /// <summary>The dotnet host that runs this AppHost, so the services run on the same SDK install.</summary>
    private static string DotnetHost()
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == executable)
        {
            return self;
        }
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }
        // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var candidate = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", executable));
        return File.Exists(candidate) ? candidate : executable;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Said plainly up front, rather than as a service that fails to bind and is restarted forever.</summary>
    private static bool InUse(Uri url)
    {
        var address = IPAddress.TryParse(ResourceSupervisor.ProbeUrl(url).Host.Trim('[', ']'), out var ip) ? ip : IPAddress.Loopback;
        try
        {
            using var listener = new TcpListener(address, url.Port);
            listener.Start();
            return false;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
    }

    private static string Address(Uri url) => url.GetLeftPart(UriPartial.Authority);

    private IEnumerable<string> Table(IEnumerable<ResourceSupervisor> supervisors, TimeSpan elapsed)
    {
        var rows = supervisors.Select(s => (s.Resource.Name, s.State, Url: Address(s.Resource.Url!), Pid: s.Pid?.ToString() ?? "-")).ToList();
        var name = Math.Max("Resource".Length, rows.Max(row => row.Name.Length));
        var state = Math.Max("State".Length, rows.Max(row => row.State.Length));
        var url = Math.Max("URL".Length, rows.Max(row => row.Url.Length));
        yield return "";
        yield return $"  {"Resource".PadRight(name)}  {"State".PadRight(state)}  {"URL".PadRight(url)}  PID";
        foreach (var row in rows)
        {
            yield return $"  {row.Name.PadRight(name)}  {row.State.PadRight(state)}  {row.Url.PadRight(url)}  {row.Pid}";
        }
        yield return "";
        yield return $"  All healthy after {elapsed.TotalSeconds:0.0}s.";
        yield return $"  Gateway (web UI and API): {Address(settings.GatewayUrl)}";
        yield return $"  API key for write routes (header X-Api-Key): {settings.ApiKey}   (kept in {settings.ApiKeyFile})";
        yield return "  Ctrl+C stops everything.";
        yield return "";
    }
}
