using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace NewsSearch.AppHost.Hosting;

/// <summary>
/// The system configuration (names as in DESIGN.md), from environment variables and <c>--Key=Value</c>
/// arguments, with relative paths made absolute so every service sees the same files.
/// </summary>
public sealed record AppHostSettings(
    string RepositoryRoot,
    string BuildConfiguration,
    string TargetFramework,
    string DataDir,
    Uri GatewayUrl,
    string SearchBackend,
    string? ElasticsearchConnection,
    string SeedsDir,
    bool SeedsImport,
    string? OtlpEndpoint,
    string ApiKeyFile,
    string ApiKey,
    bool ApiKeyCreated,
    IReadOnlyList<string> GatewayApiKeys,
    int? ParentPid)
{
    public const string SolutionFile = "Search.sln";

    public static AppHostSettings Load(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

        var root = FindRepositoryRoot();
        var dataDir = FullPath(configuration["Data:Dir"], root, ".data");
        var apiKeyFile = new ApiKeyFile(Path.Combine(dataDir, "api-key"));
        var (apiKey, created) = apiKeyFile.LoadOrCreate();
        var configuredKeys = configuration.GetSection("Gateway:ApiKeys").GetChildren()
            .Select(key => key.Value)
            .OfType<string>()
            .Where(key => key.Length > 0)
            .ToList();

        return new AppHostSettings(
            RepositoryRoot: root,
            BuildConfiguration: BuildMetadata("Configuration"),
            TargetFramework: BuildMetadata("TargetFramework"),
            DataDir: dataDir,
            GatewayUrl: ParseUrl(configuration["Gateway:Url"] ?? "http://127.0.0.1:5080"),
            SearchBackend: configuration["Search:Backend"] is { Length: > 0 } backend ? backend : "sqlite",
            ElasticsearchConnection: NullIfEmpty(configuration["ConnectionStrings:elasticsearch"]),
            SeedsDir: FullPath(configuration["Seeds:Dir"], root, "seeds"),
            SeedsImport: configuration.GetValue("Seeds:Import", true),
            OtlpEndpoint: NullIfEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]),
            ApiKeyFile: apiKeyFile.Path,
            ApiKey: apiKey,
            ApiKeyCreated: created,
            // Configured keys first, so Gateway__ApiKeys__0.. keep the indices the operator gave them.
            GatewayApiKeys: [.. configuredKeys, apiKey],
            // For tools (the end-to-end tests) that start the AppHost: it stops with them, like a service with it.
            ParentPid: configuration.GetValue<int?>("AppHost:ParentPid"));
    }

    /// <summary>The repository root: the folder holding Search.sln, above the AppHost's binaries or the current directory.</summary>
    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException($"Cannot find {SolutionFile} above {AppContext.BaseDirectory}: run the AppHost from its repository.");
    }

    private static string BuildMetadata(string key) =>
        typeof(AppHostSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key).Value!;

    /// <summary>Relative paths given by the operator are relative to where they ran the command; defaults to the repository root.</summary>
    private static string FullPath(string? configured, string root, string defaultRelative) =>
        string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(root, defaultRelative)
            : Path.GetFullPath(configured);

    private static Uri ParseUrl(string value)
    {
        // Kestrel accepts wildcard hosts that Uri does not.
        var normalised = value.Replace("://*:", "://0.0.0.0:").Replace("://+:", "://0.0.0.0:");
        return Uri.TryCreate(normalised, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new InvalidOperationException($"Gateway:Url '{value}' is not an absolute http(s) URL.");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
