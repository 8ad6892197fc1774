using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace NewsSearch.Gateway;

/// <summary>Which per-client budget a route spends.</summary>
public enum Budget
{
    None,
    Reads,
    Writes,
}

/// <summary>What the gateway enforces on one route before proxying it.</summary>
public sealed record RoutePolicy(Budget Budget, bool RequiresApiKey, bool IsSearch, long MaxBodyBytes);

/// <summary>A public route: where it goes and what it enforces.</summary>
public sealed record GatewayRoute(string Id, string Service, string Path, IReadOnlyList<string>? Methods, RoutePolicy Policy, string? DestinationPath = null);

/// <summary>
/// The route table of the README's API section: writes and admin to ingest, reads to query, everything else to web.
/// Built in code from configuration so the addresses can come from <c>services:{name}:http:0</c>.
/// </summary>
public sealed class GatewayRoutes
{
    public const string Ingest = "ingest";
    public const string Query = "query";
    public const string Web = "web";
    public const string CorsPolicy = "gateway";

    /// <summary>The services whose OpenAPI documents the API explorer lists.</summary>
    public static IReadOnlyList<string> ApiServices { get; } = [Query, Ingest];

    /// <summary>The services the gateway routes to; each must have an address.</summary>
    public static IReadOnlyList<string> RoutedServices { get; } = [Ingest, Query, Web];

    private static readonly string[] Read = ["GET", "HEAD"];
    private static readonly string[] Write = ["POST", "PUT", "PATCH", "DELETE"];

    private readonly Dictionary<string, RoutePolicy> _policies;

    public GatewayRoutes(BodyLimitOptions limits)
    {
        var read = new RoutePolicy(Budget.Reads, RequiresApiKey: false, IsSearch: false, limits.Default);
        var search = read with { IsSearch = true };
        var write = new RoutePolicy(Budget.Writes, RequiresApiKey: true, IsSearch: false, limits.Default);

        Routes =
        [
            new("ingest-article", Ingest, "/api/articles", ["POST"], write with { MaxBodyBytes = limits.Article }),
            new("ingest-batch", Ingest, "/api/articles/batch", ["POST"], write with { MaxBodyBytes = limits.Batch }),
            new("ingest-delete", Ingest, "/api/articles/{id}", ["DELETE"], write),
            new("ingest-pipeline-read", Ingest, "/api/pipeline/{**rest}", Read, read),
            new("ingest-pipeline-write", Ingest, "/api/pipeline/{**rest}", Write, write),
            // Admin calls need a key whatever their method: they act on the whole index.
            new("ingest-admin", Ingest, "/api/admin/{**rest}", null, write),
            new("query-search", Query, "/api/search", Read, search),
            // An export spends one read token however many rows it streams, and holds a search slot while it runs.
            new("query-export", Query, "/api/search/export", Read, search),
            new("query-analysis", Query, "/api/analysis/{**rest}", Read, search),
            new("query-compare", Query, "/api/compare", Read, search),
            new("query-stories", Query, "/api/stories", Read, search),
            new("query-story", Query, "/api/stories/{id}", Read, read),
            new("query-similar", Query, "/api/articles/{id}/similar", Read, search),
            new("query-article", Query, "/api/articles/{id}", Read, read),
            new("query-suggest", Query, "/api/suggest", Read, read),
            .. ApiServices.Select(service =>
                new GatewayRoute($"{service}-openapi", service, $"/openapi/{service}.json", Read, read, DestinationPath: "/openapi/v1.json")),
            new("web", Web, "/{**rest}", null, read),
        ];
        _policies = Routes.ToDictionary(route => route.Id, route => route.Policy);
    }

    public IReadOnlyList<GatewayRoute> Routes { get; }

    /// <summary>The policy of the proxied route this request matched; null for the gateway's own endpoints.</summary>
    public RoutePolicy? PolicyFor(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is { } route && _policies.TryGetValue(route.Config.RouteId, out var policy)
            ? policy
            : null;

    public IReadOnlyList<RouteConfig> ToRouteConfigs() =>
        [.. Routes.Select(route => new RouteConfig
        {
            RouteId = route.Id,
            ClusterId = route.Service,
            Match = new RouteMatch { Path = route.Path, Methods = route.Methods },
            CorsPolicy = CorsPolicy,
            MaxRequestBodySize = route.Policy.MaxBodyBytes,
            Transforms = route.DestinationPath is { } path ? [new Dictionary<string, string> { ["PathSet"] = path }] : null,
        })];

    public static IReadOnlyList<ClusterConfig> ToClusterConfigs(GatewayOptions options) =>
        [.. RoutedServices.Select(service => new ClusterConfig
        {
            ClusterId = service,
            // Resolved by service discovery (services:{name}:http:0), on every change of the service's address.
            Destinations = new Dictionary<string, DestinationConfig> { [service] = new() { Address = $"http://{service}" } },
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = options.DestinationProbeInterval,
                    Timeout = options.ServiceHealthTimeout,
                    Path = options.DestinationProbePath,
                    Policy = "ConsecutiveFailures",
                },
            },
        })];

    /// <summary>A service's address as Aspire passes it: <c>services:{name}:http:0</c> (or https).</summary>
    public static string? ServiceAddress(IConfiguration configuration, string service) =>
        configuration[$"services:{service}:http:0"] ?? configuration[$"services:{service}:https:0"];
}
