using Microsoft.Extensions.Configuration;

namespace NewsSearch.AppHost;

/// <summary>
/// The system's settings (names as in the README), from <c>--Key=Value</c> arguments or environment variables,
/// with relative paths made absolute so every service sees the same files. <see cref="PassThrough"/> is every
/// other setting the operator gave, which the services receive unchanged (e.g. <c>--Query:Timeout=00:00:05</c>).
/// </summary>
public sealed record SystemSettings(
    string DataDir,
    Uri GatewayUrl,
    string SearchBackend,
    string? ElasticsearchConnection,
    string SeedsDir,
    bool SeedsImport,
    IReadOnlyList<string> GatewayApiKeys,
    IReadOnlyDictionary<string, string> PassThrough)
{
    /// <summary>
    /// Settings the AppHost passes on itself (paths made absolute, the key list extended), Aspire's own, and
    /// parameter values (secrets): never forwarded as they were given.
    /// </summary>
    private static readonly string[] OwnPrefixes =
        ["Data:Dir", "Gateway:Url", "Gateway:ApiKeys", "Search:Backend", "ConnectionStrings:", "Seeds:Dir", "Seeds:Import",
         "Parameters:", "services:", "Aspire", "AppHost:", "Dashboard:", "DcpPublisher:"];

    public static SystemSettings Load(IDistributedApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var root = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        return new SystemSettings(
            DataDir: FullPath(configuration["Data:Dir"], root, ".data"),
            GatewayUrl: ParseUrl(configuration["Gateway:Url"] ?? "http://127.0.0.1:5080"),
            SearchBackend: configuration["Search:Backend"] is { Length: > 0 } backend ? backend : "sqlite",
            ElasticsearchConnection: configuration["ConnectionStrings:elasticsearch"] is { Length: > 0 } elasticsearch ? elasticsearch : null,
            SeedsDir: FullPath(configuration["Seeds:Dir"], root, "seeds"),
            SeedsImport: configuration.GetValue("Seeds:Import", true),
            GatewayApiKeys: [.. configuration.GetSection("Gateway:ApiKeys").GetChildren().Select(key => key.Value).OfType<string>().Where(key => key.Length > 0)],
            PassThrough: OperatorSettings(configuration));
    }

    /// <summary>
    /// Every leaf setting that came from the command line or from a <c>Section__Key</c> environment variable, as the
    /// environment variable a service reads it from. Plain environment variables (PATH, HOME…) reach the services
    /// anyway; the ones with a section are named here so a service started by DCP sees exactly what the operator gave.
    /// </summary>
    private static Dictionary<string, string> OperatorSettings(IConfiguration configuration)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var providers = ((IConfigurationRoot)configuration).Providers
            .Where(provider => provider is Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationProvider
                or Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider);
        foreach (var provider in providers)
        {
            foreach (var key in LeafKeys(provider, parentPath: null))
            {
                if (key.Contains(':') && !OwnPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) &&
                    provider.TryGet(key, out var value) && value is not null)
                {
                    settings[key.Replace(":", "__", StringComparison.Ordinal)] = value;
                }
            }
        }
        return settings;
    }

    private static IEnumerable<string> LeafKeys(IConfigurationProvider provider, string? parentPath)
    {
        foreach (var child in provider.GetChildKeys([], parentPath).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var path = parentPath is null ? child : $"{parentPath}:{child}";
            if (provider.TryGet(path, out _))
            {
                yield return path;
            }
            foreach (var leaf in LeafKeys(provider, path))
            {
                yield return leaf;
            }
        }
    }

    /// <summary>Relative paths given by the operator are relative to where they ran the command; defaults to the repository root.</summary>
    private static string FullPath(string? configured, string root, string defaultRelative) =>
        string.IsNullOrWhiteSpace(configured) ? Path.Combine(root, defaultRelative) : Path.GetFullPath(configured);

    private static Uri ParseUrl(string value)
    {
        // Kestrel accepts wildcard hosts that Uri does not.
        var normalised = value.Replace("://*:", "://0.0.0.0:").Replace("://+:", "://0.0.0.0:");
        return Uri.TryCreate(normalised, UriKind.Absolute, out var uri) && uri.Scheme is "http"
            ? uri
            : throw new InvalidOperationException($"Gateway:Url '{value}' is not an absolute http URL.");
    }
}
